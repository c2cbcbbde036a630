import type { Language, Translations } from "@jitsumei/domain";

/**
 * How a carrier is named to the applicant, and its public tracking page. The local post simulator
 * stands in for Japan Post but its numbers are not Japan Post's: it has no tracking page, and the
 * mail's tracking link is then the applicant's own status page (which shows the parcel's state).
 */
type Carrier = { names: Translations; trackingUrl?: (trackingNumber: string, language: Language) => string };

const japanPostNames: Translations = {
  ja: "日本郵便",
  en: "Japan Post",
  "zh-Hans": "日本邮政",
  "zh-Hant": "日本郵便",
  ko: "일본우편",
  vi: "Bưu điện Nhật Bản",
};

const carriers: Record<string, Carrier> = {
  "japan-post": {
    names: japanPostNames,
    trackingUrl: (n, language) =>
      `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${encodeURIComponent(n)}&locale=${language === "ja" ? "ja" : "en"}`,
  },
  "japan-post-simulator": { names: japanPostNames },
};

export function carrierName(carrier: string, language: Language): string {
  return carriers[carrier]?.names[language] ?? carrier;
}

/** The carrier's tracking page for a parcel, or null where it has none. */
export function carrierTrackingUrl(carrier: string, trackingNumber: string, language: Language): string | null {
  return carriers[carrier]?.trackingUrl?.(trackingNumber, language) ?? null;
}
