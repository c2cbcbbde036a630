import { assertCalendarDate } from "./calendar-date.ts";

/**
 * Age in completed years on `today`, as Japanese law counts it. Both dates are `YYYY-MM-DD`.
 *
 * 年齢計算ニ関スル法律 (明治35年法律第50号): age counts from the day of birth (第1項), and 民法 第143条
 * applies (第2項). Under 第143条第2項 a period of years ends at the end of the day before the day of the
 * last year that corresponds to its first day, or, where the last month has no such day, at the end
 * of that month. So:
 * - a person gets a year older at the end of the day before their birthday: 24:00 on that day, which
 *   is the first moment of the birthday. Born 2008-04-01, they are 17 all through 2026-03-31 (a
 *   contract made that day is made before 24:00) and 18 on 2026-04-01;
 * - born on 29 February, in a common year the corresponding day does not exist and the period ends at
 *   the end of February, i.e. the end of 28 February: they are still 17 on 2026-02-28 and 18 from
 *   2026-03-01. (Statutes that speak of "the day one reaches an age" mean 28 February, the day whose
 *   end it happens at; on 28 February itself the person is not yet that age.)
 * Counting at the start of `today` is what the comparison of (month, day) pairs below computes.
 */
export function ageOn(birthDate: string, today: string): number {
  assertCalendarDate(birthDate, "birthDate");
  assertCalendarDate(today, "today");
  const [birthYear, birthMonth, birthDay] = birthDate.split("-").map(Number) as [number, number, number];
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const birthdayReached = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (birthdayReached ? 0 : 1);
}
