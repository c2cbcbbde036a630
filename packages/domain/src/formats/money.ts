/**
 * Yen as each applicant language writes it, one format everywhere: the site, the mails and the SMS
 * (issue 20 item 4: the mails said "JP¥2,200" in Chinese while the page said "¥2,200"). Intl's own
 * currency format for the language's locale with the narrow symbol: ja ￥2,200, en/zh/ko ¥2,200,
 * vi 2.200 ¥. Zod-free, for the browser (`@jitsumei/domain/money`).
 */
const locales: Record<string, string> = {
  ja: "ja-JP",
  en: "en-GB",
  "zh-Hans": "zh-CN",
  "zh-Hant": "zh-TW",
  ko: "ko-KR",
  vi: "vi-VN",
};

const formatters = new Map<string, Intl.NumberFormat>();

export function formatYen(amountJpy: number, language: string): string {
  const locale = locales[language] ?? language;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol" });
    formatters.set(locale, formatter);
  }
  return formatter.format(amountJpy);
}
