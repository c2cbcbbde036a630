/**
 * The 47 prefectures in JIS X 0401 order (code 01 北海道 to 47 沖縄県), shared by the applicant's site
 * and the staff console (`@jitsumei/domain/prefectures`). The address keeps the Japanese name (what
 * Japan Post and the verification record use); a select names each in the reader's language beside
 * it: romanised for English and Vietnamese, in Hangul for Korean, and as written for Japanese and
 * Chinese readers, who read the kanji.
 */
const table: [ja: string, latin: string, ko: string][] = [
  ["北海道", "Hokkaido", "홋카이도"],
  ["青森県", "Aomori", "아오모리현"],
  ["岩手県", "Iwate", "이와테현"],
  ["宮城県", "Miyagi", "미야기현"],
  ["秋田県", "Akita", "아키타현"],
  ["山形県", "Yamagata", "야마가타현"],
  ["福島県", "Fukushima", "후쿠시마현"],
  ["茨城県", "Ibaraki", "이바라키현"],
  ["栃木県", "Tochigi", "도치기현"],
  ["群馬県", "Gunma", "군마현"],
  ["埼玉県", "Saitama", "사이타마현"],
  ["千葉県", "Chiba", "지바현"],
  ["東京都", "Tokyo", "도쿄도"],
  ["神奈川県", "Kanagawa", "가나가와현"],
  ["新潟県", "Niigata", "니가타현"],
  ["富山県", "Toyama", "도야마현"],
  ["石川県", "Ishikawa", "이시카와현"],
  ["福井県", "Fukui", "후쿠이현"],
  ["山梨県", "Yamanashi", "야마나시현"],
  ["長野県", "Nagano", "나가노현"],
  ["岐阜県", "Gifu", "기후현"],
  ["静岡県", "Shizuoka", "시즈오카현"],
  ["愛知県", "Aichi", "아이치현"],
  ["三重県", "Mie", "미에현"],
  ["滋賀県", "Shiga", "시가현"],
  ["京都府", "Kyoto", "교토부"],
  ["大阪府", "Osaka", "오사카부"],
  ["兵庫県", "Hyogo", "효고현"],
  ["奈良県", "Nara", "나라현"],
  ["和歌山県", "Wakayama", "와카야마현"],
  ["鳥取県", "Tottori", "돗토리현"],
  ["島根県", "Shimane", "시마네현"],
  ["岡山県", "Okayama", "오카야마현"],
  ["広島県", "Hiroshima", "히로시마현"],
  ["山口県", "Yamaguchi", "야마구치현"],
  ["徳島県", "Tokushima", "도쿠시마현"],
  ["香川県", "Kagawa", "가가와현"],
  ["愛媛県", "Ehime", "에히메현"],
  ["高知県", "Kochi", "고치현"],
  ["福岡県", "Fukuoka", "후쿠오카현"],
  ["佐賀県", "Saga", "사가현"],
  ["長崎県", "Nagasaki", "나가사키현"],
  ["熊本県", "Kumamoto", "구마모토현"],
  ["大分県", "Oita", "오이타현"],
  ["宮崎県", "Miyazaki", "미야자키현"],
  ["鹿児島県", "Kagoshima", "가고시마현"],
  ["沖縄県", "Okinawa", "오키나와현"],
];

export const prefectures: readonly string[] = table.map(([ja]) => ja);

export function isPrefecture(name: string): boolean {
  return prefectures.includes(name);
}

/** A prefecture (its Japanese name) as a reader of `lang` finds it in a list: 東京都, Tokyo (東京都), 도쿄도 (東京都). */
export function prefectureLabel(ja: string, lang: string): string {
  const row = table.find(([name]) => name === ja);
  if (!row || lang === "ja" || lang.startsWith("zh")) return ja;
  return `${lang === "ko" ? row[2] : row[1]} (${ja})`;
}
