import type { AgeBand } from '../supply/anemia-regimens.js';
import type { AnemiaTreeResult } from '../supply/anemia-tree.js';
import type { InterventionParameters } from '../supply/types.js';

/**
 * Defaults of the intervention tree's planning targets: plan for every child the norm covers
 * (coverage 100 %) and 5 % wastage. These are planning choices [I], not norms: the round sets its
 * own, and each line shows the ones it used.
 */
export const DEFAULT_INTERVENTION_PARAMETERS: InterventionParameters = Object.freeze({
  treatmentCoverage: 1,
  preventionCoverage: 1,
  wastage: 0.05,
});

/**
 * Which catalogue resource each product of the anemia tree is programmed as (data/supply
 * catalogue codes). The tree counts mL of drops and syrup; the catalogue dispenses bottles, so the
 * content of one dispensing unit converts one into the other.
 */
export const ANEMIA_TREE_RESOURCES: Readonly<Record<string, string>> = Object.freeze({
  'sulfato-ferroso-gotas-25mg-ml': 'FE-SF-GOT-30',
  'sulfato-ferroso-jarabe-3mg-ml': 'FE-SF-JBE-180',
  'multimicronutrientes-sobre': 'MMN-SOB-1G',
  'microcubeta-hb': 'HB-MICROCUB',
  lanceta: 'HB-LANCETA',
});

/**
 * Children 6–35 months split into the tree's bands in proportion to their months of age
 * (6/30, 12/30, 12/30): the district estimate is not split by age [I]. These are the children IN
 * each band; the tree turns them into the children entering it in a year (× 12 ÷ band width).
 */
export function splitChildren(children: number): Record<AgeBand, number> {
  return {
    '6-11': (children * 6) / 30,
    '12-23': (children * 12) / 30,
    '24-35': (children * 12) / 30,
  };
}

/**
 * Infants of 4–5 completed months, for the preventive drops NTS 213 starts at 4 months: two months
 * of age at the same density per month of age as the 6–35-month estimate (children × 2 ÷ 30) [I].
 * It ignores that cohorts shrink little between 4 and 35 months and that births change by year.
 */
export function infantsFourToFiveMonths(children6to35: number): number {
  return (children6to35 * 2) / 30;
}

/**
 * The tree's yearly needs as demand over the horizon per catalogue resource, in its dispensing
 * units: quantity ÷ content of one unit (mL per bottle; 1 when the unit is the item itself) ×
 * horizon months ÷ 12.
 */
export function interventionDemandByResource(
  tree: AnemiaTreeResult,
  contentOf: (resourceCode: string) => number | null,
  horizonMonths: number,
): Map<string, number> {
  const demand = new Map<string, number>();
  for (const product of tree.products) {
    const resource = ANEMIA_TREE_RESOURCES[product.productCode];
    if (!resource) continue;
    const content = contentOf(resource) ?? 1;
    const units = (product.quantity / (content > 0 ? content : 1)) * (horizonMonths / 12);
    demand.set(resource, (demand.get(resource) ?? 0) + units);
  }
  return demand;
}
