/**
 * Shared shapes of the supply-planning core (quantification of strategic health resources).
 *
 * Quantities are in the product's **dispensing unit** (the unit consumption is recorded in: a
 * tablet, a mL, a sachet, a test) unless a name says packs. Conversion to packs happens once, at
 * the end, and always rounds up (an order of 0.2 packs is an order of one pack).
 */

/** A calendar month as `YYYY-MM`. */
export type Month = string;

/** One month of logistics data for one product at one site (ICI-like; see docs/formats). */
export interface MonthlyRecord {
  readonly month: Month;
  /** Dispensed/consumed in the month (dispensing units). */
  readonly consumption: number;
  /** Stock on hand at the end of the month; null when not reported. */
  readonly stockEnd: number | null;
  /** Days of the month without stock (0..days in month). */
  readonly stockoutDays: number;
  /** Losses: expired, damaged, lost (dispensing units). */
  readonly losses: number;
  /** Quantity dispatched to the site but not yet received at month end. */
  readonly inTransit: number;
  /** Share of reporting sites that reported (0..1]; 1 for a single site. */
  readonly reportingRate: number;
}

export const FORECAST_METHODS = [
  'cpma',
  'moving_average',
  'linear_regression',
  'holt_winters',
  'intervention',
] as const;
/**
 * - cpma: DIGEMID CPMA (mean of the months with consumption) carried flat over the horizon;
 * - moving_average / linear_regression / holt_winters: extrapolation of the adjusted series (QAT);
 * - intervention: demand from the intervention tree (population × coverage × regimen × loss).
 */
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export function isForecastMethod(value: string): value is ForecastMethod {
  return (FORECAST_METHODS as readonly string[]).includes(value);
}

/** Parameters of a programming round (versioned with the round; each line stores what it used). */
export interface ProgrammingParameters {
  /** Months the programmed quantity must cover (12 for an annual round). */
  readonly horizonMonths: number;
  /** Months of consumption held as safety stock. */
  readonly safetyStockMonths: number;
  /** Months of history looked at (CPMA and moving average windows). */
  readonly historyWindowMonths: number;
  /** Expected growth or coverage expansion over the history (0.1 = +10 %). */
  readonly growthRate: number;
  /** Default method for a line without its own choice. */
  readonly defaultMethod: ForecastMethod;
  /** Holt-Winters smoothing (QAT defaults 0.2 each), season length 12. */
  readonly holtWinters: { readonly alpha: number; readonly beta: number; readonly gamma: number };
  /** Intervention-tree coverage and wastage for lines with method `intervention`. */
  readonly intervention?: InterventionParameters;
}

/** Planning targets of the intervention tree (population × coverage × regimen × loss factor). */
export interface InterventionParameters {
  /** Share of anemic children treated, 0..1. */
  readonly treatmentCoverage: number;
  /** Share of non-anemic children given preventive iron, 0..1. */
  readonly preventionCoverage: number;
  /** Share of product lost, [0, 1): loss factor 1 ÷ (1 − wastage). */
  readonly wastage: number;
}

/** The product facts a line needs. */
export interface LineProduct {
  readonly code: string;
  /** Dispensing units per pack (presentation), ≥ 1. */
  readonly packSize: number;
  /** Price per dispensing unit, soles; null when unknown (cost is then null). */
  readonly unitPrice: number | null;
}

/** One step of a computation as shown to users: the formula with its live values. */
export interface FormulaStep {
  /** Stable key (`cpma`, `demand`, `safety_stock`, …) the web app translates. */
  readonly key: string;
  /** The formula in symbols, e.g. `Σ consumo ÷ meses con consumo`. */
  readonly formula: string;
  /** The same formula with numbers, e.g. `1 200 ÷ 10`. */
  readonly substituted: string;
  readonly value: number | null;
  /** Source of the rule (document and section). */
  readonly source: string;
}

/** Input of one programming line: a product's history at an executing unit. */
export interface ProgrammingLineInput {
  readonly product: LineProduct;
  /** Oldest first, consecutive months; missing months may be absent (they are interpolated). */
  readonly history: readonly MonthlyRecord[];
  readonly parameters: ProgrammingParameters;
  readonly method: ForecastMethod;
  /**
   * Demand over the horizon from the intervention tree (dispensing units), required when method
   * is `intervention`, ignored otherwise.
   */
  readonly interventionDemand?: number | null;
  /** First month of the horizon (`YYYY-MM`), for labelling the monthly forecast. */
  readonly horizonStart: Month;
  /** false: leave `steps` empty (a bulk computation that stores figures, not formulas). */
  readonly explain?: boolean;
}

export interface ProgrammingLineResult {
  readonly method: ForecastMethod;
  /** Consumption adjusted for stock-out days and reporting rate, per history month. */
  readonly adjustedHistory: readonly { readonly month: Month; readonly value: number }[];
  /** DIGEMID CPMA of the last `historyWindowMonths` (raw consumption, Ficha 28). */
  readonly cpma: number;
  /** Forecast per horizon month (dispensing units, not rounded). */
  readonly monthlyForecast: readonly { readonly month: Month; readonly value: number }[];
  /** Σ monthly forecast × (1 + growth). */
  readonly demand: number;
  /** Mean monthly forecast × safety-stock months. */
  readonly safetyStock: number;
  /** Stock at the end of the last history month (0 when unknown). */
  readonly stockAvailable: number;
  readonly inTransit: number;
  /** max(0, demand + safety − available − in transit), dispensing units, not rounded. */
  readonly netRequirement: number;
  /** ⌈net ÷ pack size⌉. */
  readonly packs: number;
  /** packs × pack size: what is actually programmed, in dispensing units. */
  readonly quantity: number;
  /** quantity × unit price; null without a price. */
  readonly cost: number | null;
  /** Fit of the chosen method on the history (null when not computable, e.g. cpma). */
  readonly errors: ForecastErrors | null;
  readonly steps: readonly FormulaStep[];
  /** Things a reviewer should know (e.g. "holt_winters needs 24 months; fell back to cpma"). */
  readonly warnings: readonly string[];
  /** The same, as codes with their values, for screens that say them in the user's language. */
  readonly notices: readonly LineNotice[];
}

/** In-sample fit of a forecast method (one-step-ahead), as QAT reports it. */
export interface ForecastErrors {
  /** Mean absolute percentage error over months with actual > 0, as a fraction. */
  readonly mape: number | null;
  /** Σ|error| ÷ Σ actual, as a fraction. */
  readonly wape: number | null;
  readonly rmse: number;
  readonly mse: number;
  readonly rSquared: number | null;
  /** Number of months compared. */
  readonly n: number;
}

/** A warning of a line as a stable code and its values (the message is in `warnings`). */
export interface LineNotice {
  readonly code:
    | 'months_interpolated'
    | 'whole_month_stockout'
    | 'no_history'
    | 'intervention_without_tree'
    | 'method_short_of_data'
    | 'stock_unreported'
    | 'horizon_gap'
    | 'horizon_before_history_end';
  readonly params: Readonly<Record<string, string | number>>;
}
