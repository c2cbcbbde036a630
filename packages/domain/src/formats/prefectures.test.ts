import { describe, expect, it } from "vitest";
import { isPrefecture, prefectureLabel, prefectures } from "./prefectures.ts";

describe("the prefectures", () => {
  it("are the 47 of JIS X 0401, 北海道 first and 沖縄県 last, each once", () => {
    expect(prefectures).toHaveLength(47);
    expect(new Set(prefectures).size).toBe(47);
    expect(prefectures[0]).toBe("北海道");
    expect(prefectures[12]).toBe("東京都");
    expect(prefectures[46]).toBe("沖縄県");
    expect(prefectures.filter((p) => /[都道府県]$/.test(p))).toHaveLength(47);
  });

  it("are named as each reader finds them, the Japanese name kept", () => {
    expect(prefectureLabel("東京都", "ja")).toBe("東京都");
    expect(prefectureLabel("東京都", "zh-Hans")).toBe("東京都");
    expect(prefectureLabel("東京都", "en")).toBe("Tokyo (東京都)");
    expect(prefectureLabel("大阪府", "ko")).toBe("오사카부 (大阪府)");
    expect(isPrefecture("東京都")).toBe(true);
    expect(isPrefecture("Tokyo")).toBe(false);
  });
});
