import { describe, expect, it } from 'vitest';
import { formatNumber } from './format.js';

describe('formatNumber', () => {
  it('groups thousands with a space, keeps at most two decimals, drops trailing zeros', () => {
    expect(
      [0, 7, 999, 1000, 1216.5918, 12345.6, 1234567, 0.98, 0.1 + 0.2, 100000.004].map((v) =>
        formatNumber(v),
      ),
    ).toEqual([
      '0',
      '7',
      '999',
      '1 000',
      '1 216.59',
      '12 345.6',
      '1 234 567',
      '0.98',
      '0.3',
      '100 000',
    ]);
  });

  it('signs negatives with a minus sign, never "−0"', () => {
    expect(formatNumber(-385000)).toBe('−385 000');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(0.98765, 4)).toBe('0.9877');
  });
});
