import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readSheetIdentity,
  sheetIdentityProblem,
  sheetIdentityRows,
  type SheetIdentity,
} from './sheet-layout.js';

const UE_999: SheetIdentity = { programmeId: 12, roundId: 3, unitCode: '999' };
const UE_1047: SheetIdentity = { programmeId: 13, roundId: 3, unitCode: '1047' };
const rowsOf = (identity: SheetIdentity) => new Map(sheetIdentityRows(identity));

describe('a sheet names the programme it was exported from (issue 10, finding 8)', () => {
  it('imports into its own programme', () => {
    expect(sheetIdentityProblem(readSheetIdentity(rowsOf(UE_1047)), UE_1047)).toBeNull();
  });

  it("refuses UE 999's sheet in UE 1047's programme, naming both in Spanish", () => {
    const problem = sheetIdentityProblem(readSheetIdentity(rowsOf(UE_999)), UE_1047);
    expect(problem).toMatchObject({ code: 'sheet_other_programme', found: UE_999 });
    expect(problem?.message).toContain('unidad ejecutora 999');
    expect(problem?.message).toContain('unidad ejecutora 1047');
    expect(problem?.message).toContain('No se cambió nada');
  });

  it('refuses a sheet without the rows, or with them tampered into nonsense', () => {
    expect(sheetIdentityProblem(readSheetIdentity(new Map()), UE_1047)?.code).toBe(
      'sheet_without_programme',
    );
    const tampered = rowsOf(UE_1047);
    tampered.set('Programación (id)', '13 o 14');
    expect(readSheetIdentity(tampered)).toBeNull();
  });

  it('property: accepted exactly when programme, round and unit all match', () => {
    const identity = fc.record({
      programmeId: fc.integer({ min: 1, max: 50 }),
      roundId: fc.integer({ min: 1, max: 5 }),
      unitCode: fc.constantFrom('785', '999', '1047'),
    });
    fc.assert(
      fc.property(identity, identity, (found, expected) => {
        const problem = sheetIdentityProblem(readSheetIdentity(rowsOf(found)), expected);
        const same =
          found.programmeId === expected.programmeId &&
          found.roundId === expected.roundId &&
          found.unitCode === expected.unitCode;
        expect(problem === null).toBe(same);
      }),
    );
  });
});
