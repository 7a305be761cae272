/** Calendar dates as ISO strings (YYYY-MM-DD), validated without time zones getting in the way. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Accepts 2024-03-07 or 07/03/2024 (day first, as HIS and Peruvian Excel files write it). */
export function parseCalendarDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  const dmy = iso ? null : DMY_DATE.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Completed months between two dates: a child born on 31 January is 1 month old on 28 February
 * only if the day has been reached (end-of-month births count the last day of shorter months).
 */
export function completedMonths(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  let months = (ty - by) * 12 + (tm - bm);
  const lastDayOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (td < Math.min(bd, lastDayOfMonth)) months -= 1;
  return months;
}
