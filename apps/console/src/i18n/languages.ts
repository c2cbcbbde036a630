import { en, type MessageKey, type Messages } from "./en.ts";
import { ja } from "./ja.ts";
import { zhHans } from "./zh-Hans.ts";

export const consoleLanguages = ["ja", "en", "zh-Hans"] as const;
export type ConsoleLanguage = (typeof consoleLanguages)[number];

export const dictionaries: Record<ConsoleLanguage, Messages> = { ja, en, "zh-Hans": zhHans };

/** Each language named in itself, for the switcher. */
export const languageNames: Record<ConsoleLanguage, string> = { ja: "日本語", en: "English", "zh-Hans": "简体中文" };

/** The first of the browser's languages the console speaks (zh-CN, zh-SG and zh-Hans → 简体中文); else Japanese. */
export function preferredLanguage(browserLanguages: readonly string[]): ConsoleLanguage {
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("ja")) return "ja";
    if (lower.startsWith("en")) return "en";
    if (lower === "zh" || lower.startsWith("zh-hans") || lower === "zh-cn" || lower === "zh-sg") return "zh-Hans";
  }
  return "ja";
}

/** The text for `key` with `{name}` values put in. */
export function translate(
  language: ConsoleLanguage,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
