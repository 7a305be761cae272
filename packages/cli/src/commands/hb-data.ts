import path from 'node:path';
import { HB_RULE_SETS, hbRuleSet, toCsv, wilsonInterval } from '@yawar/core';
import {
  cliActor,
  createPseudonymiser,
  importScreeningFile,
  loadPseudonymKey,
  prevalenceCounts,
  readCsvFile,
  readSpreadsheetFile,
  ScreeningImportError,
  securityConfigFromEnv,
  SourceFileError,
  type AreaLevel,
  type PeriodLevel,
} from '@yawar/db';
import type { Command } from 'commander';
import { CliError, osUser, reportImportErrors, withDatabase, type CliIo } from '../io.js';

export function registerHbImport(hb: Command, io: CliIo): void {
  hb.command('import')
    .description(
      'Import screening records (CSV or XLSX, layout of docs/formats/screening-records.md): all rows or none',
    )
    .argument('<file>', 'CSV or XLSX file')
    .option('--errors <file>', 'write every error to this CSV file (file,row,column,reason)')
    .action(async (file: string, options: { errors?: string }) => {
      const source = await readSource(path.resolve(io.cwd, file));
      const security = securityConfigFromEnv(io.env, io.cwd);
      const pseudonymise = createPseudonymiser(loadPseudonymKey(security.secretDir, io.env));
      await withDatabase(io, async ({ db }) => {
        let shown = -1;
        const onProgress = (done: number, total: number) => {
          const tenth = Math.floor((done / total) * 10);
          if (tenth > shown) {
            shown = tenth;
            io.err(
              `  writing ${'█'.repeat(tenth)}${'░'.repeat(10 - tenth)} ${Math.round((done / total) * 100)} % (${done} / ${total})`,
            );
          }
        };
        try {
          const report = await importScreeningFile(db, source, {
            pseudonymise,
            actor: cliActor(osUser()),
            onProgress,
          });
          io.out(
            `Imported ${report.screenings} tests of ${report.newChildren + report.knownChildren} children (${report.newChildren} new) as batch ${report.batchId}.`,
          );
        } catch (error) {
          if (!(error instanceof ScreeningImportError)) throw error;
          reportImportErrors(io, error.errors, options.errors);
          throw new CliError(
            `Import rejected: ${error.errors.length} error(s). The database was not changed.`,
          );
        }
      });
    });
}

export function registerHbPrevalence(hb: Command, io: CliIo): void {
  hb.command('prevalence')
    .description(
      'Anemia prevalence with 95 % Wilson intervals, by area and period, under a rule set',
    )
    .option(
      '--by <area>',
      'department, province, district, network, microred or establishment',
      'district',
    )
    .option('--period <period>', 'all, year, quarter or month', 'all')
    .option('--rule <id>', HB_RULE_SETS.map((r) => r.id).join(', '), 'nts-213-2024')
    .option('--department <code>', 'department ubigeo', '06')
    .option('--format <format>', 'csv or json', 'csv')
    .action(
      async (options: {
        by: string;
        period: string;
        rule: string;
        department: string;
        format: string;
      }) => {
        const rule = hbRuleSet(options.rule);
        if (!rule)
          throw new CliError(`--rule must be one of ${HB_RULE_SETS.map((r) => r.id).join(', ')}`);
        if (
          !['department', 'province', 'district', 'network', 'microred', 'establishment'].includes(
            options.by,
          )
        )
          throw new CliError(
            '--by must be department, province, district, network, microred or establishment',
          );
        if (!['all', 'year', 'quarter', 'month'].includes(options.period))
          throw new CliError('--period must be all, year, quarter or month');
        if (options.format !== 'csv' && options.format !== 'json')
          throw new CliError('--format must be csv or json');
        await withDatabase(io, async ({ db }) => {
          const rows = await prevalenceCounts(db, rule, {
            department: options.department,
            area: options.by as AreaLevel,
            period: options.period as PeriodLevel,
          });
          const items = rows.map((r) => {
            const cases = r.mild + r.moderate + r.severe;
            const interval = r.n > 0 ? wilsonInterval(cases, r.n) : null;
            return {
              area_code: r.areaCode,
              area: r.areaName,
              period: r.period,
              n: r.n,
              cases,
              prevalence: interval?.estimate ?? null,
              ci95_lower: interval?.lower ?? null,
              ci95_upper: interval?.upper ?? null,
              simulated: r.simulated,
              rule: rule.id,
              network: r.network,
              microred: r.microred,
            };
          });
          if (options.format === 'json') io.out(JSON.stringify(items, null, 2));
          else {
            const header = Object.keys(
              items[0] ?? {
                area_code: 0,
                area: 0,
                period: 0,
                n: 0,
                cases: 0,
                prevalence: 0,
                ci95_lower: 0,
                ci95_upper: 0,
                simulated: 0,
                rule: 0,
                network: 0,
                microred: 0,
              },
            );
            io.out(
              toCsv(
                header,
                items.map((i) =>
                  Object.values(i).map((v) =>
                    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : v,
                  ),
                ),
              ).trimEnd(),
            );
          }
          if (rows.some((r) => r.simulated > 0))
            io.err('Note: these figures include SIMULATED demo records, not real children.');
        });
      },
    );
}

/** CSV or XLSX (first sheet), by the file's extension. */
async function readSource(file: string) {
  try {
    return /\.xlsx$/i.test(file) ? await readSpreadsheetFile(file) : readCsvFile(file);
  } catch (error) {
    if (error instanceof SourceFileError) throw new CliError(error.message);
    throw error;
  }
}
