import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AccentVocabulary, hasLostLetters, LOST_LETTER } from './lost-accents.js';

describe('restoring letters lost in the RENAES export', () => {
  const vocabulary = new AccentVocabulary([
    'LOS BAÑOS DEL INCA',
    'LA ENCAÑADA',
    'Chancaybaños',
    'SAN JOSÉ',
    'SAN JOSE DE LOURDES',
  ]);

  it('restores a word the department spells with one accented form', () => {
    expect(vocabulary.repair('BA�OS DEL INCA')).toBe('BAÑOS DEL INCA');
    expect(vocabulary.repair('ENCA�ADA')).toBe('ENCAÑADA');
    expect(vocabulary.repair('SAN JOS�')).toBe('SAN JOSÉ');
  });

  it('keeps the lost letter when no name or two names match', () => {
    const ambiguous = new AccentVocabulary(['PAMPÁ', 'PAMPÉ']);
    expect(ambiguous.repair('PAMP�')).toBe('PAMP�');
    expect(vocabulary.repair('CHANCAY BA�OZ')).toBe('CHANCAY BA�OZ');
    expect(hasLostLetters(vocabulary.repair('CHANCAY BA�OZ'))).toBe(true);
  });

  it('leaves undamaged text as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.includes(LOST_LETTER));
        expect(vocabulary.repair(text)).toBe(text);
      }),
    );
  });

  it('restores what it damaged, for any accented word it knows', () => {
    fc.assert(
      fc.property(fc.constantFrom('BAÑOS', 'ENCAÑADA', 'JOSÉ'), (word) => {
        const damaged = word.replace(/[ÁÉÍÓÚÜÑ]/g, LOST_LETTER);
        expect(vocabulary.repair(`PS ${damaged} ALTO`)).toBe(`PS ${word} ALTO`);
      }),
    );
  });
});
