/** Languages every applicant-facing text is written in. */
export const languages = ["ja", "en", "zh-Hans", "zh-Hant", "ko", "vi"] as const;
export type Language = (typeof languages)[number];

export type Translations = Record<Language, string>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
