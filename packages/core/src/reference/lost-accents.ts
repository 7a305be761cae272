/**
 * MINSA's RENAES export reached us with every accented letter replaced by U+FFFD ("BA�OS DEL
 * INCA"). Names are joined by code, never by text, but planners read them, so a lost letter is
 * restored where the department's own accented names (districts, establishments, populated places
 * from INEI and MINSA files that kept their accents) contain exactly one word of that shape.
 * Anything ambiguous keeps the replacement character, which the caller reports.
 */

export const LOST_LETTER = '\uFFFD';

/** The letters Spanish (and Quechua place names) can have lost: Á É Í Ó Ú Ü Ñ. */
const ACCENTED = /[ÁÉÍÓÚÜÑ]/g;

/** "BAÑOS" → "BA�OS": the shape a word takes once its accented letters are lost. */
const shapeOf = (word: string): string => word.replace(ACCENTED, LOST_LETTER);

export class AccentVocabulary {
  private readonly byShape = new Map<string, Set<string>>();

  /** Adds every accented word of these names (upper-cased). */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      for (const word of name.toUpperCase().split(/[^A-ZÁÉÍÓÚÜÑ]+/)) {
        if (!ACCENTED.test(word)) continue;
        ACCENTED.lastIndex = 0;
        const shape = shapeOf(word);
        const words = this.byShape.get(shape) ?? new Set<string>();
        words.add(word);
        this.byShape.set(shape, words);
      }
      ACCENTED.lastIndex = 0;
    }
  }

  /** The text with each damaged word restored when the vocabulary knows exactly one match. */
  repair(text: string): string {
    if (!text.includes(LOST_LETTER)) return text;
    return text.replace(/[A-Z\uFFFD]*\uFFFD[A-Z\uFFFD]*/g, (word) => {
      const matches = this.byShape.get(word);
      return matches?.size === 1 ? [...matches][0]! : word;
    });
  }
}

export const hasLostLetters = (text: string): boolean => text.includes(LOST_LETTER);
