/**
 * Calendar dates written `YYYY-MM-DD`, the one date type the checks and the MRZ parser use.
 *
 * Why strings and not `Date`: the rules compare days (a document is valid on its expiry day, an age
 * changes on a day), and a `Date` is an instant whose day depends on a time zone. Strings in this
 * shape compare correctly with `<` and `===`, and tests can pin `today` without touching a clock.
 */

const isoDateShape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not). */
export function isCalendarDate(s: string): boolean {
  const match = isoDateShape.exec(s);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return isRealDate(year, month, day);
}

/** Whether year, month (1–12) and day form a date in the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

/**
 * Today's date in Japan, where the applicant presents the document and the law applies. Only the
 * defaults of callers use this; checks always take `today` as a parameter.
 */
export function todayInJapan(now: Date = new Date()): string {
  return japaneseDate.format(now);
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it (it showed in
// the onboarding benchmark's profile). en-CA formats as YYYY-MM-DD.
const japaneseDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in `timeZone` (an IANA name such as `Asia/Tokyo`), written YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  if (timeZone === "Asia/Tokyo") return japaneseDate.format(now);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The calendar date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Throws for a `today` that is not a calendar date: that is a programming error, not applicant data. */
export function assertCalendarDate(s: string, name: string): void {
  if (!isCalendarDate(s)) throw new RangeError(`${name} must be a calendar date written YYYY-MM-DD`);
}
