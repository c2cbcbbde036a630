/**
 * Nationalities offered in the form: ISO 3166-1 alpha-3 (what documents and the API use) with the
 * alpha-2 code Intl.DisplayNames needs to name them in the applicant's language. Any other code can
 * be typed.
 */
export const countries: [alpha3: string, alpha2: string][] = [
  ["JPN", "JP"],
  ["CHN", "CN"],
  ["VNM", "VN"],
  ["KOR", "KR"],
  ["PHL", "PH"],
  ["NPL", "NP"],
  ["IDN", "ID"],
  ["BRA", "BR"],
  ["MMR", "MM"],
  ["TWN", "TW"],
  ["USA", "US"],
  ["THA", "TH"],
  ["LKA", "LK"],
  ["IND", "IN"],
  ["BGD", "BD"],
  ["PAK", "PK"],
  ["MNG", "MN"],
  ["KHM", "KH"],
  ["PER", "PE"],
  ["UZB", "UZ"],
  ["MYS", "MY"],
  ["HKG", "HK"],
  ["SGP", "SG"],
  ["GBR", "GB"],
  ["FRA", "FR"],
  ["DEU", "DE"],
  ["ITA", "IT"],
  ["ESP", "ES"],
  ["CAN", "CA"],
  ["AUS", "AU"],
  ["NZL", "NZ"],
  ["RUS", "RU"],
  ["UKR", "UA"],
  ["TUR", "TR"],
  ["MEX", "MX"],
];

export const prefectures = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
];

const intlCodes: Record<string, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW" };

export function countryName(alpha2: string, lang: string): string {
  try {
    return new Intl.DisplayNames([intlCodes[lang] ?? lang], { type: "region" }).of(alpha2) ?? alpha2;
  } catch {
    return alpha2;
  }
}
