/**
 * Identity documents of children and mothers, validated before they are pseudonymised. The raw
 * number never leaves the function that pseudonymises it (Ley 29733, protección de datos personales).
 *
 * - DNI: 8 digits (RENIEC).
 * - CNV: certificado de nacido vivo, number of 10 digits (MINSA CNV en línea) — to be confirmed
 *   against the registry's specification before production imports.
 */
export const DOCUMENT_KINDS = ['DNI', 'CNV'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const DOCUMENT_PATTERNS: Readonly<Record<DocumentKind, RegExp>> = {
  DNI: /^\d{8}$/,
  CNV: /^\d{10}$/,
};

/** The canonical form (spaces, dots and dashes removed) or null when it is not a valid number. */
export function normaliseDocument(kind: DocumentKind, raw: string): string | null {
  const cleaned = raw.replace(/[\s.-]/g, '');
  return DOCUMENT_PATTERNS[kind].test(cleaned) ? cleaned : null;
}
