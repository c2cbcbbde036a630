import { interpolate } from "@jitsumei/domain";
import type { Formats } from "./template.ts";

/** Amounts are whole yen; grouping is done here, not by Intl, so output is the same on every Node/ICU. */
export function formatYen(formats: Formats, amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a yen amount: ${amount}`);
  const grouped = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, formats.thousandsSeparator);
  return interpolate(formats.yen, { amount: grouped });
}

/** The calendar date in Japan (documents are dated in Japan Standard Time, UTC+9, no daylight saving). */
export function formatDate(formats: Formats, date: Date): string {
  const jst = new Date(date.getTime() + 9 * 60 * 60 * 1000);
  const month = jst.getUTCMonth() + 1;
  return interpolate(formats.date, {
    year: jst.getUTCFullYear(),
    month,
    day: jst.getUTCDate(),
    monthName: formats.monthNames?.[month - 1] ?? String(month),
  });
}
