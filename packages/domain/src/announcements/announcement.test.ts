import { describe, expect, it } from "vitest";
import { announcementInputSchema, concerns } from "./announcement.ts";

const text = { ja: "お知らせ", en: "Notice", "zh-Hans": "通知", "zh-Hant": "通知", ko: "공지", vi: "Thông báo" };

describe("announcements", () => {
  it("must be written in all six languages, naming the one missing", () => {
    const { vi: _vi, ...noVietnamese } = text;
    const parsed = announcementInputSchema.safeParse({ title: noVietnamese, body: text });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["title.vi"]);
    expect(
      announcementInputSchema.safeParse({ title: text, body: { ...text, ko: " " } }).error?.issues[0]?.path,
    ).toEqual(["body", "ko"]);
    expect(announcementInputSchema.parse({ title: text, body: text }).target).toEqual({
      planIds: [],
      lineTypes: [],
      languages: [],
    });
  });

  it("concerns exactly the subscribers every given list names", () => {
    const ko = { planId: "prepaid-data-esim", lineType: "data", language: "ko" } as const;
    const everyone = { planIds: [], lineTypes: [], languages: [] };
    expect(concerns(everyone, ko)).toBe(true);
    expect(concerns({ ...everyone, languages: ["ko"] }, ko)).toBe(true);
    expect(concerns({ ...everyone, languages: ["en"] }, ko)).toBe(false);
    expect(concerns({ ...everyone, lineTypes: ["voice"] }, ko)).toBe(false);
    expect(concerns({ planIds: ["prepaid-data-esim"], lineTypes: ["data"], languages: ["ko", "vi"] }, ko)).toBe(true);
    expect(concerns({ planIds: ["postpaid-voice"], lineTypes: [], languages: [] }, ko)).toBe(false);
  });
});
