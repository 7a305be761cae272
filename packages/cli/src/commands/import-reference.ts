import fs from 'node:fs';
import path from 'node:path';
import { formatIssue } from '@yawar/core';
import {
  cliActor,
  importReference,
  PERU_DIR,
  ReferenceImportError,
  type ReferenceImportResult,
  type ReferenceOrigin,
} from '@yawar/db';
import type { Command } from 'commander';
import { CliError, osUser, reportImportErrors, table, withDatabase, type CliIo } from '../io.js';

export function registerImportCommands(program: Command, io: CliIo): void {
  const importCommand = program.command('import').description('Import data into the database');
  importCommand
    .command('reference')
    .description("Load a department's territory and health network (idempotent, all-or-nothing)")
    .argument('[dir]', 'a department folder in the layout of data/cajamarca')
    .option(
      '-d, --department <code>',
      'build the department from the national files in data/peru instead (e.g. 06)',
    )
    .option('--peru-dir <dir>', 'folder of the national files', PERU_DIR)
    .option('--errors <file>', 'write every error to this CSV file (file,row,column,reason)')
    .addHelpText(
      'after',
      '\nExamples:\n  yawar import reference data/cajamarca\n  yawar import reference --department 02',
    )
    .action(
      async (
        dir: string | undefined,
        options: { department?: string; peruDir: string; errors?: string },
      ) => {
        const origin = referenceOrigin(io, dir, options);
        await withDatabase(io, async ({ db }) => {
          try {
            printReport(io, await importReference(db, origin, cliActor(osUser())));
          } catch (error) {
            if (!(error instanceof ReferenceImportError)) throw error;
            reportImportErrors(io, error.errors, options.errors);
            throw new CliError(
              `Import rejected: ${error.errors.length} error(s). The database was not changed.`,
            );
          }
        });
      },
    );
}

function referenceOrigin(
  io: CliIo,
  dir: string | undefined,
  options: { department?: string; peruDir: string },
): ReferenceOrigin {
  if (dir && options.department)
    throw new CliError('Give either a folder or --department, not both.');
  if (options.department)
    return { peruDir: path.resolve(io.cwd, options.peruDir), department: options.department };
  if (!dir)
    throw new CliError(
      'Name a department folder (e.g. data/cajamarca) or use --department <code>.',
    );
  const folder = path.resolve(io.cwd, dir);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new CliError(`${dir} is not a folder.`);
  return { dir: folder };
}

function printReport(io: CliIo, report: ReferenceImportResult): void {
  io.out(
    `Department ${report.department}: ${report.unchanged ? 'already up to date, nothing changed' : 'imported'}.`,
  );
  const rows = Object.entries(report.counts).map(([entity, c]) => [
    entity,
    c.inserted,
    c.updated,
    c.unchanged,
    c.retired ?? 0,
  ]);
  for (const line of table([['table', 'inserted', 'updated', 'unchanged', 'retired'], ...rows]))
    io.out(`  ${line}`);
  const t = report.totals;
  io.out(
    `Totals: ${t['districts']} districts, ${t['establishments']} establishments (${t['establishmentsWithCoordinates']} with coordinates, ` +
      `${t['establishmentsOutsideDistrict']} outside their declared district), ${t['populatedPlaces']} populated places.`,
  );
  if (t['establishmentsInRenaes'])
    io.out(
      `RENAES: ${t['establishmentsInRenaes']} establishments listed, ${t['establishmentsWithMicrored']} with a microred, ` +
        `${t['establishmentsWithExecutingUnit']} with an executing unit, ${t['establishmentsWithAltitude']} with an altitude (COTA), ` +
        `${t['executingUnits']} executing units; ${t['establishmentsWithDiscrepancies']} establishments where the registries disagree (both values kept).`,
    );
  const dem = report.dem?.counts[report.department];
  if (dem)
    io.out(
      `Altitudes from the folder's DEM (dem/): ${dem.places.dem} populated places and ${dem.establishments.dem} establishments from the DEM, ` +
        `${dem.places.district_capital + dem.establishments.district_capital} from the district capital, ${dem.establishments.registry} RENAES altitudes kept; ` +
        `${dem.places.updated + dem.establishments.updated} rows written.`,
    );
  if (report.warnings.length > 0) {
    io.out(`${report.warnings.length} warning(s), kept and flagged:`);
    for (const warning of report.warnings.slice(0, 10)) io.out(`  ${formatIssue(warning)}`);
    if (report.warnings.length > 10) io.out(`  … and ${report.warnings.length - 10} more`);
  }
}
