/**
 * Calendar months as `YYYY-MM` strings, with arithmetic on an integer month index
 * (year × 12 + month − 1) so no Date, no time zone and no day-of-month ever enters a calculation.
 */
import type { Month } from './types.js';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): value is Month {
  return MONTH_PATTERN.test(value);
}

/**
 * `2026-03` → 2026 × 12 + 2. Throws RangeError on anything but `YYYY-MM`. Parsed by character
 * codes, not a regular expression: a programming round parses millions of months.
 */
export function monthIndex(month: Month): number {
  if (month.length === 7 && month.charCodeAt(4) === 45 /* - */) {
    let year = 0;
    let valid = true;
    for (let i = 0; i < 4; i++) {
      const digit = month.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) valid = false;
      year = year * 10 + digit;
    }
    const tens = month.charCodeAt(5) - 48;
    const units = month.charCodeAt(6) - 48;
    const m = tens * 10 + units;
    if (valid && tens >= 0 && tens <= 1 && units >= 0 && units <= 9 && m >= 1 && m <= 12)
      return year * 12 + m - 1;
  }
  throw new RangeError(`"${month}" is not a YYYY-MM month`);
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** `addMonths('2026-11', 3)` → `2027-02`; negative counts go back. */
export function addMonths(month: Month, count: number): Month {
  if (!Number.isInteger(count)) throw new RangeError(`month count ${count} is not a whole number`);
  return monthFromIndex(monthIndex(month) + count);
}

/** `count` consecutive months from `start` (inclusive): `monthRange('2026-11', 3)` → Nov, Dec, Jan. */
export function monthRange(start: Month, count: number): Month[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`month count ${count} is invalid`);
  const first = monthIndex(start);
  const months: Month[] = new Array<Month>(count);
  for (let i = 0; i < count; i++) months[i] = monthFromIndex(first + i);
  return months;
}

/** Months from `from` to `to`, both counted: `monthsBetween('2026-01', '2026-03')` = 2. */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

/** Calendar days of the month, leap years included (QAT's default "days in month"). */
export function daysInMonth(month: Month): number {
  return daysInMonthIndex(monthIndex(month));
}

/** `daysInMonth` of a month index (year × 12 + month − 1). */
export function daysInMonthIndex(index: number): number {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
