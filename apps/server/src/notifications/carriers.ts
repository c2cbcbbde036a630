import type { Language, Translations } from "@jitsumei/domain";

/**
 * How a carrier is named to the applicant. Its tracking page is configuration (SHIPMENT_TRACKING_URL,
 * issuance/delivery.ts), the same for the status page and the mail.
 */
type Carrier = { names: Translations };

const japanPostNames: Translations = {
  ja: "日本郵便",
  en: "Japan Post",
  "zh-Hans": "日本邮政",
  "zh-Hant": "日本郵便",
  ko: "일본우편",
  vi: "Bưu điện Nhật Bản",
};

const carriers: Record<string, Carrier> = {
  "japan-post": { names: japanPostNames },
  "japan-post-simulator": { names: japanPostNames },
};

export function carrierName(carrier: string, language: Language): string {
  return carriers[carrier]?.names[language] ?? carrier;
}
