import fs from 'node:fs';
import { csvField, type ImportIssue } from '@yawar/core';

const HEADER = '\uFEFFfile,row,column,reason\n';
const FLUSH_CHARS = 64 * 1024;

/**
 * A job's full error report, written to disk as the errors are found (file,row,column,reason,
 * the CSV the user downloads), so a file of 300,000 bad rows costs disk, not memory: the job
 * holds only the first errors and the counts. Written synchronously in 64 KB pieces because the
 * validators that report into it are synchronous; created on the first error only.
 */
export class ErrorFile {
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingChars = 0;
  /** Set when the disk refused a write (full, or the server shut down): the job keeps its first errors only. */
  private failed = false;
  count = 0;

  constructor(readonly path: string) {}

  add(issue: ImportIssue): void {
    if (this.failed) return;
    const line = `${[issue.file, issue.row, issue.column, issue.reason].map(csvField).join(',')}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    this.count += 1;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  /** Writes what is pending and closes the file; true when it holds every error, at least one. */
  close(): boolean {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    return this.count > 0 && !this.failed;
  }

  remove(): void {
    this.close();
    fs.rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0 || this.failed) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    try {
      if (this.fd === null) {
        this.fd = fs.openSync(this.path, 'w', 0o600);
        fs.writeSync(this.fd, HEADER);
      }
      fs.writeSync(this.fd, text);
    } catch {
      this.failed = true;
      if (this.fd !== null) fs.closeSync(this.fd);
      this.fd = null;
      fs.rmSync(this.path, { force: true });
    }
  }
}
