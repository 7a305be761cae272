// Shapes of the supply endpoints (GET /api/supply/stock-status…, POST /api/supply/history/imports);
// the server's zod schemas are in packages/server/src/routes/supply/schemas.ts.

export type StockClass =
  'desabastecido' | 'sin_rotacion' | 'substock' | 'normostock' | 'sobrestock' | 'sin_dato';
export type AvailabilityLevel = 'optimo' | 'alto' | 'regular' | 'bajo';
export type StockAreaLevel = 'establishment' | 'microred' | 'network' | 'executing_unit';
export type StockRuleSetId =
  'digemid-ficha28-2025' | 'digemid-ficha28-2024' | 'digemid-ficha28-unrounded';

export type ClassCounts = Record<StockClass, number>;

/** A product of the strategic-resource catalogue (GET /api/supply/resources). */
export interface StrategicResource {
  code: string;
  name: string;
  form: string;
  concentration: string | null;
  dispensingUnit: string;
  packSize: number;
  packDescription: string;
  unitPrice: number | null;
  priceSimulated: boolean;
  priceSource: string;
  intervention: string;
  kind: string;
  digemidCode: string | null;
  /** In the vital-medicines list (RM 1288-2018/MINSA). */
  vital: boolean;
  contentAmount: number | null;
  contentUnit: string | null;
}

export interface StockRuleSet {
  id: StockRuleSetId;
  title: string;
  source: string;
  status: string;
  medDecimals: number | null;
  substockBelow: number;
  sobrestockAbove: number;
  cpmaWindowMonths: number;
  /** Which sin-rotación items count in the availability denominator. */
  sinRotacion: 'all' | 'vital_only' | 'none';
  /** Liquids of `fromLitres` or more are available from `availableFromMonths` of stock. */
  largeVolume: { fromLitres: number; availableFromMonths: number } | null;
  isDefault: boolean;
}

export interface StockFormulas {
  cpma: string;
  med: string;
  classes: string;
  availability: string;
  aggregation: string;
  levels: string;
}

/** An area at the chosen level; `areaCode` '' gathers establishments with none assigned. */
export interface StockAreaItem {
  areaCode: string;
  areaName: string;
  establishments: number;
  establishmentsEvaluated: number;
  evaluated: number;
  available: number;
  /** Mean of its establishments' availability (0–1); null when none was evaluated. */
  ratio: number | null;
  level: AvailabilityLevel | null;
  counts: ClassCounts;
  simulated: boolean;
}

export interface NamedArea {
  code: string;
  name: string;
}

export interface StockEstablishmentPoint {
  code: string;
  name: string;
  category: string;
  districtName: string;
  lat: number | null;
  lon: number | null;
  network: NamedArea | null;
  microred: NamedArea | null;
  executingUnit: NamedArea;
  evaluated: number;
  available: number;
  ratio: number | null;
  level: AvailabilityLevel | null;
  counts: ClassCounts;
  simulated: boolean;
}

export interface StockStatusResponse {
  department: string;
  /** Null when the department has no history at all. */
  month: string | null;
  latestMonth: string | null;
  level: StockAreaLevel;
  ruleSet: StockRuleSet;
  ruleSets: StockRuleSet[];
  availabilityLevels: { level: AvailabilityLevel; from: number }[];
  simulated: boolean;
  dataSource: string;
  formula: StockFormulas;
  total: StockAreaItem;
  items: StockAreaItem[];
  establishments: StockEstablishmentPoint[];
}

export interface FormulaStep {
  key: 'cpma' | 'med' | 'class' | string;
  formula: string;
  substituted: string;
  value: number | null;
  source: string;
}

export interface ProductStock {
  resourceCode: string;
  name: string;
  dispensingUnit: string;
  stock: number | null;
  cpma: number;
  monthsWithConsumption: number;
  consumptionTotal: number;
  window: { month: string; consumption: number }[];
  med: number | null;
  medCompared: number | null;
  stockClass: StockClass;
  /** Vital medicine (RM 1288-2018/MINSA). */
  vital: boolean;
  /** Under the large-volume rule (solutions of 1 L or more). */
  largeVolume: boolean;
  /** Counts in the availability denominator under the rule set. */
  evaluated: boolean;
  simulated: boolean;
  steps: FormulaStep[];
}

export interface EstablishmentStockResponse {
  establishment: Omit<
    StockEstablishmentPoint,
    'evaluated' | 'available' | 'ratio' | 'level' | 'counts' | 'simulated'
  >;
  month: string | null;
  latestMonth: string | null;
  ruleSet: StockRuleSet;
  simulated: boolean;
  dataSource: string;
  formula: StockFormulas;
  evaluated: number;
  available: number;
  ratio: number | null;
  level: AvailabilityLevel | null;
  counts: ClassCounts;
  products: ProductStock[];
}

export interface StockFilters {
  /** `YYYY-MM`, or null for the latest month with data. */
  month: string | null;
  ruleSet: StockRuleSetId | null;
  level: StockAreaLevel;
}

/** `result` of a finished history import job (GET /api/jobs/{id}). */
export interface SupplyImportResult {
  batchId: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  establishments: number;
  warehouses: number;
  products: number;
  from: string | null;
  to: string | null;
  warnings: { file: string; row: number; column: string | null; reason: string }[];
}
