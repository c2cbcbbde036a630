import { countryName, countryOptions, icaoCodes } from "@jitsumei/domain/countries";
import { prefectureLabel, prefectures } from "@jitsumei/domain/prefectures";
import { describe, expect, it } from "vitest";

describe("nationalities", () => {
  it("offers every ISO 3166 country by its alpha-3 code, named in the applicant's language", () => {
    const { all } = countryOptions("zh-Hans");
    expect(all.length).toBeGreaterThanOrEqual(249);
    expect(all.find((c) => c.alpha3 === "MNG")?.name).toBe("蒙古");
    expect(all.find((c) => c.alpha3 === "PER")?.name).toBe("秘鲁");
    expect(countryName("PER", "vi")).toBe("Peru");
    expect(countryName("MNG", "vi")).toBe("Mông Cổ");
    expect(countryName("DEU", "ja")).toBe("ドイツ");
  });

  it("sorts as the language sorts, with the common ones apart and first", () => {
    const vi = countryOptions("vi");
    expect(vi.common[0]?.alpha3).toBe("JPN");
    const names = vi.all.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
    expect(names.indexOf("Ấn Độ")).toBeLessThan(names.indexOf("Bỉ"));
  });

  it("keeps a code given earlier that no list holds, and leaves the ICAO codes to their own group", () => {
    expect(countryOptions("en", ["ZZZ"]).all.some((c) => c.alpha3 === "ZZZ")).toBe(true);
    expect(countryOptions("en", ["UTO"]).all.some((c) => c.alpha3 === "UTO")).toBe(false);
    expect(icaoCodes).toContain("XXA");
  });
});

describe("prefectures", () => {
  it("has the 47, kept in Japanese, labelled in the applicant's language where it reads differently", () => {
    expect(prefectures).toHaveLength(47);
    expect(prefectureLabel("東京都", "ja")).toBe("東京都");
    expect(prefectureLabel("東京都", "zh-Hans")).toBe("東京都");
    expect(prefectureLabel("東京都", "en")).toBe("Tokyo (東京都)");
    expect(prefectureLabel("北海道", "vi")).toBe("Hokkaido (北海道)");
    expect(prefectureLabel("鹿児島県", "ko")).toBe("가고시마현 (鹿児島県)");
  });
});
