/** A problem found in an input file, located precisely enough for a planner to fix it in Excel. */
export interface ImportIssue {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 when the problem is the file as a whole. */
  readonly row: number;
  /** Column or property name; null when the problem is not tied to one column. */
  readonly column: string | null;
  readonly reason: string;
}

/** How many errors share one column and one kind of reason, with the first one as an example. */
export interface IssueCount {
  readonly column: string | null;
  /** The reason with the values written in the file left out: `"…" is not a date`, `batch #`. */
  readonly reason: string;
  readonly example: string;
  count: number;
}

/** Every error counted, though only the first `kept` are held (and returned) as objects. */
export interface IssueSummary {
  readonly total: number;
  readonly kept: number;
  readonly byReason: readonly IssueCount[];
}

export interface IssueLogOptions {
  /**
   * How many errors to hold as objects (the first ones); beyond it they are only counted and
   * handed to `onError`. A file of 300,000 bad rows must not become millions of objects in memory.
   */
  readonly keep?: number;
  /** Called with every error, kept or not: where the full list goes (a file, a stream). */
  readonly onError?: (issue: ImportIssue) => void;
}

/** The errors an import keeps in memory and returns; the rest is counted (and written elsewhere). */
export const KEPT_IMPORT_ERRORS = 1000;
/** Distinct (column, reason) counts kept; further kinds are counted under "other reasons". */
const MAX_REASON_KINDS = 200;

export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  /** Every error logged, including those beyond `keep`. */
  errorCount = 0;
  private readonly counts = new Map<string, IssueCount>();

  constructor(private readonly options: IssueLogOptions = {}) {}

  error(file: string, row: number, column: string | null, reason: string): void {
    const issue = { file, row, column, reason };
    this.errorCount += 1;
    this.count(issue);
    this.options.onError?.(issue);
    if (this.errors.length < (this.options.keep ?? Infinity)) this.errors.push(issue);
  }

  warn(file: string, row: number, column: string | null, reason: string): void {
    if (this.warnings.length < (this.options.keep ?? Infinity))
      this.warnings.push({ file, row, column, reason });
  }

  summary(): IssueSummary {
    return {
      total: this.errorCount,
      kept: this.errors.length,
      byReason: [...this.counts.values()].map((c) => ({ ...c })).sort((a, b) => b.count - a.count),
    };
  }

  private count(issue: ImportIssue): void {
    const reason = reasonKind(issue.reason);
    let key = `${issue.column ?? ''}\u0000${reason}`;
    let entry = this.counts.get(key);
    if (!entry && this.counts.size >= MAX_REASON_KINDS) {
      key = `${issue.column ?? ''}\u0000\u0000other`;
      entry = this.counts.get(key);
      if (!entry) {
        entry = { column: issue.column, reason: 'other reasons', example: issue.reason, count: 0 };
        this.counts.set(key, entry);
      }
    }
    if (!entry) {
      entry = { column: issue.column, reason, example: issue.reason, count: 0 };
      this.counts.set(key, entry);
    }
    entry.count += 1;
  }
}

/** The summary of a list of errors held whole (small lists: refusals built without a log). */
export function summariseIssues(issues: readonly ImportIssue[]): IssueSummary {
  const log = new IssueLog();
  for (const i of issues) log.error(i.file, i.row, i.column, i.reason);
  return log.summary();
}

/** A reason without the values the file wrote (quoted text, numbers and codes), to count alike ones together. */
export function reasonKind(reason: string): string {
  return reason.replace(/"[^"]*"/g, '"…"').replace(/\d+(?:[.,]\d+)*/g, '#');
}

export function formatIssue(issue: ImportIssue): string {
  const where = issue.row > 0 ? `${issue.file}:${issue.row}` : issue.file;
  return issue.column ? `${where} [${issue.column}] ${issue.reason}` : `${where} ${issue.reason}`;
}
