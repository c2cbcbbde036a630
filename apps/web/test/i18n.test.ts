import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.ts";
import { bestLanguage, dictionaries, languages } from "../src/i18n/languages.ts";
import { allOf, anyOf } from "../src/i18n/lists.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the site's dictionaries", () => {
  it("has the six languages of the platform", () => {
    expect([...languages].sort()).toEqual(["en", "ja", "ko", "vi", "zh-Hans", "zh-Hant"]);
  });

  for (const lang of languages) {
    describe(lang, () => {
      const dictionary = dictionaries[lang];
      it("has exactly the English keys: none missing, none extra", () => {
        expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      });
      it("fills every key, with the same placeholders as English", () => {
        for (const [key, text] of Object.entries(dictionary)) {
          expect(text.trim(), key).not.toBe("");
          expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
        }
      });
      if (lang !== "en") {
        it("is translated, not English copied (brand and phone names aside)", () => {
          const same = Object.entries(dictionary).filter(([key, text]) => text === en[key as keyof typeof en]);
          expect(same.length, same.map(([k]) => k).join(", ")).toBeLessThanOrEqual(4);
        });
      }
    });
  }
});

describe("the browser's language", () => {
  it("picks the first of the browser's languages the site speaks", () => {
    expect(bestLanguage(["fr-FR", "ko-KR", "en"])).toBe("ko");
    expect(bestLanguage(["vi"])).toBe("vi");
    expect(bestLanguage(["ja-JP"])).toBe("ja");
  });
  it("reads Taiwan, Hong Kong, Macau and Hant as Traditional Chinese, any other Chinese as Simplified", () => {
    expect(bestLanguage(["zh-TW"])).toBe("zh-Hant");
    expect(bestLanguage(["zh-HK"])).toBe("zh-Hant");
    expect(bestLanguage(["zh-MO"])).toBe("zh-Hant");
    expect(bestLanguage(["zh-Hant-TW"])).toBe("zh-Hant");
    expect(bestLanguage(["zh-CN"])).toBe("zh-Hans");
    expect(bestLanguage(["zh-SG"])).toBe("zh-Hans");
    expect(bestLanguage(["zh"])).toBe("zh-Hans");
  });
  it("falls back to English for a language the site does not speak", () => {
    expect(bestLanguage(["fr-FR", "de"])).toBe("en");
    expect(bestLanguage([])).toBe("en");
  });
});

describe("lists of documents", () => {
  it("say 'or' where any one will do, in every language (a document to bring to a counter)", () => {
    const or = { ja: "または", en: " or ", "zh-Hans": "或", "zh-Hant": "或", ko: "또는", vi: "hoặc" } as const;
    for (const lang of languages) {
      const items = ["A", "B", "C"];
      expect(anyOf(lang, items), lang).toContain(or[lang]);
      expect(anyOf(lang, items), lang).not.toBe(allOf(lang, items));
    }
    expect(anyOf("zh-Hans", ["护照", "在留卡", "日本驾驶证"])).toBe("护照、在留卡或日本驾驶证");
    expect(anyOf("vi", ["Hộ chiếu", "Thẻ cư trú", "Bằng lái"])).toBe("Hộ chiếu, Thẻ cư trú hoặc Bằng lái");
    expect(allOf("en", ["A", "B"])).toBe("A and B");
  });
});
