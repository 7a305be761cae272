import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completedMonths, parseCalendarDate } from './dates.js';

describe('parseCalendarDate', () => {
  it('reads ISO and day-first dates and rejects impossible ones', () => {
    expect(parseCalendarDate('2024-03-07')).toBe('2024-03-07');
    expect(parseCalendarDate('7/3/2024')).toBe('2024-03-07');
    expect(parseCalendarDate('29/02/2024')).toBe('2024-02-29');
    expect(parseCalendarDate('29/02/2023')).toBeNull();
    expect(parseCalendarDate('2024-13-01')).toBeNull();
    expect(parseCalendarDate('03/07/24')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
  });
});

describe('completedMonths', () => {
  it('counts whole months only', () => {
    expect(completedMonths('2024-01-15', '2024-07-14')).toBe(5);
    expect(completedMonths('2024-01-15', '2024-07-15')).toBe(6);
    expect(completedMonths('2024-01-31', '2024-02-29')).toBe(1); // end of a shorter month
    expect(completedMonths('2024-01-31', '2024-02-28')).toBe(0);
    expect(completedMonths('2022-03-10', '2024-03-10')).toBe(24);
    expect(completedMonths('2022-03-10', '2024-03-09')).toBe(23);
  });

  it('never decreases as the test date moves later', () => {
    const day = fc
      .integer({ min: 0, max: 3650 })
      .map((n) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (birth, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return birth > early || completedMonths(birth, early) <= completedMonths(birth, late);
      }),
    );
  });
});
