// Shapes of the anemia surveillance endpoints (GET /api/surveillance/*). Prevalences are
// proportions (0–1); the page turns them into percentages only when it shows them.

export type RuleId = 'nts-213-2024' | 'who-2024' | 'who-2011';
export type AreaLevel =
  'district' | 'province' | 'network' | 'microred' | 'establishment' | 'department';
export type PeriodLevel = 'all' | 'year' | 'quarter' | 'month';
export type DataSourceKind = 'simulated' | 'records' | 'mixed';
export type AnemiaLevel = 'none' | 'mild' | 'moderate' | 'severe';

export const ANEMIA_LEVELS: readonly AnemiaLevel[] = ['none', 'mild', 'moderate', 'severe'];

export interface HbRule {
  id: RuleId;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  isDefault: boolean;
}

export interface PrevalenceItem {
  areaCode: string;
  areaName: string;
  /** `2024`, `2024-T1`, `2024-03` or `all`. */
  period: string;
  n: number;
  /** Null (like every derived count) when the cell is suppressed. */
  cases: number | null;
  mild: number | null;
  moderate: number | null;
  severe: number | null;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
  /** Share of the children in the cell whose record is simulated demo data (0–1). */
  simulatedShare: number;
  children6to35Months: number | null;
  coverage: number | null;
  estimatedAnemicChildren: number | null;
  /** The red and microred of the area (levels network, microred, establishment), else null. */
  network?: string | null;
  microred?: string | null;
  microredCode?: string | null;
}

export interface PrevalenceResponse {
  rule: { id: RuleId; title: string; source: string };
  area: AreaLevel;
  period: PeriodLevel;
  dataSource: DataSourceKind;
  confidence: number;
  suppressionRule: { id: string; description: string };
  formula: { prevalence: string; interval: string; adjustment: string };
  items: PrevalenceItem[];
}

export interface ReclassificationResponse {
  from: RuleId;
  to: RuleId;
  total: number;
  changed: number;
  items: { from: AnemiaLevel; to: AnemiaLevel; children: number }[];
}

export type EndesRuleId = 'nts-213-2024' | 'who-2011';
/** INEI's two published methods: RM 251-2024/MINSA (since the 2024 report) and the previous one. */
export type IneiMethod = 'rm-251-2024' | 'previous';

/** A year of the ENDES subsample under one rule: a validation of the rules, not an estimate. */
export interface EndesItem {
  year: number;
  scope: 'national' | 'department';
  rule: EndesRuleId;
  n: number;
  /** Null when the cell is suppressed (fewer than 25 unweighted cases, the DHS convention). */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  designEffect: number | null;
}

/** A figure as INEI published it (official), with its source. */
export interface IneiFigure {
  year: number;
  scope: 'national' | 'department';
  areaName: string;
  method: IneiMethod;
  methodLabel: string;
  rule: EndesRuleId;
  /** Proportion (0–1). */
  value: number;
  /** Decimals of the percentage as published (0: only a whole percent is known). */
  decimals: 0 | 1;
  publisher: string;
  report: string;
  tablePage: string;
  citedVia: string;
  note: string;
}

export interface EndesResponse {
  source: string;
  note: string;
  role: 'validation';
  series: { rule: EndesRuleId; method: IneiMethod; label: string }[];
  items: EndesItem[];
  officialSource: string;
  official: IneiFigure[];
}

/** The altitude chain's sources, in the core's order (screening/altitude-chain.ts). */
import type { AltitudeSource } from '@yawar/core';
export { ALTITUDE_SOURCES } from '@yawar/core';
export type { AltitudeSource };

export interface AltitudeSourcesItem {
  areaCode: string;
  areaName: string;
  n: number;
  counts: Record<AltitudeSource, number>;
  /** Proportions (0–1) of n. */
  shares: Record<AltitudeSource, number>;
  simulatedShare: number;
}

export interface AltitudeSourcesResponse {
  area: string;
  dataSource: DataSourceKind;
  sources: AltitudeSource[];
  note: string;
  items: AltitudeSourcesItem[];
}

/** What the page's filters select; everything a prevalence request needs except area and period. */
export interface SurveillanceFilters {
  rule: RuleId;
  /** Granularity of the trend chart. */
  granularity: Exclude<PeriodLevel, 'all'>;
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
  ageFrom: number;
  ageTo: number;
  /** Area level of the table (and of the export). */
  area: Exclude<AreaLevel, 'department'>;
  /** A microred's scope code (`06/CHOTA/CHOTA`) narrowing the microred and establishment rows; '' for all. */
  microred?: string;
  /** The rule the reclassification box compares against. */
  compare: RuleId;
}
