/**
 * Text a person can actually see. A justification of twelve zero-width spaces is twelve
 * characters long and says nothing, so length rules count visible characters only.
 *
 * Not visible (Unicode Character Database, https://www.unicode.org/reports/tr44/):
 * - general category C (Cc controls, Cf format such as U+200B ZERO WIDTH SPACE and U+FEFF,
 *   Cs surrogates, Co private use, Cn unassigned), Z (Zs spaces, Zl, Zp) and M (combining marks,
 *   which only modify the character before them);
 * - White_Space and Default_Ignorable_Code_Point (UAX #44 §5.3; The Unicode Standard §5.21
 *   "Ignoring Characters in Processing"), which add the Hangul fillers U+115F, U+1160, U+3164,
 *   U+FFA0 and the variation selectors;
 * - U+2800 BRAILLE PATTERN BLANK, a symbol that renders as an empty cell.
 */
const INVISIBLE = /[\p{C}\p{Z}\p{M}\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** The text without its invisible characters (see {@link INVISIBLE}). */
export function visibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** How many visible characters (code points) the text has. */
export function visibleLength(text: string): number {
  return [...visibleCharacters(text)].length;
}

/** True when nothing in the text is visible (empty, spaces, zero-width or format characters only). */
export function isBlankText(text: string): boolean {
  return visibleCharacters(text) === '';
}

/**
 * A code unit sequence that is not well-formed UTF-16 (a high surrogate without its low half or a
 * low one without its high), which cannot be encoded as UTF-8 and so cannot be stored or sent on.
 */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

/** NUL (U+0000): PostgreSQL text cannot hold it (SQLSTATE 22021). */
export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}
