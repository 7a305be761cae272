import { describe, expect, it } from 'vitest';
import { matchesCode, searchEstablishments } from '../packages/web/src/domain/search.js';

/**
 * Issue 10, finding 18: the map's search box filters in the browser, and "4612" found nothing
 * while "00004612" worked, although the imports accept 4612. No browser is needed for the rule.
 */
const feature = (code: string, name: string) => ({ properties: { code, name } });
const ESTABLISHMENTS = [
  feature('00004612', 'CAJAMARCA'),
  feature('00004613', 'LA TULPUNA'),
  feature('00046120', 'PUESTO 46120'),
  feature('00012345', 'SAN PABLO'),
];
const codes = (query: string) =>
  searchEstablishments(ESTABLISHMENTS, query, 20).results.map((f) => f.properties.code);

describe('search by RENIPRESS code, leading zeros optional', () => {
  it('finds 00004612 by 4612, 04612 and 00004612', () => {
    for (const query of ['4612', '04612', '00004612', ' 4612 '])
      expect(codes(query), query).toContain('00004612');
    expect(codes('4612')).toEqual(['00004612', '00046120']);
  });

  it('a code prefix still narrows: 461 finds both 4612 and 4613, not 12345', () => {
    expect(codes('461')).toEqual(['00004612', '00004613', '00046120']);
    expect(codes('0000461')).toEqual(['00004612', '00004613']);
  });

  it('zeros alone match by prefix only', () => {
    expect(matchesCode('00004612', '0000')).toBe(true);
    expect(matchesCode('00004612', '1')).toBe(false);
  });
});
