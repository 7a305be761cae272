import { describe, expect, it } from 'vitest';
import type { ProgrammeLine } from '@yawar/api';
import { draftPacks, draftProblem, packsOf, parseQuantity, type LineDraft } from './programming';

/** Only the fields the draft rules read. */
const line = (fields: Partial<ProgrammeLine> = {}) =>
  ({
    packSize: 100,
    prefillQuantity: 1200,
    unitQuantity: null,
    justification: null,
    ...fields,
  }) as ProgrammeLine;
const draft = (quantity: string, justification = ''): LineDraft => ({ quantity, justification });

describe('parseQuantity', () => {
  it('reads quantities as typed in Peru and refuses what it would have to guess', () => {
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity(' 1200 ')).toBe(1200);
    expect(parseQuantity('1,200')).toBe(1200);
    expect(parseQuantity('1.200')).toBe(1200);
    expect(parseQuantity('1.2')).toBeUndefined();
    expect(parseQuantity('12,00')).toBeUndefined();
    expect(parseQuantity('-5')).toBeUndefined();
    expect(parseQuantity('99999999999999999999')).toBeUndefined();
  });
});

describe('packs', () => {
  it("rounds up like the core's packsFor, forgiving a float's last bit", () => {
    expect(packsOf(1201, 100)).toBe(13);
    expect(packsOf(1200, 100)).toBe(12);
    // 0.1 + 0.2 style error: the browser used to say 4 packs where the server says 3.
    expect(packsOf(300.00000000000006, 100)).toBe(3);
    expect(packsOf(7, 0)).toBe(7);
  });

  it('counts the typed quantity, or the prefill when the cell is empty', () => {
    expect(draftPacks(line(), draft(''))).toBe(12);
    expect(draftPacks(line(), draft('250'))).toBe(3);
    expect(draftPacks(line(), draft('abc'))).toBeNull();
  });
});

describe('draftProblem', () => {
  it('asks for whole packs and for a visible justification when the quantity departs', () => {
    expect(draftProblem(line(), draft('1250'))).toBe('quantity_packs');
    expect(draftProblem(line(), draft('1300'))).toBe('justification_missing');
    // Twelve zero-width spaces are not a justification (issue 10, finding 9).
    expect(draftProblem(line(), draft('1300', '\u200b'.repeat(12)))).toBe('justification_missing');
    expect(draftProblem(line(), draft('1300', 'más niños captados'))).toBeNull();
    expect(draftProblem(line(), draft('1200'))).toBeNull();
    expect(draftProblem(line(), draft('1,2'))).toBe('quantity_invalid');
  });
});
