import { formatNumber as f } from '../supply/format.js';
import type { StockRuleSet } from './stock-classes.js';
import type { FormulaStep } from '../supply/types.js';
import type { ProductStockStatus, StockClassOrMissing } from './status.js';

/**
 * The three steps behind a product's stock class, as users read them: the formula, the same
 * formula with the product's numbers, the value, and the rule's source ("show the formula and its
 * inputs": msupply-foundation/open-msupply issue #12079, and the OpenLMIS wiki "Forecasting and
 * Estimation", https://openlmis.atlassian.net/wiki/spaces/OP/pages/113323265). Spanish symbols,
 * like the programming sheet's steps.
 */
export const STOCK_CLASS_LABELS: Readonly<Record<StockClassOrMissing, string>> = Object.freeze({
  desabastecido: 'Desabastecido',
  sin_rotacion: 'Sin rotación',
  substock: 'Substock',
  normostock: 'Normostock',
  sobrestock: 'Sobrestock',
  sin_dato: 'Sin dato',
});

export function stockFormulaSteps(
  status: ProductStockStatus,
  month: string,
  ruleSet: StockRuleSet,
): FormulaStep[] {
  const source = ruleSet.source;
  const used = status.window.filter((w) => w.consumption > 0);
  const cpma: FormulaStep = {
    key: 'cpma',
    formula: `Σ consumo ÷ meses con consumo > 0 (${ruleSet.cpma.windowMonths} meses hasta ${month})`,
    substituted:
      used.length === 0
        ? 'ningún mes con consumo → 0'
        : `(${used.map((w) => f(w.consumption)).join(' + ')}) ÷ ${used.length} = ${f(status.consumptionTotal)} ÷ ${used.length}`,
    value: status.cpma,
    source,
  };
  const med: FormulaStep = {
    key: 'med',
    formula:
      ruleSet.medDecimals === null
        ? 'MED = stock ÷ CPMA (sin redondear)'
        : `MED = stock ÷ CPMA, redondeado a ${ruleSet.medDecimals} decimal(es)`,
    substituted: medText(status, ruleSet),
    value: status.classification?.medCompared ?? null,
    source,
  };
  return [cpma, med, { key: 'class', ...classStep(status, month, ruleSet), value: null, source }];
}

function medText(status: ProductStockStatus, ruleSet: StockRuleSet): string {
  if (status.stock === null) return 'sin stock informado';
  if (status.cpma === 0) return `${f(status.stock)} ÷ 0: sin CPMA, no hay MED`;
  const med = status.classification?.med ?? status.stock / status.cpma;
  const rounded = status.classification?.medCompared;
  const base = `${f(status.stock)} ÷ ${f(status.cpma)} = ${f(med, 3)}`;
  return ruleSet.medDecimals === null || rounded == null
    ? base
    : `${base} → ${rounded.toFixed(ruleSet.medDecimals)}`;
}

function classStep(
  status: ProductStockStatus,
  month: string,
  ruleSet: StockRuleSet,
): { formula: string; substituted: string } {
  const low = f(ruleSet.substockBelow);
  const high = f(ruleSet.sobrestockAbove);
  const large = ruleSet.largeVolume;
  const formula =
    `stock = 0 → Desabastecido; CPMA = 0 → Sin rotación; MED < ${low} Substock; ${low} ≤ MED ≤ ${high} Normostock; MED > ${high} Sobrestock` +
    (large
      ? `; solución de ${f(large.fromLitres)} L o más: Normostock desde ${f(large.availableFromMonths)} mes(es)`
      : '') +
    (ruleSet.sinRotacion === 'vital_only'
      ? '; sin rotación solo se evalúa si es vital (RM 1288-2018/MINSA)'
      : '');
  const label = STOCK_CLASS_LABELS[status.stockClass];
  const med = status.classification?.medCompared;
  // As compared: with the rule set's decimals shown, so 2.0 reads as rounded, not as exact.
  const compared =
    med == null ? '' : ruleSet.medDecimals === null ? f(med, 3) : med.toFixed(ruleSet.medDecimals);
  const substituted = {
    sin_dato: `sin stock informado en ${month} → ${label}`,
    desabastecido: `stock = 0 → ${label}`,
    sin_rotacion:
      `CPMA = 0 y stock ${f(status.stock ?? 0)} > 0 → ${label}` +
      (status.evaluated ? '' : ' (no vital: no se evalúa en la disponibilidad)'),
    substock: `MED ${compared} < ${low} → ${label}`,
    normostock:
      status.largeVolume && large && med != null && med < ruleSet.substockBelow
        ? `solución ≥ ${f(large.fromLitres)} L: ${f(large.availableFromMonths)} ≤ MED ${compared} ≤ ${high} → ${label}`
        : `${low} ≤ MED ${compared} ≤ ${high} → ${label}`,
    sobrestock: `MED ${compared} > ${high} → ${label}`,
  }[status.stockClass];
  return { formula, substituted };
}

/** How the area figures are made, for the dashboard's notes and the exports' method sheet. */
export const STOCK_STATUS_FORMULAS = Object.freeze({
  availability:
    'disponibilidad de un establecimiento = (normostock + sobrestock) ÷ productos evaluados; substock y desabastecido cuentan como no disponibles; sin rotación cuenta como no disponible cuando se evalúa (según la versión: todos, o solo los vitales de la RM 1288-2018/MINSA); sin dato no se evalúa',
  aggregation:
    'disponibilidad de una microrred, red, unidad ejecutora o departamento = promedio simple de la disponibilidad de sus establecimientos con productos evaluados',
  levels: 'Óptimo ≥ 90 %, Alto ≥ 80 %, Regular ≥ 70 %, Bajo < 70 %',
});
