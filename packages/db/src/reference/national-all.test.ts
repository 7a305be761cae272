import { buildReferenceDataset, formatIssue } from '@yawar/core';
import { describe, expect, it } from 'vitest';
import { PERU_DIR } from '../paths.js';
import { testEngine } from '../testing/test-database.js';
import { buildDepartmentFromNational } from './national.js';

const DEPARTMENTS = Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0'));

// No database is involved: it runs once, on the PGlite pass.
describe.skipIf(testEngine() !== 'pglite')('every department from the national files', () => {
  it('builds all 25 departments without errors, each with its RENAES network', () => {
    const failures: string[] = [];
    const summary: Record<string, { renaes: number; units: number }> = {};
    for (const code of DEPARTMENTS) {
      const build = buildReferenceDataset(buildDepartmentFromNational(PERU_DIR, code));
      if (!build.ok) {
        failures.push(`${code}: ${build.errors.slice(0, 3).map(formatIssue).join('; ')}`);
        continue;
      }
      const { establishments, executingUnits } = build.dataset;
      summary[code] = {
        renaes: establishments.filter((e) => e.inRenaes).length,
        units: executingUnits.length,
      };
      if (code === '16') {
        // Loreto: MINSA's export repeats code 36; the first row is used and the repeat reported.
        expect(build.warnings.map((w) => w.reason)).toContain(
          '00000036 appears more than once; the row on line 993 is used',
        );
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys(summary)).toHaveLength(25);
    for (const code of DEPARTMENTS) {
      expect(summary[code]?.renaes).toBeGreaterThan(0);
      expect(summary[code]?.units).toBeGreaterThan(0);
    }
    expect(summary['06']).toEqual({ renaes: 845, units: 10 });
  }, 180_000);
});
