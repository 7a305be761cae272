import { StatisticsError } from './errors.js';
import { prevalenceCell, type PrevalenceCell } from './prevalence-cell.js';
import {
  suppressedCell,
  suppressionReason,
  type SuppressionReason,
  type SuppressionRule,
} from './suppression.js';

/**
 * Suppression that resists differencing. A small cell hidden in one answer can be recovered from two
 * published answers whose difference is exactly that cell: prevalence for 6–59, 6–8 and 10–59 months
 * gives the 9-month cell by subtraction. Two defences, both standard in statistical disclosure
 * control (Hundepool et al., _Statistical Disclosure Control_, Wiley 2012, ch. 4 on secondary cell
 * suppression and ch. 5 on frequency tables; ESSnet SDC, _Handbook on SDC_ v1.2, Eurostat 2010):
 *
 * 1. A fixed query space: callers who may not see individual records ask only for fixed,
 *    non-overlapping age bands (and their fixed totals) and whole calendar months, so no two
 *    permitted questions differ by an arbitrary sliver (`aggregateQueryProblem`).
 * 2. Complementary (secondary) suppression inside the table those bands form: the totals 6–35 and
 *    6–59 are sums of bands, so a hidden band is protected by hiding at least one more cell of every
 *    relation it takes part in, then the whole pattern is audited for exact linear disclosure
 *    (`protectTable`, `disclosedCells`).
 */

/** An inclusive age window in completed months. */
export interface AgeWindow {
  readonly from: number;
  readonly to: number;
}

/** A versioned query policy for aggregate-only callers. Never edit a published one: add an id. */
export interface AggregateQueryPolicy {
  readonly id: string;
  /** Non-overlapping bands that tile [min, max]: the finest cells anyone may see. */
  readonly bands: readonly AgeWindow[];
  /** Totals a caller may also ask for; each must be a union of consecutive bands. */
  readonly totals: readonly AgeWindow[];
  /** Date windows must start on the 1st of a month and end on the last day of a month. */
  readonly dateUnit: 'month';
  readonly sources: readonly string[];
}

/**
 * Bands of NTS N.° 213-MINSA/DGIESP-2024 (RM N.° 251-2024/MINSA): preventive iron is scheduled for
 * 6–11 and 12–23 months, and the Hb cut-offs change at 24 months (6–23 / 24–59, WHO 2024 Table 1);
 * 24–35 and 36–59 split the second group at the national indicator's upper age. Totals: 6–35 months,
 * the indicator INEI publishes from ENDES ("anemia en niñas y niños de 6 a 35 meses"), and 6–59.
 */
export const YAWAR_2026_NTS213_BANDS = {
  id: 'yawar-2026-nts213-bands',
  bands: [
    { from: 6, to: 11 },
    { from: 12, to: 23 },
    { from: 24, to: 35 },
    { from: 36, to: 59 },
  ],
  totals: [
    { from: 6, to: 35 },
    { from: 6, to: 59 },
  ],
  dateUnit: 'month',
  sources: [
    'RM N.° 251-2024/MINSA, NTS N.° 213-MINSA/DGIESP-2024 (supplementation 6–11 and 12–23 months; Hb cut-offs 6–23 and 24–59 months), https://www.gob.pe/institucion/minsa/normas-legales/5409853-251-2024-minsa',
    'INEI, ENDES: indicator of anaemia in children 6 to 35 months, https://proyectos.inei.gob.pe/endes/',
    'Hundepool et al., Statistical Disclosure Control, Wiley 2012, ch. 4 (secondary cell suppression) and ch. 5 (frequency tables)',
  ],
} as const satisfies AggregateQueryPolicy;

export const AGGREGATE_QUERY_POLICIES: Readonly<Record<string, AggregateQueryPolicy>> =
  Object.freeze({ [YAWAR_2026_NTS213_BANDS.id]: YAWAR_2026_NTS213_BANDS });

/** Stable codes the API returns with a 400. */
export type AggregateQueryProblemCode = 'age_band_not_permitted' | 'date_window_not_permitted';

export interface AggregateQueryProblem {
  readonly code: AggregateQueryProblemCode;
  readonly message: string;
}

export const windowKey = (window: AgeWindow): string => `${window.from}-${window.to}`;

/** Every window a policy permits: its bands, then its totals. */
export function permittedAgeWindows(policy: AggregateQueryPolicy): readonly AgeWindow[] {
  return [...policy.bands, ...policy.totals];
}

/**
 * Why an aggregate-only caller may not ask this, or null. Dates are ISO `YYYY-MM-DD` (already
 * checked to be real dates by the caller); absent dates mean "no bound", which is whole months.
 */
export function aggregateQueryProblem(
  query: {
    readonly ageFrom: number;
    readonly ageTo: number;
    readonly from?: string | undefined;
    readonly to?: string | undefined;
  },
  policy: AggregateQueryPolicy,
): AggregateQueryProblem | null {
  const permitted = permittedAgeWindows(policy);
  if (!permitted.some((w) => w.from === query.ageFrom && w.to === query.ageTo)) {
    return {
      code: 'age_band_not_permitted',
      message: `ages ${query.ageFrom}–${query.ageTo} months: aggregate figures come only in the bands ${permitted
        .map((w) => `${w.from}–${w.to}`)
        .join(', ')} (policy ${policy.id})`,
    };
  }
  if (query.from !== undefined && !/^\d{4}-\d{2}-01$/.test(query.from)) {
    return {
      code: 'date_window_not_permitted',
      message: `from ${query.from}: aggregate figures start on the first day of a month (policy ${policy.id})`,
    };
  }
  if (query.to !== undefined && !isLastDayOfMonth(query.to)) {
    return {
      code: 'date_window_not_permitted',
      message: `to ${query.to}: aggregate figures end on the last day of a month (policy ${policy.id})`,
    };
  }
  return null;
}

function isLastDayOfMonth(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day === days;
}

/** total = Σ parts, by cell key. */
export interface AdditiveRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

/** The relations a policy's windows satisfy: each total is the sum of the bands it spans. */
export function ageRelations(policy: AggregateQueryPolicy): readonly AdditiveRelation[] {
  assertPolicy(policy);
  return policy.totals.map((total) => ({
    total: windowKey(total),
    parts: policy.bands.filter((b) => b.from >= total.from && b.to <= total.to).map(windowKey),
  }));
}

export interface CountCell {
  readonly cases: number;
  readonly n: number;
}

/** Why a cell is hidden: the rule's own reasons, or `complementary` (hidden to protect another). */
export type ProtectionReason = SuppressionReason;

/**
 * Primary suppression by `rule`, then complementary suppression until no published combination of
 * `relations` gives back a hidden cell. Heuristic (after Hundepool et al. 2012, ch. 4): while a relation
 * has exactly one hidden cell, hide its part with the lowest cost (`keep` rank, then fewest cases,
 * then smallest n, then key order), the total only when no part is left; then audit the whole
 * pattern with `disclosedCells` and, while a hidden cell is still determined, hide the cheapest
 * published cell that breaks the chain. Deterministic: the same counts always give the same pattern,
 * so asking again reveals nothing new. Cells are never un-hidden.
 *
 * A cell with n = 0 is hidden by any rule (no proportion exists) but needs no protection: everyone
 * knows its case count is 0, since n is published. It counts as known in the relations.
 *
 * `keep`: a rank per key, higher = hide later (e.g. keep the headline 6–35 total over 6–59).
 */
export function protectTable(
  cells: Readonly<Record<string, CountCell>>,
  relations: readonly AdditiveRelation[],
  rule: SuppressionRule,
  keep: Readonly<Record<string, number>> = {},
): Record<string, ProtectionReason | null> {
  const keys = Object.keys(cells).sort();
  const relevant = relations.filter(
    (r) => r.total in cells && r.parts.every((part) => part in cells),
  );
  const result: Record<string, ProtectionReason | null> = {};
  for (const key of keys) {
    const cell = cells[key] as CountCell;
    result[key] = suppressionReason(cell.cases, cell.n, rule);
  }
  const empty = (k: string) => (cells[k] as CountCell).n === 0;
  /** Hidden and not known anyway. */
  const isHidden = (k: string) => result[k] !== null && !empty(k);
  /** Published, and worth hiding (hiding an empty cell protects nothing). */
  const isOpen = (k: string) => result[k] === null && !empty(k);
  const hidden = () => new Set(keys.filter(isHidden));
  const cost = (key: string): [number, number, number, string] => {
    const cell = cells[key] as CountCell;
    return [keep[key] ?? 0, cell.cases, cell.n, key];
  };
  const cheapest = (candidates: readonly string[]): string | undefined =>
    [...candidates].sort((a, b) => {
      const [ra, ca, na, ka] = cost(a);
      const [rb, cb, nb, kb] = cost(b);
      return ra - rb || ca - cb || na - nb || (ka < kb ? -1 : ka > kb ? 1 : 0);
    })[0];
  for (;;) {
    let changed = false;
    for (const relation of relevant) {
      const members = [relation.total, ...relation.parts];
      if (members.filter(isHidden).length !== 1) continue;
      const open = relation.parts.filter(isOpen);
      const pick = cheapest(open) ?? (isOpen(relation.total) ? relation.total : undefined);
      if (pick === undefined) continue; // a relation of one part: the total is that part
      result[pick] = 'complementary';
      changed = true;
    }
    if (changed) continue;
    const exposed = disclosedCells(keys, relevant, hidden());
    if (exposed.length === 0) return result;
    // A hidden cell determined through a chain of relations (6–59 − 6–35 = 36–59): hide the
    // cheapest published cell that breaks the chain.
    const key = exposed[0] as string;
    const open = [...new Set(relevant.flatMap((r) => [r.total, ...r.parts]))].filter(isOpen);
    const breaking = open.filter(
      (k) => !disclosedCells(keys, relevant, new Set([...hidden(), k])).includes(key),
    );
    const pick = cheapest(breaking) ?? cheapest(open);
    if (pick === undefined) return result; // every non-empty cell is hidden
    result[pick] = 'complementary';
  }
}

/**
 * The hidden cells whose exact value follows from the published ones through the relations (any
 * sum or difference of relations that leaves a single hidden cell). Gaussian elimination over the
 * hidden cells: cell i is determined iff the unit vector eᵢ lies in the row space of the relation
 * matrix restricted to hidden cells, i.e. iff a row of its reduced row-echelon form is eᵢ.
 * Relations whose cells are all published say nothing about hidden cells and drop out.
 */
export function disclosedCells(
  keys: readonly string[],
  relations: readonly AdditiveRelation[],
  hidden: ReadonlySet<string>,
): string[] {
  const unknowns = keys.filter((k) => hidden.has(k));
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const rows: number[][] = [];
  for (const relation of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    const add = (key: string, sign: number) => {
      const i = column.get(key);
      if (i !== undefined) row[i] = (row[i] ?? 0) + sign;
    };
    add(relation.total, 1);
    for (const part of relation.parts) add(part, -1);
    if (row.some((v) => v !== 0)) rows.push(row);
  }
  const reduced = rref(rows, unknowns.length);
  return reduced
    .map((row) => {
      const nonZero = row.flatMap((v, i) => (Math.abs(v) > 1e-9 ? [i] : []));
      return nonZero.length === 1 ? unknowns[nonZero[0] as number] : undefined;
    })
    .filter((k): k is string => k !== undefined)
    .sort();
}

function rref(input: readonly number[][], width: number): number[][] {
  const m = input.map((row) => [...row]);
  let lead = 0;
  for (let r = 0; r < m.length && lead < width; lead++) {
    let pivot = r;
    while (pivot < m.length && Math.abs((m[pivot] as number[])[lead] as number) < 1e-9) pivot++;
    if (pivot === m.length) continue;
    [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
    const row = m[r] as number[];
    const value = row[lead] as number;
    for (let c = 0; c < width; c++) row[c] = (row[c] as number) / value;
    for (let other = 0; other < m.length; other++) {
      if (other === r) continue;
      const target = m[other] as number[];
      const factor = target[lead] as number;
      if (factor === 0) continue;
      for (let c = 0; c < width; c++)
        target[c] = (target[c] as number) - factor * (row[c] as number);
    }
    r++;
  }
  return m;
}

function assertPolicy(policy: AggregateQueryPolicy): void {
  const sorted = [...policy.bands].sort((a, b) => a.from - b.from);
  const tiles = sorted.every(
    (b, i) =>
      Number.isSafeInteger(b.from) &&
      Number.isSafeInteger(b.to) &&
      b.from <= b.to &&
      (i === 0 || b.from === (sorted[i - 1] as AgeWindow).to + 1),
  );
  const totalsAreUnions = policy.totals.every(
    (t) =>
      sorted.some((b) => b.from === t.from) && sorted.some((b) => b.to === t.to) && t.from <= t.to,
  );
  if (sorted.length === 0 || !tiles || !totalsAreUnions) {
    throw new StatisticsError(
      'invalid_rule',
      `policy ${policy.id}: bands must tile an age range and totals must be unions of bands`,
    );
  }
}

/**
 * Every permitted window's counts from its bands' counts (numeric fields added up): the bands tile
 * the range, and a child counts in one band per period (the age at their first test in it), so the
 * totals are exact sums. A band with no row counts as zeros.
 */
export function windowsFromBands<K extends string>(
  bands: Readonly<Record<string, Readonly<Record<K, number>>>>,
  policy: AggregateQueryPolicy,
  zero: Readonly<Record<K, number>>,
): Record<string, Record<K, number>> {
  assertPolicy(policy);
  const fields = Object.keys(zero) as K[];
  const result: Record<string, Record<K, number>> = {};
  for (const window of permittedAgeWindows(policy)) {
    const inside = policy.bands.filter((b) => b.from >= window.from && b.to <= window.to);
    const sum: Record<K, number> = { ...zero };
    for (const band of inside) {
      const counts = bands[windowKey(band)] ?? zero;
      for (const field of fields) sum[field] = sum[field] + counts[field];
    }
    result[windowKey(window)] = sum;
  }
  return result;
}

/** Counts of one area and period, as prevalence tables carry them. */
export interface AnemiaCounts {
  readonly n: number;
  readonly mild: number;
  readonly moderate: number;
  readonly severe: number;
  readonly simulated: number;
}

const ZERO_COUNTS: AnemiaCounts = { n: 0, mild: 0, moderate: 0, severe: 0, simulated: 0 };

/**
 * The one suppression every output path applies (API JSON, CSV/XLSX exports, the CLI): from one
 * area-and-period's counts by band, every permitted age window's counts and whether it may be
 * published (primary rule, then complementary suppression across the bands and their totals).
 */
export function protectAgeWindows(
  bands: Readonly<Record<string, AnemiaCounts>>,
  policy: AggregateQueryPolicy,
  rule: SuppressionRule,
): Record<string, { counts: AnemiaCounts; reason: ProtectionReason | null }> {
  const windows = windowsFromBands(bands, policy, ZERO_COUNTS);
  const cells = Object.fromEntries(
    Object.entries(windows).map(([key, c]) => [
      key,
      { cases: c.mild + c.moderate + c.severe, n: c.n },
    ]),
  );
  // Hide bands before totals, and the wider total before the narrower (6–59 before the 6–35
  // indicator): totals come last in the policy, the headline first among them.
  const keep = Object.fromEntries(
    policy.totals.map((total, i) => [windowKey(total), policy.totals.length - i]),
  );
  const reasons = protectTable(cells, ageRelations(policy), rule, keep);
  return Object.fromEntries(
    Object.entries(windows).map(([key, counts]) => [key, { counts, reason: reasons[key] ?? null }]),
  );
}

/**
 * A count cell (Wilson interval, then `rule`) that also honours a complementary suppression
 * decided by `protectTable`: such a cell comes back hidden with reason `complementary`.
 */
export function protectedCountCell(input: {
  readonly cases: number;
  readonly n: number;
  readonly source: string;
  readonly rule: SuppressionRule;
  readonly protection: ProtectionReason | null;
  readonly confidence?: number;
}): PrevalenceCell {
  const { protection, ...rest } = input;
  const cell = prevalenceCell(rest);
  if (cell.suppressed || protection === null) return cell;
  return suppressedCell(cell, rest.rule.id, 'complementary');
}
