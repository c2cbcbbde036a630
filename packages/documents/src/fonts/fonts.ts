import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Language } from "@jitsumei/domain";
import * as fontkit from "fontkit";

/**
 * Fonts come from npm (Google Fonts' Noto Sans CJK families as packaged by @expo-google-fonts, SIL OFL 1.1),
 * so `npm ci` is all a machine needs. Google's builds have TrueType (glyf) outlines: pdfkit's fontkit
 * subsets those correctly, where the CFF outlines of the OTF releases break pdf-lib's subsetter.
 *
 * One family per script, because the same ideograph is drawn differently in each locale:
 * Noto Sans JP also covers Latin with Vietnamese diacritics, so English and Vietnamese use it too.
 */
export type FontFamily = "jp" | "sc" | "tc" | "kr";
export type FontWeight = "regular" | "bold";

const packages: Record<FontFamily, { name: string; file: string }> = {
  jp: { name: "@expo-google-fonts/noto-sans-jp", file: "NotoSansJP" },
  sc: { name: "@expo-google-fonts/noto-sans-sc", file: "NotoSansSC" },
  tc: { name: "@expo-google-fonts/noto-sans-tc", file: "NotoSansTC" },
  kr: { name: "@expo-google-fonts/noto-sans-kr", file: "NotoSansKR" },
};

const weights: Record<FontWeight, string> = { regular: "400Regular", bold: "700Bold" };

export const familyOf: Record<Language, FontFamily> = {
  ja: "jp",
  en: "jp",
  vi: "jp",
  "zh-Hans": "sc",
  "zh-Hant": "tc",
  ko: "kr",
};

const require = createRequire(import.meta.url);

export function fontPath(family: FontFamily, weight: FontWeight): string {
  const { name, file } = packages[family];
  const root = dirname(require.resolve(`${name}/package.json`));
  return join(root, weights[weight], `${file}_${weights[weight]}.ttf`);
}

const cache = new Map<string, Buffer>();

/** The whole font file (5–10 MB), read once per process; only the glyphs a document uses are embedded. */
export function fontBytes(family: FontFamily, weight: FontWeight): Buffer {
  const key = `${family}-${weight}`;
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = readFileSync(fontPath(family, weight));
    cache.set(key, bytes);
  }
  return bytes;
}

const glyphCache = new Map<FontFamily, fontkit.Font>();

function covers(family: FontFamily, text: string): boolean {
  let font = glyphCache.get(family);
  if (!font) {
    const opened = fontkit.create(fontBytes(family, "regular"));
    if (!("hasGlyphForCodePoint" in opened)) throw new Error(`${family}: not a single font`);
    font = opened;
    glyphCache.set(family, font);
  }
  const f = font;
  return [...text].every((c) => /\s/.test(c) || f.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
}

/**
 * The family to set a value the applicant typed (a name) in: the column's own if it has every glyph,
 * else the first that does, so a Hangul name in the Japanese column is not drawn as empty boxes.
 */
export function familyFor(text: string, preferred: FontFamily): FontFamily {
  const order: FontFamily[] = [preferred, "jp", "kr", "sc", "tc"];
  return order.find((family) => covers(family, text)) ?? preferred;
}
