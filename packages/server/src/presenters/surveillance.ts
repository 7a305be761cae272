import {
  protectedCountCell,
  YAWAR_2026_N20_C5,
  YAWAR_2026_NTS213_BANDS,
  type HbRuleSet,
  type ProtectionReason,
} from '@yawar/core';
import type { PrevalenceItem } from '@yawar/api';
import type { PrevalenceRow } from '@yawar/db';

export const SUPPRESSION = YAWAR_2026_N20_C5;
/** The age bands and date windows callers who may not see individual records may ask for. */
export const QUERY_POLICY = YAWAR_2026_NTS213_BANDS;

/**
 * One row of counts → a figure with its Wilson interval, suppressed when too small to publish or
 * when complementary suppression (`protection`, from protectAgeWindows) hides it.
 */
export function presentPrevalence(
  row: PrevalenceRow,
  source: string,
  children: number | null,
  withCoverage: boolean,
  protection: ProtectionReason | null = null,
): PrevalenceItem {
  const cases = row.mild + row.moderate + row.severe;
  const cell = protectedCountCell({ cases, n: row.n, source, rule: SUPPRESSION, protection });
  return {
    areaCode: row.areaCode,
    areaName: row.areaName,
    period: row.period,
    n: row.n,
    cases: cell.cases,
    mild: cell.suppressed ? null : row.mild,
    moderate: cell.suppressed ? null : row.moderate,
    severe: cell.suppressed ? null : row.severe,
    estimate: cell.estimate,
    lower: cell.lower,
    upper: cell.upper,
    suppressed: cell.suppressed,
    suppressionReason: cell.suppressionReason,
    simulatedShare: row.n > 0 ? Math.min(1, row.simulated / row.n) : 0,
    children6to35Months: children,
    coverage: withCoverage && children ? row.n / children : null,
    estimatedAnemicChildren:
      cell.estimate !== null && children ? Math.round(cell.estimate * children) : null,
    network: row.network,
    microred: row.microred,
    microredCode: row.microredCode,
  };
}

export function dataSourceOf(rows: readonly PrevalenceRow[]): 'simulated' | 'records' | 'mixed' {
  const simulated = rows.reduce((sum, r) => sum + r.simulated, 0);
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  if (simulated === 0) return 'records';
  return simulated >= total ? 'simulated' : 'mixed';
}

/** The formulas behind every figure, in the users' language, shown in tooltips and exports. */
export function formulas(rule: HbRuleSet) {
  return {
    prevalence:
      'prevalencia = niños con anemia ÷ niños con dosaje; cuenta el primer dosaje de cada niño en el período; anemia si la Hb ajustada < punto de corte de su grupo de edad',
    interval: 'IC 95 % de Wilson: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) ÷ (1 + z²/n), z = 1,96',
    adjustment: adjustmentText(rule),
  };
}

function adjustmentText(rule: HbRuleSet): string {
  const altitude = rule.altitude;
  switch (altitude.kind) {
    case 'table':
      return `Hb ajustada = Hb medida − ajuste por altitud de residencia (${rule.id}, tabla por bandas de 500 m: ${altitude.bands
        .map((b) => `${(b.subtract / 10).toFixed(1)} desde ${b.fromM} m`)
        .join('; ')})`;
    case 'who-2024-quadratic':
      return `Hb ajustada = Hb medida − (0,0056384·e + 0,0000003·e²)/10 g/dL, e = altitud en metros (${rule.id})`;
    case 'cdc-1989':
      return `Hb ajustada = Hb medida − (−0,032·A + 0,022·A²) g/dL si es positivo, A = m ÷ 1000 × ${altitude.feetPerMetre}, desde ${altitude.minAltitudeM} m (${rule.id})`;
  }
}
