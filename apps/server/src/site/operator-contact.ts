import { interpolate, type Language, type Translations } from "@jitsumei/domain";
import { z } from "zod";

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) }).catchall(z.string().min(1));
const phone = z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, "must be a phone number such as 0120-000-000");
const https = z
  .string()
  .url("must be a URL")
  .refine((u) => u.startsWith("https://"), "must be an https:// URL");

/** A separate complaints desk (苦情受付窓口), where the operator has one apart from its support line. */
const complaintsDeskSchema = z
  .object({
    name: text,
    phone: phone.optional(),
    hours: text.optional().describe("In Japan time (JST), as the phone's hours"),
    email: z.string().email("must be an e-mail address").optional(),
    formUrl: https.optional(),
  })
  .strict()
  .refine((d) => d.phone || d.email || d.formUrl, { message: "must give a phone, an email or a formUrl" });

/**
 * How an applicant or subscriber reaches the operator: questions, a line that stopped, a complaint.
 * The Telecommunications Business Act makes the operator handle complaints and inquiries promptly and
 * properly (電気通信事業法 第27条, 苦情等の処理) and explain, before a contract, how to reach it
 * (第26条, 提供条件の説明: the operator's contact point). Hours are in Japan time.
 */
export const operatorContactSchema = z
  .object({
    phone,
    hours: text,
    email: z.string().email("must be an e-mail address").optional(),
    formUrl: https.optional(),
    /** Where written complaints go (書面による苦情の申出先). */
    postalAddress: text,
    complaints: complaintsDeskSchema.optional(),
  })
  .strict()
  .refine((c) => c.email || c.formUrl, { message: "must give an email or a formUrl (or both)", path: ["email"] });

export type OperatorContact = z.infer<typeof operatorContactSchema>;

/** The fictitious demo operator's contact points (numbers and addresses that reach nobody). */
export const sampleContact: OperatorContact = {
  phone: "0120-000-000",
  hours: {
    ja: "毎日 9:00〜20:00・年末年始を除く",
    en: "daily 9:00–20:00 except 29 Dec–3 Jan",
    "zh-Hans": "每天 9:00–20:00，12月29日至1月3日除外",
    "zh-Hant": "每天 9:00–20:00，12月29日至1月3日除外",
    ko: "매일 9:00~20:00, 12월 29일~1월 3일 제외",
    vi: "hằng ngày 9:00–20:00, trừ 29/12–3/1",
  },
  email: "support@mobile.example.jp",
  formUrl: "https://mobile.example.jp/support/form",
  postalAddress: {
    ja: "〒100-0005 東京都千代田区丸の内一丁目1番1号 実名モバイル株式会社 お客さまセンター（架空）",
    en: "Customer Centre, Jitsumei Mobile K.K., 1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005 (fictitious)",
  },
  complaints: {
    name: {
      ja: "苦情受付窓口",
      en: "Complaints desk",
      "zh-Hans": "投诉受理窗口",
      "zh-Hant": "申訴受理窗口",
      ko: "불만 접수 창구",
      vi: "Bộ phận tiếp nhận khiếu nại",
    },
    phone: "0120-000-001",
    hours: {
      ja: "平日 10:00〜17:00",
      en: "weekdays 10:00–17:00",
      "zh-Hans": "工作日 10:00–17:00",
      "zh-Hant": "平日 10:00–17:00",
      ko: "평일 10:00~17:00",
      vi: "ngày thường 10:00–17:00",
    },
    email: "complaints@mobile.example.jp",
  },
};

/** The operator's text in `language`: theirs where given, else English (Japanese for ja and Chinese). */
export function contactText(text: Record<string, string>, language: Language): string {
  return text[language] ?? (language === "ja" || language.startsWith("zh") ? text.ja : text.en) ?? text.ja ?? "";
}

const mailFooter: Translations = {
  ja: "お問い合わせ・苦情：{phone}（{hours}、日本時間）\n{online}\n{page}",
  en: "Questions or complaints: {phone} ({hours}, Japan time)\n{online}\n{page}",
  "zh-Hans": "咨询与投诉：{phone}（{hours}，日本时间）\n{online}\n{page}",
  "zh-Hant": "諮詢與申訴：{phone}（{hours}，日本時間）\n{online}\n{page}",
  ko: "문의·불만: {phone} ({hours}, 일본 시간)\n{online}\n{page}",
  vi: "Hỏi đáp hoặc khiếu nại: {phone} ({hours}, giờ Nhật Bản)\n{online}\n{page}",
};

/**
 * The lines every mail to an applicant or subscriber ends with: the support phone and its hours (in
 * Japan time, and saying so), the e-mail or web form, and the site's contact page. A signature
 * separator ("-- ") sets them apart from the message, so mail programs show them as a footer.
 */
export function contactMailFooter(contact: OperatorContact, language: Language, publicUrl: string): string {
  const online = [contact.email, contact.formUrl].filter(Boolean).join(" / ");
  const page = `${publicUrl.replace(/\/$/, "")}/contact`;
  return `-- \n${interpolate(mailFooter[language], {
    phone: contact.phone,
    hours: contactText(contact.hours, language),
    online,
    page,
  })}`;
}

/**
 * The footer of every mail in a language, or null where the operator gave no contact. The site's
 * address is read when a mail is sent: PUBLIC_URL, or the origin the server listens on.
 */
export function operatorMailFooter(
  contact: OperatorContact | null,
  config: { publicUrl: string },
): (language: Language) => string | null {
  return (language) => (contact ? contactMailFooter(contact, language, config.publicUrl) : null);
}
