import {
  finalQuantity,
  FORECAST_METHODS,
  isForecastMethod,
  justificationMissing,
  monthRange,
  addMonths,
  type ForecastMethod,
  type ProgrammingLineResult,
} from '@yawar/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { computeLine, historyWindow, roundContext } from './compute.js';
import { loadUnitSeries } from './history-series.js';
import { unitIntervention } from './intervention.js';
import {
  programmeEvents,
  programmeLines,
  programmeObservations,
  programmeSummaries,
  type ProgrammeSummary,
} from './programmes.js';
import { getRound, type RoundSummary } from './rounds.js';

/** History months shown as the sheet's columns. */
export const SHEET_HISTORY_MONTHS = 12;

export interface SheetLine {
  readonly resourceCode: string;
  readonly resourceName: string;
  readonly dispensingUnit: string;
  readonly packSize: number;
  readonly packDescription: string;
  readonly unitPrice: number | null;
  readonly priceSimulated: boolean;
  readonly method: ForecastMethod;
  readonly prefillQuantity: number;
  readonly unitQuantity: number | null;
  readonly finalQuantity: number;
  readonly finalPacks: number;
  readonly finalCost: number | null;
  readonly justification: string | null;
  readonly justificationMissing: boolean;
  readonly history: {
    month: string;
    consumption: number;
    stockEnd: number | null;
    stockoutDays: number;
  }[];
  readonly computation: ProgrammingLineResult;
  /**
   * Every method on the same history, to compare (QAT Compare-and-Select): the quantity it would
   * give, the method actually used (a method short of data falls back to cpma) and its fit.
   */
  readonly alternatives: readonly {
    readonly method: ForecastMethod;
    readonly usedMethod: ForecastMethod;
    readonly quantity: number;
    readonly errors: ProgrammingLineResult['errors'];
  }[];
  readonly stale: boolean;
}

export interface SheetData {
  readonly programme: ProgrammeSummary;
  readonly round: RoundSummary;
  readonly months: string[];
  readonly lines: SheetLine[];
  readonly observations: Awaited<ReturnType<typeof programmeObservations>>;
  readonly events: Awaited<ReturnType<typeof programmeEvents>>;
  readonly simulatedHistory: boolean;
}

/**
 * A programme as its sheet shows it. Every line's computation is redone from the history with the
 * round's parameters, so the formula shown is the one that produced the figure; `stale` says the
 * stored prefill no longer matches (history imported since the round was computed).
 */
export async function programmeSheet(
  db: Kysely<Database>,
  programmeId: number,
): Promise<SheetData | null> {
  const [programme] = await programmeSummaries(db, { programmeId, unitCodes: null });
  if (!programme) return null;
  const round = await roundContext(db, programme.roundId);
  const roundSummary = await getRound(db, programme.roundId, [programme.unit.code]);
  const window = historyWindow(round);
  const series = await loadUnitSeries(db, programme.unit.code, window.from, window.to);
  const months = monthRange(
    addMonths(round.historyEnd, -(SHEET_HISTORY_MONTHS - 1)),
    SHEET_HISTORY_MONTHS,
  );
  const rows = await programmeLines(db, programmeId);
  // Always: the comparison shows what the intervention method would give on every line.
  const tree = await unitIntervention(db, round, programme.unit.code);
  const lines = rows.map((line): SheetLine => {
    const method = isForecastMethod(line.method) ? line.method : round.parameters.defaultMethod;
    const facts = { code: line.resourceCode, packSize: line.packSize, unitPrice: line.unitPrice };
    const demand = tree.demand.get(line.resourceCode) ?? null;
    const computation = computeLine(round, facts, series, method, demand);
    const final = finalQuantity(line);
    const records = new Map(
      (series.byResource.get(line.resourceCode) ?? []).map((r) => [r.month, r]),
    );
    return {
      ...line,
      method,
      finalQuantity: final,
      finalPacks: Math.ceil(final / line.packSize),
      finalCost: line.unitPrice === null ? null : final * line.unitPrice,
      justificationMissing: justificationMissing(line),
      history: months.map((month) => {
        const r = records.get(month);
        return {
          month,
          consumption: r?.consumption ?? 0,
          stockEnd: r?.stockEnd ?? null,
          stockoutDays: r?.stockoutDays ?? 0,
        };
      }),
      computation,
      alternatives: FORECAST_METHODS.map((other) => {
        const result =
          other === method
            ? computation
            : computeLine(round, facts, series, other, tree.demand.get(line.resourceCode) ?? null);
        return {
          method: other,
          usedMethod: result.method,
          quantity: result.quantity,
          errors: result.errors,
        };
      }),
      stale: computation.quantity !== line.prefillQuantity,
    };
  });
  return {
    programme,
    round: roundSummary as RoundSummary,
    months,
    lines,
    observations: await programmeObservations(db, programmeId),
    events: await programmeEvents(db, programmeId),
    simulatedHistory: series.simulated,
  };
}
