import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';
import { csvField, toCsv } from './write-csv.js';

describe('toCsv', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(10.5)).toBe('10.5');
  });

  it('round-trips through parseCsv', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 20 }),
        (rows) => {
          const parsed = parseCsv(toCsv(['a', 'b'], rows));
          return JSON.stringify(parsed.records.map((r) => r.values)) === JSON.stringify(rows);
        },
      ),
    );
  });
});
