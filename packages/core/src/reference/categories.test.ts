import { describe, expect, it } from 'vitest';
import {
  ESTABLISHMENT_CATEGORIES,
  hasLaboratoryByRule,
  isEstablishmentCategory,
  LABORATORY_RULE_NTS_021_V03,
  laboratoryCapability,
  type LaboratoryRule,
} from './categories.js';

/** NTS 021-MINSA/DGSP-V.03: UPSS Patología Clínica from I-3 up; SD (sin dato) has none until overridden. */
const EXPECTED_LABORATORY: Record<string, boolean> = {
  'I-1': false,
  'I-2': false,
  SD: false,
  'I-3': true,
  'I-4': true,
  'II-1': true,
  'II-2': true,
  'II-E': true,
  'III-1': true,
  'III-2': true,
  'III-E': true,
};

describe('establishment categories', () => {
  it('are exactly the NTS 021 categories plus SD', () => {
    expect([...ESTABLISHMENT_CATEGORIES].sort()).toEqual(Object.keys(EXPECTED_LABORATORY).sort());
  });

  it('recognises only the exact category codes', () => {
    for (const category of ESTABLISHMENT_CATEGORIES)
      expect(isEstablishmentCategory(category)).toBe(true);
    for (const other of ['I-9', 'I-0', 'IV-1', 'i-1', ' I-1', 'I1', 'II', 'III-3', 'sd', '']) {
      expect(isEstablishmentCategory(other), other).toBe(false);
    }
  });
});

describe('laboratory rule nts-021-v03', () => {
  it('is identified and sourced', () => {
    expect(LABORATORY_RULE_NTS_021_V03.id).toBe('nts-021-v03');
    expect(LABORATORY_RULE_NTS_021_V03.source).toContain('NTS 021-MINSA/DGSP-V.03');
    expect(LABORATORY_RULE_NTS_021_V03.source).toContain('RM 546-2011/MINSA');
    expect(Object.isFrozen(LABORATORY_RULE_NTS_021_V03)).toBe(true);
  });

  it.each(Object.entries(EXPECTED_LABORATORY))('%s has a laboratory: %s', (category, expected) => {
    expect(hasLaboratoryByRule(category)).toBe(expected);
    const capability = laboratoryCapability(category, null);
    expect(capability).toEqual({
      hasLaboratory: expected,
      source: 'category_rule',
      reason: LABORATORY_RULE_NTS_021_V03.source,
    });
  });

  it('gives no laboratory to a category it does not know', () => {
    expect(hasLaboratoryByRule('I-9')).toBe(false);
    expect(hasLaboratoryByRule('')).toBe(false);
  });

  it('applies another rule version when one is given', () => {
    const rule: LaboratoryRule = {
      id: 'test-i2-up',
      source: 'test rule: from I-2',
      categoriesWithLaboratory: ['I-2', 'I-3'],
    };
    expect(hasLaboratoryByRule('I-2', rule)).toBe(true);
    expect(hasLaboratoryByRule('II-1', rule)).toBe(false);
    expect(laboratoryCapability('I-2', null, rule)).toEqual({
      hasLaboratory: true,
      source: 'category_rule',
      reason: 'test rule: from I-2',
    });
  });
});

describe('laboratory overrides', () => {
  it('win over the rule in both directions, with the planner reason', () => {
    const yes = laboratoryCapability('I-1', {
      hasLaboratory: true,
      reason: 'Laboratorio implementado 2024 (OxI)',
    });
    expect(yes).toEqual({
      hasLaboratory: true,
      source: 'override',
      reason: 'Laboratorio implementado 2024 (OxI)',
    });
    const no = laboratoryCapability('I-3', {
      hasLaboratory: false,
      reason: 'UPSS Patología Clínica inoperativa',
    });
    expect(no).toEqual({
      hasLaboratory: false,
      source: 'override',
      reason: 'UPSS Patología Clínica inoperativa',
    });
  });

  it('are reported as overrides even when they agree with the rule', () => {
    const capability = laboratoryCapability('II-1', {
      hasLaboratory: true,
      reason: 'verificado en visita',
    });
    expect(capability.source).toBe('override');
    expect(capability.reason).toBe('verificado en visita');
  });

  it('decide SD establishments, which the rule leaves without a laboratory', () => {
    expect(laboratoryCapability('SD', null).hasLaboratory).toBe(false);
    expect(
      laboratoryCapability('SD', { hasLaboratory: true, reason: 'hospital EsSalud' }).hasLaboratory,
    ).toBe(true);
  });

  it('win over a custom rule too', () => {
    const rule: LaboratoryRule = {
      id: 'all',
      source: 'all',
      categoriesWithLaboratory: [...ESTABLISHMENT_CATEGORIES],
    };
    expect(
      laboratoryCapability('I-1', { hasLaboratory: false, reason: 'x' }, rule).hasLaboratory,
    ).toBe(false);
  });
});
