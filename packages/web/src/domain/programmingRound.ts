// The "Nueva ronda" form as typed, its defaults and its conversion to the API body. Numbers stay
// text while typed; the conversion refuses what the server would refuse, with a code the form
// turns into a sentence.
import type { NewRound } from '@yawar/api';
import type { ForecastMethod } from '@yawar/core';
import { DEFAULT_PARAMETERS } from './programming';

/** The parameters of a round as typed. */
export interface ParameterDraft {
  horizonMonths: string;
  safetyStockMonths: string;
  historyWindowMonths: string;
  /** In percent, as planners say it ("3" for 3 %); the API takes a fraction. */
  growthPercent: string;
  defaultMethod: ForecastMethod;
  alpha: string;
  beta: string;
  gamma: string;
  /** Intervention-tree targets in percent ("100", "5"); the API takes fractions. */
  treatmentCoveragePercent: string;
  preventionCoveragePercent: string;
  wastagePercent: string;
}

export interface RoundDraft {
  name: string;
  fiscalYear: string;
  opensOn: string;
  closesOn: string;
  horizonStart: string;
  historyEnd: string;
  regionalReview: boolean;
  parameters: ParameterDraft;
}

export type RoundProblem =
  'name' | 'fiscal_year' | 'dates' | 'months' | 'history_after_horizon' | 'parameters';

/** 0.05 → 5 and 5 → 0.05, without 0.05 * 100 = 5.000000000000001 (two decimals of a percent). */
const percentOf = (fraction: number) => Math.round(fraction * 10_000) / 100;
const fractionOf = (percent: number) => Math.round(percent * 100) / 10_000;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Next year's programming: opens today for 60 days, history up to last month. */
export function newRoundDefaults(now = new Date()): RoundDraft {
  const year = now.getFullYear() + 1;
  const closes = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 60);
  const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const p = DEFAULT_PARAMETERS;
  const intervention = p.intervention;
  return {
    name: `Programación ${year}`,
    fiscalYear: String(year),
    opensOn: day(now),
    closesOn: day(closes),
    horizonStart: `${year}-01`,
    historyEnd: `${lastMonth.getFullYear()}-${pad(lastMonth.getMonth() + 1)}`,
    regionalReview: true,
    parameters: {
      horizonMonths: String(p.horizonMonths),
      safetyStockMonths: String(p.safetyStockMonths),
      historyWindowMonths: String(p.historyWindowMonths),
      growthPercent: String(p.growthRate * 100),
      defaultMethod: p.defaultMethod,
      alpha: String(p.holtWinters.alpha),
      beta: String(p.holtWinters.beta),
      gamma: String(p.holtWinters.gamma),
      treatmentCoveragePercent: String(percentOf(intervention.treatmentCoverage)),
      preventionCoveragePercent: String(percentOf(intervention.preventionCoverage)),
      wastagePercent: String(percentOf(intervention.wastage)),
    },
  };
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

function numberIn(text: string, min: number, max: number, integer: boolean): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) return null;
  if (integer && !Number.isInteger(value)) return null;
  return value;
}

/** The API body, or the first thing to fix. */
export function toNewRound(draft: RoundDraft): { round: NewRound } | { problem: RoundProblem } {
  if (draft.name.trim() === '') return { problem: 'name' };
  const fiscalYear = numberIn(draft.fiscalYear, 2000, 2100, true);
  if (fiscalYear === null) return { problem: 'fiscal_year' };
  if (!isDay(draft.opensOn) || !isDay(draft.closesOn) || draft.closesOn < draft.opensOn) {
    return { problem: 'dates' };
  }
  if (!isMonth(draft.horizonStart) || !isMonth(draft.historyEnd)) return { problem: 'months' };
  if (draft.historyEnd >= draft.horizonStart) return { problem: 'history_after_horizon' };
  const p = draft.parameters;
  const values = {
    horizonMonths: numberIn(p.horizonMonths, 1, 120, true),
    safetyStockMonths: numberIn(p.safetyStockMonths, 0, 60, false),
    historyWindowMonths: numberIn(p.historyWindowMonths, 1, 120, true),
    growth: numberIn(p.growthPercent, -99, 1000, false),
    alpha: numberIn(p.alpha, 0, 1, false),
    beta: numberIn(p.beta, 0, 1, false),
    gamma: numberIn(p.gamma, 0, 1, false),
    treatment: numberIn(p.treatmentCoveragePercent, 0, 100, false),
    prevention: numberIn(p.preventionCoveragePercent, 0, 100, false),
    // The loss factor 1 ÷ (1 − wastage) needs wastage below 100 %.
    wastage: numberIn(p.wastagePercent, 0, 99, false),
  };
  if (Object.values(values).some((value) => value === null)) return { problem: 'parameters' };
  const n = (value: number | null) => value ?? 0;
  return {
    round: {
      name: draft.name.trim(),
      fiscalYear,
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
      horizonStart: draft.horizonStart,
      historyEnd: draft.historyEnd,
      regionalReview: draft.regionalReview,
      parameters: {
        horizonMonths: n(values.horizonMonths),
        safetyStockMonths: n(values.safetyStockMonths),
        historyWindowMonths: n(values.historyWindowMonths),
        // 3 % → 0.03, without 0.030000000000000002.
        growthRate: fractionOf(n(values.growth)),
        defaultMethod: p.defaultMethod,
        holtWinters: { alpha: n(values.alpha), beta: n(values.beta), gamma: n(values.gamma) },
        intervention: {
          treatmentCoverage: fractionOf(n(values.treatment)),
          preventionCoverage: fractionOf(n(values.prevention)),
          wastage: fractionOf(n(values.wastage)),
        },
      },
    },
  };
}
