// Elevation figures for `npm run bench`: what the shipped DEM adds to a first start. Reading and
// decompressing data/cajamarca/dem beside a plain read of its bytes and a plain scan of its
// samples (the floors), bilinear sampling at the 6,513 populated places, and the database step
// (first run, and the same DEM again, which writes nothing) on the embedded engine.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCsv, sampleDem } from '@yawar/core';
import {
  CAJAMARCA_DIR,
  connect,
  importDem,
  importReference,
  migrateToLatest,
  readDemFiles,
  systemActor,
} from '@yawar/db';

const DEM_DIR = path.join(CAJAMARCA_DIR, 'dem');
const time = async (run) => {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
};
const row = (measure, ms, note = '') => ({ measure, seconds: (ms / 1000).toFixed(3), note });

export async function benchElevation() {
  const rows = [];
  const files = fs.readdirSync(DEM_DIR).filter((f) => /\.(tif|hgt)(\.gz)?$/i.test(f));
  const bytes = await time(() => files.map((f) => fs.readFileSync(path.join(DEM_DIR, f))));
  const size = bytes.value.reduce((sum, b) => sum + b.length, 0);
  rows.push(row('read the DEM file bytes (floor)', bytes.ms, `${(size / 1e6).toFixed(1)} MB`));
  const read = await time(() => readDemFiles([DEM_DIR]));
  const { dem } = read.value;
  const samples = dem.grids.reduce((sum, g) => sum + g.values.length, 0);
  rows.push(row('read + decompress the DEM (geotiff)', read.ms, `${samples} samples`));
  const scan = await time(() => {
    let max = -Infinity;
    for (const grid of dem.grids)
      for (let k = 0; k < grid.values.length; k++) if (grid.values[k] > max) max = grid.values[k];
    return max;
  });
  rows.push(row('plain scan of every sample (floor)', scan.ms, `max ${scan.value} m`));

  const places = parseCsv(
    fs.readFileSync(path.join(CAJAMARCA_DIR, 'centros_poblados.csv'), 'utf8'),
  ).records.map((r) => [Number(r.values[7]), Number(r.values[8])]);
  const sampling = await time(() => places.map(([lat, lon]) => sampleDem(dem, lat, lon)));
  rows.push(
    row(
      `bilinear sampling at ${places.length} populated places`,
      sampling.ms,
      `${((sampling.ms * 1000) / places.length).toFixed(2)} µs per place`,
    ),
  );

  const connection = connect({ engine: 'pglite', url: null, dataDir: null });
  try {
    await migrateToLatest(connection.db);
    const actor = systemActor('bench');
    await importReference(connection.db, { dir: CAJAMARCA_DIR }, actor);
    // Clear what the reference import's DEM step wrote, to time a first DEM import.
    await connection.db
      .updateTable('populated_place')
      .set({ altitude_m: null, altitude_source: null })
      .execute();
    const first = await time(() =>
      importDem(connection.db, [DEM_DIR], { department: '06' }, actor),
    );
    rows.push(
      row(
        'yawar import dem data/cajamarca/dem, first run (pglite)',
        first.ms,
        'read + sample + write',
      ),
    );
    const again = await time(() =>
      importDem(connection.db, [DEM_DIR], { department: '06' }, actor),
    );
    rows.push(
      row(
        'the same DEM again (pglite)',
        again.ms,
        again.value.unchanged ? 'nothing written' : 'WROTE ROWS (not idempotent)',
      ),
    );
  } finally {
    await connection.close();
  }
  return rows;
}
