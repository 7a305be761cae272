import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, hasNul, visibleLength } from '../text/visible.js';
import {
  justificationMissing,
  justificationTooShort,
  MIN_JUSTIFICATION_LENGTH,
  transitionProblems,
} from './rules.js';

/** Characters that render as nothing: format (Cf), spaces (Zs), fillers and blanks. */
const INVISIBLES = [
  '\u200b', // ZERO WIDTH SPACE (Cf)
  '\u200c', // ZERO WIDTH NON-JOINER (Cf)
  '\u200d', // ZERO WIDTH JOINER (Cf)
  '\u2060', // WORD JOINER (Cf)
  '\ufeff', // ZERO WIDTH NO-BREAK SPACE / BOM (Cf)
  '\u00ad', // SOFT HYPHEN (Cf)
  '\u180e', // MONGOLIAN VOWEL SEPARATOR (Cf)
  '\u202e', // RIGHT-TO-LEFT OVERRIDE (Cf)
  ' ',
  '\u00a0', // NO-BREAK SPACE (Zs)
  '\u3000', // IDEOGRAPHIC SPACE (Zs)
  '\u2028', // LINE SEPARATOR (Zl)
  '\t',
  '\n',
  '\u3164', // HANGUL FILLER (Default_Ignorable)
  '\u2800', // BRAILLE PATTERN BLANK
  '\ufe0f', // VARIATION SELECTOR-16 (Mn, Default_Ignorable)
];
const invisible = fc.constantFrom(...INVISIBLES);
const invisibleText = fc.array(invisible, { maxLength: 40 }).map((cs) => cs.join(''));
const VISIBLE = [...'abcdefghijklmnopqrstuvwxyzáéíóúñÁÑ0123456789.,;:()¿?¡!-'];
const visible = fc.constantFrom(...VISIBLE);

const departing = (justification: string | null) => ({
  resourceCode: 'R1',
  prefillQuantity: 100,
  unitQuantity: 150,
  justification,
});

describe('justification rule counts visible characters only (issue 10, finding 9)', () => {
  it('refuses twelve zero-width spaces, which are twelve characters long', () => {
    const twelve = '\u200b'.repeat(12);
    expect(twelve.length).toBe(12);
    expect(justificationMissing(departing(twelve))).toBe(true);
    expect(
      transitionProblems('submit', { lines: [departing(twelve)], observations: [], note: null }),
    ).toEqual([{ code: 'justification_missing', resourceCodes: ['R1'] }]);
  });

  it('accepts a real reason, with accents, and counts decomposed accents once', () => {
    expect(justificationMissing(departing('Brote de anemia en Chota'))).toBe(false);
    expect(visibleLength('campaña')).toBe(7);
    expect(visibleLength('campan\u0303a')).toBe(7); // n + COMBINING TILDE
    expect(visibleLength('niño 👶')).toBe(5);
  });

  it('property: any mix of invisible characters alone never justifies', () => {
    fc.assert(
      fc.property(invisibleText, (text) => {
        expect(visibleLength(text)).toBe(0);
        expect(justificationTooShort(text)).toBe(true);
      }),
    );
  });

  it('property: invisible characters interleaved never change the visible count', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(visible, invisibleText), { maxLength: 30 }), (pairs) => {
        const bare = pairs.map(([v]) => v).join('');
        const padded = pairs.map(([v, pad]) => pad + v).join('');
        expect(visibleLength(padded)).toBe(pairs.length);
        expect(justificationTooShort(padded)).toBe(justificationTooShort(bare));
        expect(justificationTooShort(padded)).toBe(pairs.length < MIN_JUSTIFICATION_LENGTH);
      }),
    );
  });

  it('a return note of format characters only is no note', () => {
    const facts = { lines: [], observations: [], note: '\u200b\u2060 \u00a0' };
    expect(transitionProblems('return', facts)).toEqual([{ code: 'note_required' }]);
  });

  it('a line at the prefill needs no justification, visible or not', () => {
    expect(justificationMissing({ ...departing(null), unitQuantity: 100 })).toBe(false);
  });
});

describe('unstorable text', () => {
  it('finds NUL and lone surrogates but not surrogate pairs', () => {
    expect(hasNul('a\u0000b')).toBe(true);
    expect(hasNul('ab')).toBe(false);
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('a\udc00')).toBe(true);
    expect(hasLoneSurrogate('\ud83d\udc76')).toBe(false);
  });

  it('property: well-formed strings never report a lone surrogate', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => !hasLoneSurrogate(s)));
  });
});
