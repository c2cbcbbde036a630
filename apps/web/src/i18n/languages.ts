import { type Dictionary, en } from "./en.ts";
import { ja } from "./ja.ts";
import { ko } from "./ko.ts";
import { vi } from "./vi.ts";
import { zhHans } from "./zh-Hans.ts";
import { zhHant } from "./zh-Hant.ts";

/** The six languages of the platform, as the API names them. */
export type Language = "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";

export const dictionaries: Record<Language, Dictionary> = {
  ja,
  en,
  "zh-Hans": zhHans,
  "zh-Hant": zhHant,
  ko,
  vi,
};

export const languages = Object.keys(dictionaries) as Language[];

/** Each language named in itself, for the switcher. */
export const languageNames: Record<Language, string> = {
  ja: "日本語",
  en: "English",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
  ko: "한국어",
  vi: "Tiếng Việt",
};

/**
 * The best of our languages for the browser's preferences (BCP 47 tags, most preferred first):
 * Traditional Chinese for zh-TW, zh-HK, zh-MO and zh-Hant; Simplified for any other Chinese.
 */
export function bestLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const t = tag.toLowerCase();
    if (t.startsWith("zh")) {
      return /^zh-(hant|tw|hk|mo)\b/.test(t) ? "zh-Hant" : "zh-Hans";
    }
    const primary = t.split("-")[0];
    const match = languages.find((l) => l === primary);
    if (match) return match;
  }
  return "en";
}
