import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueLog, reasonKind, type ImportIssue } from './issues.js';

describe('IssueLog with a cap', () => {
  it('keeps the first N errors, counts every one by column and kind of reason, and hands all to onError', () => {
    const seen: ImportIssue[] = [];
    const log = new IssueLog({ keep: 3, onError: (issue) => seen.push(issue) });
    for (let row = 2; row < 12; row++) log.error('f.csv', row, 'fecha', `"x${row}" is not a date`);
    log.error('f.csv', 12, null, 'already imported (batch 4)');
    expect(log.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(log.errorCount).toBe(11);
    expect(seen).toHaveLength(11);
    expect(log.summary()).toEqual({
      total: 11,
      kept: 3,
      byReason: [
        { column: 'fecha', reason: '"…" is not a date', example: '"x2" is not a date', count: 10 },
        {
          column: null,
          reason: 'already imported (batch #)',
          example: 'already imported (batch 4)',
          count: 1,
        },
      ],
    });
  });

  it('holds a bounded number of reason kinds whatever the file writes, and the counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', null), fc.string()), { maxLength: 600 }),
        (issues) => {
          const log = new IssueLog({ keep: 5 });
          for (const [column, reason] of issues) log.error('f', 2, column, reason);
          const summary = log.summary();
          expect(log.errors.length).toBe(Math.min(5, issues.length));
          expect(summary.byReason.length).toBeLessThanOrEqual(203);
          expect(summary.byReason.reduce((n, c) => n + c.count, 0)).toBe(issues.length);
        },
      ),
    );
  });

  it('tells kinds of reason apart by their words, not by the values quoted in them', () => {
    expect(reasonKind('00004612 is outside your scope')).toBe('# is outside your scope');
    expect(reasonKind('"abc" is not a number')).toBe(reasonKind('"12,5" is not a number'));
  });
});
