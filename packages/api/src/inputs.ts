import { hasLoneSurrogate, hasNul, visibleLength } from '@yawar/core';
import { z } from 'zod';

/**
 * The one input-sanitising layer of the API (issue 10, finding 7). Every route builds its query,
 * path and body schemas from these helpers, and the server's `rejectUnstorableText` hook guards
 * every route at once, so bad input is a 400 `invalid_request` (the code of every validation failure) and
 * never reaches the database, where it used to be a 500:
 * - dates must exist on the calendar: `2026-02-30` and `99999-01-01` are refused, not passed on
 *   to PostgreSQL (which rejects them, SQLSTATE 22008) nor silently used;
 * - text must be storable: PostgreSQL `text` cannot hold NUL (SQLSTATE 22021, "invalid byte
 *   sequence for encoding UTF8: 0x00"), and a lone UTF-16 surrogate has no UTF-8 encoding;
 * - free text a person must read (notes, names, reasons) is trimmed and counts visible characters.
 */
export const INVALID_INPUT_CODE = 'invalid_request';

/** Years this system's dates can have: births, screenings and programming rounds. */
export const DATE_YEARS = { min: 1900, max: 2999 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `YYYY-MM-DD` naming a real day (Gregorian calendar) within {@link DATE_YEARS}. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max || month < 1 || month > 12 || day < 1)
    return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February, no five-digit year). */
export const calendarDate = z
  .string()
  .regex(ISO_DATE, 'a date YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date (YYYY-MM-DD, a day that exists, years 1900–2999)');

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An instant: a calendar date (midnight UTC) or an ISO 8601 date-time whose date part exists,
 * e.g. `2026-01-31T05:00:00.000Z` as the web app's audit filter sends it.
 */
export const calendarInstant = z
  .string()
  .refine((text) => {
    const match = ISO_INSTANT.exec(text);
    return match !== null && isCalendarDate(match[1] ?? '') && !Number.isNaN(Date.parse(text));
  }, 'not a date or ISO 8601 date-time that exists (years 1900–2999)')
  .transform((text) => new Date(text));

/** Why text cannot be stored or sent on, or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (hasNul(text)) return 'contains a NUL character (U+0000)';
  if (hasLoneSurrogate(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}

const storable = (schema: z.ZodString) =>
  schema.superRefine((text, context) => {
    const reason = unstorableTextReason(text);
    if (reason) context.addIssue({ code: 'custom', message: reason });
  });

/** Text that can be stored: no NUL, no lone surrogate, at most `max` characters. */
export const safeText = (max: number) => storable(z.string().max(max));

/**
 * Text a person must read (a name, a note, a reason): storable, trimmed, and with at least `min`
 * visible characters, so spaces or zero-width characters alone are not a name.
 */
export const visibleText = (min: number, max: number) =>
  storable(z.string().trim().max(max)).refine(
    (text) => visibleLength(text) >= min,
    min <= 1 ? 'must have visible text' : `must have at least ${min} visible characters`,
  );
