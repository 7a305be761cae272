import path from 'node:path';
import {
  aggregateStockStatus,
  DEFAULT_STOCK_RULE_SET,
  formatIssue,
  isMonth,
  STOCK_AREA_LEVELS,
  STOCK_RULE_SETS,
  stockRuleSet,
  stockStatusTable,
  toCsv,
  totalStockStatus,
  type StockAreaLevel,
} from '@yawar/core';
import {
  cliActor,
  importSupplyHistory,
  readCsvFile,
  readSpreadsheetFile,
  SourceFileError,
  stockStatus,
  SupplyHistoryImportError,
} from '@yawar/db';
import type { Command } from 'commander';
import { CliError, errorCsv, osUser, reportImportErrors, withDatabase, type CliIo } from '../io.js';

export function registerSupplyCommands(program: Command, io: CliIo): void {
  const supply = program
    .command('supply')
    .description('Strategic-resource supply: consumption and stock history, stock status');
  registerSupplyImport(supply, io);
  registerSupplyStatus(supply, io);
}

function registerSupplyImport(supply: Command, io: CliIo): void {
  supply
    .command('import')
    .description(
      'Import monthly consumption and stock history (CSV or XLSX, layout of docs/formats/supply-history.md): all rows or none',
    )
    .argument('<file>', 'CSV or XLSX file')
    .option('--errors <file>', 'write every error to this CSV file (file,row,column,reason)')
    .action(async (file: string, options: { errors?: string }) => {
      const source = await readSource(path.resolve(io.cwd, file));
      await withDatabase(io, async ({ db }) => {
        const errorFile = errorCsv(io, options.errors);
        try {
          const report = await importSupplyHistory(db, source, {
            actor: cliActor(osUser()),
            onProgress: progressBar(io),
            ...(errorFile ? { issues: errorFile.issues } : {}),
          });
          for (const warning of report.warnings) io.err(`warning: ${formatIssue(warning)}`);
          io.out(
            `Imported ${report.rows} rows as batch ${report.batchId} (${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged): ${report.establishments} establishments, ${report.warehouses} warehouses, ${report.products} products, ${report.from} to ${report.to}.`,
          );
        } catch (error) {
          if (!(error instanceof SupplyHistoryImportError)) throw error;
          reportImportErrors(io, error.errors, options.errors, errorFile);
          throw new CliError(
            `Import rejected: ${error.summary.total} error(s). The database was not changed.`,
          );
        }
      });
    });
}

function registerSupplyStatus(supply: Command, io: CliIo): void {
  supply
    .command('status')
    .description(
      'Availability and DIGEMID stock classes by area as of a month (docs/methods/stock-status.md)',
    )
    .option('--month <YYYY-MM>', 'month evaluated (default: the latest with data)')
    .option('--level <level>', STOCK_AREA_LEVELS.join(', '), 'network')
    .option('--department <code>', 'department ubigeo', '06')
    .option(
      '--rule-set <id>',
      STOCK_RULE_SETS.map((r) => r.id).join(', '),
      DEFAULT_STOCK_RULE_SET.id,
    )
    .option('--format <format>', 'csv or json', 'csv')
    .addHelpText(
      'after',
      "\nOne row per area, then (CSV) the department as a whole on the last line. An area's availability\nis the mean of its establishments' availability, (normostock + sobrestock) ÷ products evaluated.",
    )
    .action(
      async (options: {
        month?: string;
        level: string;
        department: string;
        ruleSet: string;
        format: string;
      }) => {
        const ruleSet = stockRuleSet(options.ruleSet);
        if (!ruleSet)
          throw new CliError(
            `--rule-set must be one of ${STOCK_RULE_SETS.map((r) => r.id).join(', ')}`,
          );
        if (!(STOCK_AREA_LEVELS as readonly string[]).includes(options.level))
          throw new CliError(`--level must be one of ${STOCK_AREA_LEVELS.join(', ')}`);
        if (options.month !== undefined && !isMonth(options.month))
          throw new CliError('--month must be a month, YYYY-MM');
        if (options.format !== 'csv' && options.format !== 'json')
          throw new CliError('--format must be csv or json');
        await withDatabase(io, async ({ db }) => {
          const result = await stockStatus(db, {
            department: options.department,
            month: options.month ?? null,
            ruleSet,
          });
          if (!result.month)
            throw new CliError(`No supply history for department ${options.department}.`);
          const items = aggregateStockStatus(
            result.establishments,
            options.level as StockAreaLevel,
          );
          const total = totalStockStatus(options.department, 'total', result.establishments);
          if (options.format === 'json') {
            io.out(
              JSON.stringify(
                {
                  department: options.department,
                  month: result.month,
                  ruleSet: ruleSet.id,
                  level: options.level,
                  total,
                  items,
                },
                null,
                2,
              ),
            );
          } else {
            const table = stockStatusTable([...items, total]);
            io.out(toCsv(table.header, table.rows).trimEnd());
          }
          io.err(`Stock status as of ${result.month} under ${ruleSet.id} (${ruleSet.source}).`);
          if (total.simulated)
            io.err('Note: these figures come from SIMULATED demo history, not real SISMED data.');
        });
      },
    );
}

/** Ten steps of a text bar on standard error while rows are written. */
function progressBar(io: CliIo): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth <= shown) return;
    shown = tenth;
    io.err(
      `  writing ${'█'.repeat(tenth)}${'░'.repeat(10 - tenth)} ${Math.round((done / total) * 100)} % (${done} / ${total})`,
    );
  };
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
