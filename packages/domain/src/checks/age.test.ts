import { describe, expect, it } from "vitest";
import { ageOn } from "./age.ts";
import { isCalendarDate, todayInJapan } from "./calendar-date.ts";

describe("ageOn (年齢計算ニ関スル法律, 民法第143条)", () => {
  it("adds a year on the birthday, not the day before", () => {
    expect(ageOn("2008-04-01", "2026-03-31")).toBe(17);
    expect(ageOn("2008-04-01", "2026-04-01")).toBe(18);
    expect(ageOn("2008-12-31", "2026-12-30")).toBe(17);
    expect(ageOn("2008-12-31", "2026-12-31")).toBe(18);
    expect(ageOn("2008-01-01", "2026-01-01")).toBe(18);
  });

  it("makes someone born on 29 February older on 1 March in a common year", () => {
    // The period ends at the end of 28 February (no 29th in the last month: 143条2項 ただし書).
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });

  it("makes them older on 29 February in a leap year", () => {
    expect(ageOn("2008-02-29", "2028-02-28")).toBe(19);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });

  it("is 0 on the day of birth and negative before it", () => {
    expect(ageOn("2026-11-24", "2026-11-24")).toBe(0);
    expect(ageOn("2026-11-25", "2026-11-24")).toBe(-1);
  });

  it("refuses dates that are not in the calendar", () => {
    expect(() => ageOn("2007-02-29", "2026-01-01")).toThrow(RangeError);
    expect(() => ageOn("2008-01-01", "2026-1-1")).toThrow(RangeError);
  });
});

describe("calendar dates", () => {
  it("knows real dates from look-alikes", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("2026-01-01T00:00")).toBe(false);
  });

  it("takes today in Japan, which is ahead of UTC", () => {
    expect(todayInJapan(new Date("2026-03-31T14:59:59Z"))).toBe("2026-03-31");
    expect(todayInJapan(new Date("2026-03-31T15:00:00Z"))).toBe("2026-04-01");
  });
});
