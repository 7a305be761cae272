/**
 * Where anemia work happens, so simulated screening and stock data land only there: government
 * (MINSA or regional-government) first-level establishments, categories I-1 to I-4, which run the
 * hemoglobin screening and iron supplementation of NTS 213-MINSA/DGIESP-2024 (RM 251-2024-MINSA,
 * section 6). EsSalud, private and police establishments, dental practices and hospitals are not
 * where a DIRESA's screening programme and SISMED iron stock live.
 */
export const SCREENING_SITE_RULE = {
  id: 'government-first-level-v1',
  categories: ['I-1', 'I-2', 'I-3', 'I-4'],
  /** RENAES "Institucion" values of the government network. */
  institutions: ['GOBIERNO REGIONAL', 'MINSA'],
} as const;

export interface SiteFacts {
  readonly category: string;
  readonly institution: string | null;
}

export function isScreeningSite(site: SiteFacts): boolean {
  return (
    (SCREENING_SITE_RULE.categories as readonly string[]).includes(site.category) &&
    site.institution !== null &&
    (SCREENING_SITE_RULE.institutions as readonly string[]).includes(site.institution)
  );
}
