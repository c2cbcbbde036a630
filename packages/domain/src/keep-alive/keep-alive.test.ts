import { describe, expect, it } from "vitest";
import { languages } from "../i18n/languages.ts";
import {
  dueReminder,
  type KeepAliveRules,
  keepAliveRuleSets,
  keepAliveRulesSchema,
  keepAliveTimeline,
  type ValidityState,
  validityAfterTopUp,
  validityStateAt,
  validityTransition,
} from "./keep-alive.ts";
import { keepAliveNoticeText } from "./keep-alive-texts.ts";

const povo: KeepAliveRules = keepAliveRuleSets.suspendAfter180Days;
const softbank: KeepAliveRules = keepAliveRuleSets.receiveOnlyAfterExpiry;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("validityAfterTopUp", () => {
  it.each([
    // [rules, current end, top-up day, new end]
    ["180 days from the first purchase", povo, null, "2026-01-01", "2026-06-30"],
    ["180 days from any later top-up: the maximum caps it", povo, "2026-06-30", "2026-03-01", "2026-08-28"],
    ["180 days from a top-up after expiry", povo, "2026-06-30", "2026-07-15", "2027-01-11"],
    ["60 more days on the current end", softbank, "2026-03-02", "2026-02-20", "2026-05-01"],
    ["60 days from the top-up day once expired", softbank, "2026-03-02", "2026-04-01", "2026-05-31"],
    ["no further than 360 days after the top-up", softbank, "2026-12-20", "2026-01-01", "2026-12-27"],
    ["never shorter than before", softbank, "2027-02-01", "2026-01-01", "2027-02-01"],
  ] as const)("%s", (_name, rules, current, at, expected) => {
    expect(validityAfterTopUp(rules, current ? day(current) : null, day(at)).toISOString()).toBe(
      day(expected).toISOString(),
    );
  });
});

describe("keepAliveTimeline", () => {
  it("suspends at the end of validity and terminates 30 days later (no top-up for 180 days)", () => {
    expect(keepAliveTimeline(povo, day("2026-06-30"))).toEqual({
      validUntil: day("2026-06-30"),
      receiveOnlyFrom: null,
      suspendedFrom: day("2026-06-30"),
      terminatesAt: day("2026-07-30"),
    });
  });
  it("receives only from the end of validity and terminates 360 days later", () => {
    expect(keepAliveTimeline(softbank, day("2026-03-02"))).toEqual({
      validUntil: day("2026-03-02"),
      receiveOnlyFrom: day("2026-03-02"),
      suspendedFrom: null,
      terminatesAt: day("2027-02-25"),
    });
  });
});

describe("validityStateAt", () => {
  const both: KeepAliveRules = { ...povo, id: "both", receiveOnlyDays: 10, suspendedDays: 5 };
  it.each([
    [povo, "2026-06-29", "active"],
    [povo, "2026-06-30", "suspended"],
    [povo, "2026-07-29", "suspended"],
    [povo, "2026-07-30", "terminated"],
    [softbank, "2026-06-29", "active"],
    [softbank, "2026-06-30", "receive_only"],
    [softbank, "2027-06-24", "receive_only"],
    [softbank, "2027-06-25", "terminated"],
    [both, "2026-07-09", "receive_only"],
    [both, "2026-07-10", "suspended"],
    [both, "2026-07-14", "suspended"],
    [both, "2026-07-15", "terminated"],
  ] as const)("%# at %s: %s", (rules, at, expected) => {
    expect(validityStateAt(rules, day("2026-06-30"), day(at))).toBe(expected);
  });
});

describe("validityTransition", () => {
  const end = day("2026-06-30");
  it.each([
    // [rules, current state, at, move to]
    [povo, "active", "2026-06-01", null],
    [povo, "active", "2026-06-30", "suspended"],
    [povo, "suspended", "2026-07-10", null],
    [povo, "suspended", "2026-07-30", "terminated"],
    [povo, "active", "2026-08-30", "terminated"],
    [povo, "suspended", "2026-06-01", "active"],
    [softbank, "active", "2026-07-01", "receive_only"],
    [softbank, "receive_only", "2026-12-01", null],
    [softbank, "receive_only", "2026-06-01", "active"],
    [softbank, "suspended", "2026-12-01", null],
    [softbank, "receive_only", "2027-07-01", "terminated"],
    [softbank, "terminated", "2026-06-01", null],
  ] as const)("%# %s at %s → %s", (rules, current, at, expected) => {
    expect(validityTransition(rules, current as ValidityState, end, day(at))).toBe(expected);
  });
});

describe("dueReminder", () => {
  const end = day("2026-06-30");
  it.each([
    ["2026-05-30", null],
    ["2026-05-31", 30],
    ["2026-06-22", 30],
    ["2026-06-23", 7],
    ["2026-06-25", 7],
    ["2026-06-29", 1],
    ["2026-06-30", null],
  ] as const)("at %s: %s days", (at, expected) => {
    expect(dueReminder(povo, end, day(at))).toBe(expected);
  });
});

describe("keepAliveRulesSchema", () => {
  it("accepts both demo patterns", () => {
    expect(keepAliveRulesSchema.parse(povo)).toEqual(povo);
    expect(keepAliveRulesSchema.parse(softbank)).toEqual(softbank);
  });
  it("refuses a maximum below the days one top-up adds, naming the field", () => {
    const result = keepAliveRulesSchema.safeParse({ ...softbank, maximumValidityDays: 30 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["maximumValidityDays"]);
  });
  it("refuses unknown fields and negative periods", () => {
    expect(keepAliveRulesSchema.safeParse({ ...povo, graceDays: 3 }).success).toBe(false);
    expect(keepAliveRulesSchema.safeParse({ ...povo, suspendedDays: -1 }).success).toBe(false);
  });
});

describe("keepAliveNoticeText", () => {
  it("fills every placeholder in every language", () => {
    for (const language of languages) {
      for (const notice of ["reminder", "receive_only", "suspended"] as const) {
        const { subject, text } = keepAliveNoticeText(notice, language, {
          msisdn: "08012345678",
          date: "2026-06-30",
          days: 7,
          terminatesOn: "2026-07-30",
        });
        expect(`${subject} ${text}`).not.toMatch(/\{\w+\}/);
        expect(subject).toContain("08012345678");
        expect(text).toContain(notice === "reminder" ? "2026-06-30" : "2026-07-30");
      }
    }
  });
  it("speaks the subscriber's language", () => {
    const params = { msisdn: "08012345678", date: "2026-06-30", days: 7, terminatesOn: "2026-07-30" };
    expect(keepAliveNoticeText("reminder", "ko", params).subject).toBe("08012345678 회선의 유효기간이 7일 남았습니다");
    expect(keepAliveNoticeText("reminder", "en", params).subject).toBe("Your line 08012345678 expires in 7 days");
  });
});
