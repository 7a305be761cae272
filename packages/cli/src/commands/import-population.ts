import path from 'node:path';
import {
  cliActor,
  importPopulation,
  PopulationImportError,
  type PopulationImportResult,
} from '@yawar/db';
import type { Command } from 'commander';
import { CliError, osUser, reportImportErrors, withDatabase, type CliIo } from '../io.js';

/** `yawar import population <file>`: added to the `import` command group (created if absent). */
export function registerImportPopulationCommand(program: Command, io: CliIo): void {
  const importCommand =
    program.commands.find((command) => command.name() === 'import') ??
    program.command('import').description('Import data into the database');
  importCommand
    .command('population')
    .description(
      'Load a district population table by single age (INEI Census 2017, Tomo I, Cuadro N.° 1) and use it for the children 6–35 months (idempotent, all-or-nothing)',
    )
    .argument('<file>', 'a CSV or XLSX file in the layout of docs/formats/population-single-age.md')
    .option('--errors <file>', 'write every error to this CSV file (file,row,column,reason)')
    .addHelpText(
      'after',
      '\nImport the department first (yawar import reference); districts not in the table keep the fallback estimate.\n' +
        'Format: docs/formats/population-single-age.md. Method: docs/methods/children-6-35-months.md.\n\n' +
        'Example:\n  yawar import population poblacion_edades_simples_cajamarca.csv',
    )
    .action(async (file: string, options: { errors?: string }) => {
      const resolved = path.resolve(io.cwd, file);
      await withDatabase(io, async ({ db }) => {
        try {
          printReport(io, await importPopulation(db, resolved, cliActor(osUser())));
        } catch (error) {
          if (!(error instanceof PopulationImportError)) throw error;
          reportImportErrors(
            io,
            error.issues.map((issue) => ({
              ...issue,
              file: path.relative(io.cwd, issue.file) || issue.file,
            })),
            options.errors,
          );
          throw new CliError(
            `Import rejected: ${error.issues.length} error(s). The database was not changed.`,
          );
        }
      });
    });
}

function printReport(io: CliIo, report: PopulationImportResult): void {
  const changed = report.inserted + report.updated + report.estimatesChanged > 0;
  io.out(
    `Population ${report.file}: ${report.districts} district(s), ${changed ? 'imported' : 'already up to date, nothing changed'}.`,
  );
  io.out(
    `  districts: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged; ${report.estimatesChanged} children 6–35 months estimate(s) changed.`,
  );
  io.out(
    `  Children 6–35 months (half of age 0 + ages 1 and 2): ${report.children6to35.toLocaleString('en-US')}.`,
  );
  for (const s of report.sources) io.out(`  Source: ${s.source} (${s.year})`);
}
