import { addDays, isCalendarDate } from "../checks/calendar-date.ts";

/**
 * The MNP reservation number (MNP予約番号): 10 digits the porting-out operator issues, valid for 15
 * days counting the day of issue (so a number issued on the 1st is last valid on the 15th).
 */
export const RESERVATION_VALID_DAYS = 15;

/** Digits only, full-width digits and separators tolerated as people type them; null when not 10 digits. */
export function normaliseReservationNumber(typed: string): string | null {
  const digits = typed.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** The last day a reservation issued on `issuedOn` may be used. */
export function reservationExpiresOn(issuedOn: string): string {
  return addDays(issuedOn, RESERVATION_VALID_DAYS - 1);
}

/** Days the reservation can still be used, today included (0 once it has expired). */
export function reservationDaysLeft(expiresOn: string, today: string): number {
  const days = (Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(0, days);
}

export type ReservationWindow =
  | { ok: true; daysLeft: number }
  | { ok: false; reason: "expired"; applyAgainBy: string }
  | { ok: false; reason: "too_few_days_left"; daysLeft: number; applyAgainBy: string };

/**
 * Whether a reservation leaves enough days for the journey (review, delivery, the switch-over): the
 * number must still be valid on the day the new SIM is switched on, or the port fails at the end.
 * `applyAgainBy` is the last day an application made with a number issued today would be accepted,
 * so the applicant knows how soon to come back after asking their operator for a new one.
 */
export function checkReservationWindow(input: {
  expiresOn: string;
  today: string;
  minDaysLeft: number;
}): ReservationWindow {
  if (!isCalendarDate(input.expiresOn) || !isCalendarDate(input.today)) {
    throw new RangeError("expiresOn and today must be calendar dates written YYYY-MM-DD");
  }
  const daysLeft = reservationDaysLeft(input.expiresOn, input.today);
  const applyAgainBy = addDays(input.today, Math.max(0, RESERVATION_VALID_DAYS - input.minDaysLeft));
  if (daysLeft === 0) return { ok: false, reason: "expired", applyAgainBy };
  if (daysLeft < input.minDaysLeft) return { ok: false, reason: "too_few_days_left", daysLeft, applyAgainBy };
  return { ok: true, daysLeft };
}
