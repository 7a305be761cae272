import path from 'node:path';
import {
  HB_RULE_SETS,
  hbRuleSet,
  permittedAgeWindows,
  protectedCountCell,
  toCsv,
  windowKey,
  YAWAR_2026_N20_C5,
  YAWAR_2026_NTS213_BANDS,
} from '@yawar/core';
import {
  cliActor,
  createPseudonymiser,
  importScreeningFile,
  loadPseudonymKey,
  protectedPrevalenceCounts,
  readCsvFile,
  readSpreadsheetFile,
  ScreeningImportError,
  securityConfigFromEnv,
  SourceFileError,
  type AreaLevel,
  type PeriodLevel,
} from '@yawar/db';
import type { Command } from 'commander';
import { CliError, errorCsv, osUser, reportImportErrors, withDatabase, type CliIo } from '../io.js';

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
        const errorFile = errorCsv(io, options.errors);
        try {
          const report = await importScreeningFile(db, source, {
            pseudonymise,
            actor: cliActor(osUser()),
            onProgress,
            ...(errorFile ? { issues: errorFile.issues } : {}),
          });
          io.out(
            `Imported ${report.screenings} tests of ${report.newChildren + report.knownChildren} children (${report.newChildren} new) as batch ${report.batchId}.`,
          );
        } catch (error) {
          if (!(error instanceof ScreeningImportError)) throw error;
          reportImportErrors(io, error.errors, options.errors, errorFile);
          throw new CliError(
            `Import rejected: ${error.summary.total} error(s). The database was not changed.`,
          );
        }
      });
    });
}

/**
 * The CLI prints what the API publishes, through the same suppression (primary rule and
 * complementary cells of the fixed age bands: docs/methods/prevalence.md §4): a file printed here
 * may be shared as freely as the web page's.
 */
const SUPPRESSION = YAWAR_2026_N20_C5;
const QUERY_POLICY = YAWAR_2026_NTS213_BANDS;
const AGE_WINDOWS = permittedAgeWindows(QUERY_POLICY).map(windowKey);

export function registerHbPrevalence(hb: Command, io: CliIo): void {
  hb.command('prevalence')
    .description(
      'Anemia prevalence with 95 % Wilson intervals, by area and period, under a rule set; small cells suppressed as in the API',
    )
    .option(
      '--by <area>',
      'department, province, district, network, microred or establishment',
      'district',
    )
    .option('--period <period>', 'all, year, quarter or month', 'all')
    .option('--ages <band>', `age band in months: ${AGE_WINDOWS.join(', ')}`, '6-59')
    .option('--rule <id>', HB_RULE_SETS.map((r) => r.id).join(', '), 'nts-213-2024')
    .option('--department <code>', 'department ubigeo', '06')
    .option('--format <format>', 'csv or json', 'csv')
    .action(
      async (options: {
        by: string;
        period: string;
        ages: string;
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
        const window = permittedAgeWindows(QUERY_POLICY).find((w) => windowKey(w) === options.ages);
        if (!window) throw new CliError(`--ages must be one of ${AGE_WINDOWS.join(', ')}`);
        if (options.format !== 'csv' && options.format !== 'json')
          throw new CliError('--format must be csv or json');
        await withDatabase(io, async ({ db }) => {
          const rows = await protectedPrevalenceCounts(
            db,
            rule,
            {
              department: options.department,
              area: options.by as AreaLevel,
              period: options.period as PeriodLevel,
              ageFromMonths: window.from,
              ageToMonths: window.to,
            },
            QUERY_POLICY,
            SUPPRESSION,
          );
          const items = rows.map(({ row: r, protection }) => {
            const cell = protectedCountCell({
              cases: r.mild + r.moderate + r.severe,
              n: r.n,
              source: `screening records, rule ${rule.id}`,
              rule: SUPPRESSION,
              protection,
            });
            return {
              area_code: r.areaCode,
              area: r.areaName,
              period: r.period,
              ages: options.ages,
              n: r.n,
              cases: cell.cases,
              prevalence: cell.estimate,
              ci95_lower: cell.lower,
              ci95_upper: cell.upper,
              suppressed: cell.suppressed,
              suppression_reason: cell.suppressionReason,
              simulated: r.simulated,
              rule: rule.id,
              suppression_rule: SUPPRESSION.id,
              network: r.network,
              microred: r.microred,
            };
          });
          if (options.format === 'json') io.out(JSON.stringify(items, null, 2));
          else {
            const header = [
              'area_code',
              'area',
              'period',
              'ages',
              'n',
              'cases',
              'prevalence',
              'ci95_lower',
              'ci95_upper',
              'suppressed',
              'suppression_reason',
              'simulated',
              'rule',
              'suppression_rule',
              'network',
              'microred',
            ];
            io.out(
              toCsv(
                header,
                items.map((i) =>
                  Object.values(i).map((v) =>
                    typeof v === 'boolean'
                      ? v
                        ? 'yes'
                        : 'no'
                      : typeof v === 'number' && !Number.isInteger(v)
                        ? v.toFixed(4)
                        : v,
                  ),
                ),
              ).trimEnd(),
            );
          }
          if (rows.some(({ row }) => row.simulated > 0))
            io.err('Note: these figures include SIMULATED demo records, not real children.');
          if (items.some((i) => i.suppressed))
            io.err(
              `Note: cells with fewer than ${SUPPRESSION.minDenominator} children or 1–${(SUPPRESSION.minCases ?? 1) - 1} cases, and cells that would give them back by subtraction, are suppressed (rule ${SUPPRESSION.id}).`,
            );
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
