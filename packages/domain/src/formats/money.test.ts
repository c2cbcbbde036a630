import { describe, expect, it } from "vitest";
import { formatYen } from "./money.ts";

describe("yen, one format per language", () => {
  it.each([
    ["ja", "￥2,200"],
    ["en", "¥2,200"],
    ["zh-Hans", "¥2,200"],
    ["zh-Hant", "¥2,200"],
    ["ko", "¥2,200"],
    ["vi", "2.200 ¥"],
  ])("%s writes 2200 yen as %s, never JP¥", (language, expected) => {
    expect(formatYen(2200, language).replace(/\u00a0/g, " ")).toBe(expected);
  });
});
