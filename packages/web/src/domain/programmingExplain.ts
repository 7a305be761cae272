// Texts that say how a figure of the sheet was computed: the step's formula, the same formula
// with the line's numbers, the result and its source ("show the formula and its inputs":
// msupply-foundation/open-msupply issue #12079; OpenLMIS wiki "Forecasting and Estimation"). The
// server builds the steps; this only lays them out for a tooltip.
import type { FormulaStep, ProgrammeLine } from '@yawar/api';

/** Step keys the sheet names in its own words; others are shown by their key. */
export const STEP_KEYS = [
  'adjusted_consumption',
  'cpma',
  'forecast',
  'demand',
  'safety_stock',
  'stock_available',
  'in_transit',
  'net_requirement',
  'packs',
  'quantity',
  'cost',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export const isStepKey = (key: string): key is StepKey =>
  (STEP_KEYS as readonly string[]).includes(key);

export function findStep(line: ProgrammeLine, key: StepKey): FormulaStep | undefined {
  return line.computation.steps.find((step) => step.key === key);
}

export interface StepLabels {
  /** "Fuente: {source}" in the reader's language. */
  source: (source: string) => string;
  /** The value as the page writes it. */
  value: (value: number | null) => string;
}

/** Formula, then "= substituted", then "= result", then the source: one tooltip. */
export function stepTooltip(step: FormulaStep | undefined, labels: StepLabels): string {
  if (!step) return '';
  return [
    step.formula,
    `= ${step.substituted}`,
    `= ${labels.value(step.value)}`,
    labels.source(step.source),
  ].join('\n');
}
