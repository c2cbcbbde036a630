import { alpha3ToAlpha2, getAlpha3Codes } from "i18n-iso-countries";

/**
 * Nationalities and issuing countries: every ISO 3166-1 country, its alpha-3 code (what documents and
 * the API use) from i18n-iso-countries' code table (its codes only: no names are bundled), named by
 * the browser's Intl.DisplayNames in the applicant's language.
 */
const alpha3Codes: string[] = Object.keys(getAlpha3Codes());

/** Where most of the operator's applicants come from: offered first, then every country A to Z. */
const common = ["JPN", "CHN", "VNM", "KOR", "PHL", "NPL", "IDN", "BRA", "MMR", "TWN", "USA"];

export type CountryOption = { alpha3: string; name: string };

/**
 * ICAO 9303 codes a passport may carry that are no ISO 3166 country: stateless persons and refugees
 * (their travel documents), and Utopia, the specimen country of ICAO's test passports (the demo chip).
 */
export const icaoCodes = ["XXA", "XXB", "XXC", "XXX", "UTO"] as const;

/**
 * The list a country select offers in `lang`: the common ones first, the rest sorted as that
 * language sorts (pinyin in Chinese, 가나다 in Korean). A code the list does not hold (an MRZ code
 * such as D or XXA, kept from an earlier answer) stays choosable under its own code.
 */
export function countryOptions(lang: string, keep: string[] = []): { common: CountryOption[]; all: CountryOption[] } {
  const option = (alpha3: string): CountryOption => ({ alpha3, name: countryName(alpha3, lang) });
  const collator = new Intl.Collator(intlLocale(lang));
  const listed = new Set<string>([...alpha3Codes, ...icaoCodes]);
  const extra = keep.filter((code) => code !== "" && !listed.has(code));
  const all = [...alpha3Codes, ...extra].map(option).sort((a, b) => collator.compare(a.name, b.name));
  return { common: common.map(option), all };
}

const intlCodes: Record<string, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW" };

const intlLocale = (lang: string) => intlCodes[lang] ?? lang;

/** A country's name in `lang` from its alpha-3 code; the code itself where nothing names it. */
export function countryName(alpha3: string, lang: string): string {
  const alpha2 = alpha3ToAlpha2(alpha3);
  if (!alpha2) return alpha3;
  try {
    return new Intl.DisplayNames([intlLocale(lang)], { type: "region" }).of(alpha2) ?? alpha3;
  } catch {
    return alpha3;
  }
}
