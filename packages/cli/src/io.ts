import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvField, formatIssue, toCsv, type ImportIssue, type IssueLogOptions } from '@yawar/core';
import {
  databaseConfigFromEnv,
  demoDataFromEnv,
  openPreparedDatabase,
  type PreparedDatabase,
} from '@yawar/db';

/** Where a command writes and which environment it reads; injected so tests run commands in-process. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  env: process.env,
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** An expected failure: the message is for the user, printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Opens the same database `npm start` uses, migrated and seeded, and always closes it. */
export async function withDatabase<T>(
  io: CliIo,
  run: (database: PreparedDatabase) => Promise<T>,
): Promise<T> {
  const database = await openPreparedDatabase(databaseConfigFromEnv(io.env, io.cwd), {
    demoData: demoDataFromEnv(io.env),
  });
  if (database.seeded)
    io.err('Empty database: loaded the Cajamarca reference data (data/cajamarca).');
  if (database.accounts.adminPassword) printAdminPassword(io, database.accounts.adminPassword);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** Aligns rows of cells into columns for terminal output. */
export function table(rows: readonly (readonly (string | number)[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        typeof cell === 'number'
          ? String(cell).padStart(widths[i] ?? 0)
          : String(cell).padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** The operating-system account running the command: the CLI's actor in the audit trail. */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * The first administrator's password goes to the terminal once and nowhere else: not to the
 * logs, not to the database (only its Argon2id hash is stored).
 */
export function printAdminPassword(io: CliIo, password: string): void {
  io.err('');
  io.err('  First run: an administrator account was created.');
  io.err(`    user:     admin`);
  io.err(`    password: ${password}`);
  io.err(
    '  It is shown only this once. Keep it safe; `yawar user reset-password admin` makes a new one.',
  );
  io.err('');
}

const SHOWN_ISSUES = 30;

/**
 * The --errors CSV of an import that keeps only its first errors in memory (the screening and
 * supply imports keep 1,000): the import hands it every error as found (`issues`), and it writes
 * them in pieces, so the file has them all.
 */
export class ErrorCsv {
  private pending: string[] = [];
  private started = false;
  count = 0;
  readonly issues: IssueLogOptions = { onError: (issue) => this.add(issue) };

  constructor(readonly file: string) {}

  flush(): void {
    if (!this.started) fs.writeFileSync(this.file, 'file,row,column,reason\n');
    this.started = true;
    if (this.pending.length > 0) fs.appendFileSync(this.file, this.pending.join(''));
    this.pending = [];
  }

  private add(issue: ImportIssue): void {
    this.count += 1;
    this.pending.push(
      `${[issue.file, issue.row, issue.column, issue.reason].map(csvField).join(',')}\n`,
    );
    if (this.pending.length >= 5000) this.flush();
  }
}

/** An ErrorCsv for `--errors <file>`, or null without the option. */
export const errorCsv = (io: CliIo, csvFile: string | undefined): ErrorCsv | null =>
  csvFile ? new ErrorCsv(path.resolve(io.cwd, csvFile)) : null;

/**
 * Prints the first import errors (file:row [column] reason) and, if asked, writes them all to a
 * CSV — or completes the `streamed` file the import already wrote them to.
 */
export function reportImportErrors(
  io: CliIo,
  errors: readonly ImportIssue[],
  csvFile: string | undefined,
  streamed: ErrorCsv | null = null,
): void {
  const total = Math.max(errors.length, streamed?.count ?? 0);
  for (const issue of errors.slice(0, SHOWN_ISSUES)) io.err(formatIssue(issue));
  if (total > SHOWN_ISSUES) {
    io.err(
      `… and ${total - SHOWN_ISSUES} more${csvFile ? '' : ' (use --errors <file> to get them all)'}`,
    );
  }
  if (csvFile && streamed && streamed.count >= errors.length) {
    streamed.flush();
    io.err(`All errors written to ${csvFile}.`);
  } else if (csvFile) {
    const rows = errors.map((e) => [e.file, e.row, e.column, e.reason]);
    fs.writeFileSync(
      path.resolve(io.cwd, csvFile),
      toCsv(['file', 'row', 'column', 'reason'], rows),
    );
    io.err(`All errors written to ${csvFile}.`);
  }
}
