// Shapes of the programming API (/api/programming/*): the contract between the server's routes
// (packages/server/src/routes/programming/) and the web pages. Keep the two in step.

export type ProgrammeStatus =
  'draft' | 'submitted' | 'in_review' | 'returned' | 'approved' | 'consolidated';
export type ProgrammeAction = 'submit' | 'validate' | 'return' | 'approve';
export type ForecastMethod =
  'cpma' | 'moving_average' | 'linear_regression' | 'holt_winters' | 'intervention';
export type Criticality = 'high' | 'medium' | 'low';
export type ObservationStatus = 'open' | 'addressed' | 'resolved';

export interface ProgrammingParameters {
  horizonMonths: number;
  safetyStockMonths: number;
  historyWindowMonths: number;
  growthRate: number;
  defaultMethod: ForecastMethod;
  holtWinters: { alpha: number; beta: number; gamma: number };
  /** Intervention-tree targets for lines with method `intervention` (defaults 1, 1, 0.05). */
  intervention?: { treatmentCoverage: number; preventionCoverage: number; wastage: number };
}

/** GET /api/programming/rounds → { rounds: RoundSummary[] } */
export interface RoundSummary {
  id: number;
  name: string;
  fiscalYear: number;
  opensOn: string; // YYYY-MM-DD
  closesOn: string;
  horizonStart: string; // YYYY-MM
  historyEnd: string; // YYYY-MM
  regionalReview: boolean;
  status: 'open' | 'consolidated';
  consolidatedAt: string | null;
  parameters: ProgrammingParameters;
  /** Programmes in the caller's scope, by status. */
  counts: Record<ProgrammeStatus, number>;
}

/** POST /api/programming/rounds (programming:review) body; answers 201 RoundSummary. */
export interface NewRound {
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  horizonStart: string;
  historyEnd: string;
  regionalReview: boolean;
  parameters: ProgrammingParameters;
}

/** GET /api/programming/rounds/:id/programmes → { round: RoundSummary, programmes: ProgrammeSummary[] } */
export interface ProgrammeSummary {
  id: number;
  roundId: number;
  unit: { code: string; name: string; departmentUbigeo: string };
  status: ProgrammeStatus;
  version: number;
  lineCount: number;
  /** Σ final quantity × price (soles); null when no line has a price. */
  totalCost: number | null;
  costSimulated: boolean;
  openObservations: number;
  computedAt: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** One step of a line's computation: the formula with its live values. */
export interface FormulaStep {
  key: string;
  formula: string;
  substituted: string;
  value: number | null;
  source: string;
}

export interface ForecastErrors {
  mape: number | null;
  wape: number | null;
  rmse: number;
  mse: number;
  rSquared: number | null;
  n: number;
}

/** The computation of a line, recomputed from the history on every read. */
export interface LineComputation {
  method: ForecastMethod;
  adjustedHistory: { month: string; value: number }[];
  cpma: number;
  monthlyForecast: { month: string; value: number }[];
  demand: number;
  safetyStock: number;
  stockAvailable: number;
  inTransit: number;
  netRequirement: number;
  packs: number;
  quantity: number;
  cost: number | null;
  errors: ForecastErrors | null;
  steps: FormulaStep[];
  warnings: string[];
  /** The warnings as codes and values, said in the user's language by the web app. */
  notices: Notice[];
}

export interface ProgrammeLine {
  resourceCode: string;
  resourceName: string;
  dispensingUnit: string;
  packSize: number;
  packDescription: string;
  unitPrice: number | null;
  priceSimulated: boolean;
  method: ForecastMethod;
  /** What the system computed (dispensing units, a multiple of the pack size). */
  prefillQuantity: number;
  /** What the unit programmes instead, or null to keep the prefill. */
  unitQuantity: number | null;
  /** unitQuantity ?? prefillQuantity */
  finalQuantity: number;
  finalPacks: number;
  finalCost: number | null;
  justification: string | null;
  /** The unit departs from the prefill without a justification of ≥ 10 characters. */
  justificationMissing: boolean;
  /** Consumption history per month (raw, dispensing units) for the sheet's month columns. */
  history: { month: string; consumption: number; stockEnd: number | null; stockoutDays: number }[];
  computation: LineComputation;
  /**
   * Every method on the same history (QAT Compare-and-Select): the quantity it would give, the
   * method actually used (one short of data falls back to cpma) and its in-sample fit.
   */
  alternatives: {
    method: ForecastMethod;
    usedMethod: ForecastMethod;
    quantity: number;
    errors: ForecastErrors | null;
  }[];
  /** The stored prefill no longer matches a recomputation (history changed since). */
  stale: boolean;
}

export interface Observation {
  id: number;
  resourceCode: string | null;
  criticality: Criticality;
  note: string;
  status: ObservationStatus;
  response: string | null;
  createdBy: string;
  createdAt: string;
  addressedAt: string | null;
  resolvedAt: string | null;
  /** Programme version when it was made (which review round). */
  programmeVersion: number;
}

export interface ProgrammeEvent {
  id: number;
  version: number;
  action: string;
  fromStatus: ProgrammeStatus;
  toStatus: ProgrammeStatus;
  note: string | null;
  actor: string;
  at: string;
}

/** GET /api/programming/programmes/:id (programming:read, scoped to the unit) */
export interface ProgrammeSheet {
  programme: ProgrammeSummary;
  round: RoundSummary;
  /** Actions the caller may take now (permission and status; preconditions checked on POST). */
  availableActions: ProgrammeAction[];
  /** The caller may edit lines now (programming:edit and status draft/returned). */
  editable: boolean;
  /** The caller may add and resolve observations now (programming:review, status in_review). */
  canReview: boolean;
  /** History months shown as columns, oldest first (YYYY-MM). */
  months: string[];
  lines: ProgrammeLine[];
  observations: Observation[];
  events: ProgrammeEvent[];
  simulatedHistory: boolean;
}

/**
 * PATCH /api/programming/programmes/:id/lines/:resourceCode (programming:edit)
 * body { version, unitQuantity, justification, method } → 200 ProgrammeSheet
 * 409 version_conflict (someone saved first: reload), 409 not_editable (status).
 */
export interface LineUpdate {
  version: number;
  unitQuantity: number | null;
  justification: string | null;
  method: ForecastMethod;
}

/**
 * POST /api/programming/programmes/:id/{submit|validate|return|approve}
 * body { version, note? } → 200 ProgrammeSheet.
 * Errors: 409 version_conflict, 409 invalid_transition, 422 transition_blocked with
 * details: { problems: ({code:'justification_missing', resourceCodes} | {code:'observations_open',
 * observationIds} | {code:'note_required'} | {code:'no_lines'})[] }.
 */
export interface TransitionRequest {
  version: number;
  note?: string | null;
}

/**
 * POST /api/programming/programmes/:id/observations (programming:review)
 * body { version, resourceCode: string|null, criticality, note } → 201 ProgrammeSheet
 * POST /api/programming/observations/:id/address (programming:edit) body { version, response } → ProgrammeSheet
 * POST /api/programming/observations/:id/resolve (programming:review) body { version } → ProgrammeSheet
 */
export interface NewObservation {
  version: number;
  resourceCode: string | null;
  criticality: Criticality;
  note: string;
}

/** GET /api/programming/rounds/:id/consolidation → Consolidation (programming:read; scoped lines) */
export interface Consolidation {
  round: RoundSummary;
  /** Per product: Σ over approved and consolidated programmes in the caller's scope. */
  products: ConsolidatedProduct[];
  unitsIncluded: number;
  unitsPending: { code: string; name: string; status: ProgrammeStatus }[];
  totalCost: number | null;
  costSimulated: boolean;
}

export interface ConsolidatedProduct {
  resourceCode: string;
  resourceName: string;
  dispensingUnit: string;
  packSize: number;
  quantity: number;
  packs: number;
  cost: number | null;
  units: number;
}

/** GET /api/programming/rounds/:id/consolidation/:resourceCode → { product, units: ConsolidationUnitRow[] } */
export interface ConsolidationUnitRow {
  programmeId: number;
  unit: { code: string; name: string };
  status: ProgrammeStatus;
  prefillQuantity: number;
  finalQuantity: number;
  packs: number;
  cost: number | null;
  justification: string | null;
}

/**
 * POST /api/programming/rounds/:id/consolidate (programming:review, national) → Consolidation
 * (approved programmes become consolidated; 409 nothing_to_consolidate when none is approved).
 *
 * Files:
 * GET  /api/programming/programmes/:id/export.xlsx — the sheet in its Excel layout
 * POST /api/programming/programmes/:id/import?version=N — the same layout back (body: the xlsx,
 *      content-type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet);
 *      all or nothing: 422 import_invalid with details.errors [{row, column, reason}]
 * GET  /api/programming/rounds/:id/consolidation.xlsx
 */

/** GET /api/programming/rounds/:id/meetings → { meetings: Meeting[] } */
export interface Meeting {
  id: number;
  roundId: number;
  groupName: string;
  startsOn: string;
  endsOn: string;
  modality: 'in_person' | 'virtual';
  place: string | null;
  participants: MeetingParticipant[];
}

export interface MeetingParticipant {
  unit: { code: string; name: string };
  attended: boolean | null;
  feedback: string | null;
  programmeId: number | null;
  programmeStatus: ProgrammeStatus | null;
  /** Observations on the unit's programme, and how many were addressed before approval. */
  observations: number;
  addressedBeforeApproval: number;
}

/**
 * POST /api/programming/rounds/:id/meetings (programming:review)
 *   body { groupName, startsOn, endsOn, modality, place, unitCodes } → 201 Meeting
 * PATCH /api/programming/meetings/:id/participants/:unitCode (programming:review)
 *   body { attended, feedback } → Meeting
 * POST /api/programming/rounds/:id/compute (programming:review) body { unitCodes?: string[] }
 *   → 202 { jobId } ; progress at GET /api/jobs/:id (see importTypes.ts JobView)
 */
export interface NewMeeting {
  groupName: string;
  startsOn: string;
  endsOn: string;
  modality: 'in_person' | 'virtual';
  place: string | null;
  unitCodes: string[];
}

// ---- Added by the web pages (client-side shapes of documented details; no existing field changed).

/** One item of a 422 transition_blocked's details.problems. */
export type TransitionProblem =
  | { code: 'justification_missing'; resourceCodes: string[] }
  | { code: 'observations_open'; observationIds: number[] }
  | { code: 'note_required' }
  | { code: 'no_lines' };

/** One item of a 422 import_invalid's details.errors (sheet row number as Excel shows it). */
export interface SheetImportError {
  row: number;
  column: string | null;
  reason: string;
}

/**
 * GET /api/programming/programmes/:id/intervention (programming:read, scoped): the unit's anemia
 * intervention tree behind lines with method `intervention`. Regimens are a transcription of NTS
 * 213 pending clinical validation (`tree.pendingClinicalValidation`); prevalence comes from the
 * unit's own screenings (simulated in the demo: `simulatedScreenings`).
 */
export interface InterventionTree {
  unitCode: string;
  parameters: { treatmentCoverage: number; preventionCoverage: number; wastage: number };
  /** Children 6–35 months of the districts the unit serves (estimate). */
  children: number;
  from: string; // YYYY-MM
  to: string;
  simulatedScreenings: boolean;
  bands: {
    band: '6-11' | '12-23' | '24-35';
    children: number;
    tested: number;
    anemic: number;
    prevalence: number | null;
  }[];
  tree: {
    regimenSetId: string;
    pendingClinicalValidation: boolean;
    tests: number;
    /** Children starting a course in a year, by band ('4-5', '6-11', …): in the band × 12 ÷ width. */
    entrants: Record<string, number>;
    /** Depth-first; parentId links them. */
    nodes: {
      id: string;
      parentId: string | null;
      kind: 'number' | 'percent' | 'factor' | 'product' | 'sum';
      label: string;
      unit: string;
      value: number;
      formula: string;
      substituted: string;
      productCode: string | null;
    }[];
    products: { productCode: string; label: string; unit: string; quantity: number }[];
  } | null;
  /** Demand over the round's horizon per catalogue resource, in its dispensing units. */
  demand: { resourceCode: string; quantity: number }[];
  warnings: string[];
  /** The warnings as codes and values, said in the user's language by the web app. */
  notices: Notice[];
}

/** A warning as a stable code and its values (see domain/programmingNotices.ts). */
export interface Notice {
  code: string;
  params: Record<string, string | number>;
}
