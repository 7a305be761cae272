import path from 'node:path';
import { cliActor, DemImportError, importDem, type DemImportResult } from '@yawar/db';
import type { Command } from 'commander';
import { CliError, osUser, table, withDatabase, type CliIo } from '../io.js';

/** `yawar import dem <files…>`: added to the `import` command group (created if absent). */
export function registerImportDemCommand(program: Command, io: CliIo): void {
  const importCommand =
    program.commands.find((command) => command.name() === 'import') ??
    program.command('import').description('Import data into the database');
  importCommand
    .command('dem')
    .description(
      'Give populated places and establishments an altitude from a DEM (idempotent, all-or-nothing)',
    )
    .argument(
      '<files...>',
      'SRTM tiles (.hgt, .hgt.gz), single-band EPSG:4326 GeoTIFFs (.tif), or folders of them',
    )
    .option(
      '-d, --department <code>',
      'the department to update (default: every department with places inside the DEM)',
    )
    .addHelpText(
      'after',
      '\nRENAES altitudes are never replaced; places outside the DEM get their district capital’s altitude.\n' +
        'Formats: docs/formats/dem.md. Method: docs/methods/elevation.md.\n\nExamples:\n' +
        '  yawar import dem data/cajamarca/dem\n  yawar import dem S07W079.hgt S07W078.hgt.gz --department 06',
    )
    .action(async (files: string[], options: { department?: string }) => {
      const paths = files.map((file) => path.resolve(io.cwd, file));
      await withDatabase(io, async ({ db }) => {
        try {
          printReport(
            io,
            await importDem(db, paths, { department: options.department }, cliActor(osUser())),
          );
        } catch (error) {
          if (!(error instanceof DemImportError)) throw error;
          for (const issue of error.issues)
            io.err(
              `${path.relative(io.cwd, issue.file) || issue.file}${issue.tile ? ` [${issue.tile}]` : ''}: ${issue.reason}`,
            );
          throw new CliError(
            `Import rejected: ${error.issues.length} problem(s). The database was not changed.`,
          );
        }
      });
    });
}

function printReport(io: CliIo, report: DemImportResult): void {
  io.out(
    `DEM: ${report.files.length} file(s), ${report.files
      .map(
        (f) =>
          `${path.basename(f.file)} (${f.format}${f.gzip ? ', gzip' : ''}, ${f.cols} × ${f.rows})`,
      )
      .join(', ')}.`,
  );
  for (const department of report.departments) {
    const counts = report.counts[department];
    if (!counts) continue;
    const changed = counts.places.updated + counts.establishments.updated > 0;
    io.out(
      `Department ${department}: ${changed ? 'altitudes updated' : 'already up to date, nothing changed'}.`,
    );
    const header = ['', 'dem', 'district capital', 'registry kept', 'none', 'updated'];
    const row = (name: string, c: typeof counts.places) => [
      name,
      c.dem,
      c.district_capital,
      c.registry,
      c.none,
      c.updated,
    ];
    const lines = table([
      header,
      row('populated places', counts.places),
      row('establishments', counts.establishments),
    ]);
    for (const line of lines) io.out(`  ${line}`);
  }
}
