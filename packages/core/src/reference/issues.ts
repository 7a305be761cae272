/** A problem found in an input file, located precisely enough for a planner to fix it in Excel. */
export interface ImportIssue {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 when the problem is the file as a whole. */
  readonly row: number;
  /** Column or property name; null when the problem is not tied to one column. */
  readonly column: string | null;
  readonly reason: string;
}

export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  error(file: string, row: number, column: string | null, reason: string): void {
    this.errors.push({ file, row, column, reason });
  }

  warn(file: string, row: number, column: string | null, reason: string): void {
    this.warnings.push({ file, row, column, reason });
  }
}

export function formatIssue(issue: ImportIssue): string {
  const where = issue.row > 0 ? `${issue.file}:${issue.row}` : issue.file;
  return issue.column ? `${where} [${issue.column}] ${issue.reason}` : `${where} ${issue.reason}`;
}
