import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthRange, parseCsv, recordToObject } from '@yawar/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-programming-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function yawar(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: {}, cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await runCli(args, io), out: out.join('\n'), err: err.join('\n') };
}

const HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento,perdidas,en_transito,tasa_reporte';

/**
 * Unit 785, P1: establishment A 60 a month, B 40 a month except June (no row), stock in December
 * 150 + 100, 50 in transit at A. Unit 786, P2: one establishment, 10 a month, December stock unknown.
 */
function history(): string {
  const rows = [HEADER];
  for (const month of monthRange('2026-01', 12)) {
    const december = month === '2026-12';
    rows.push(`785,1234,P1,${month},60,${december ? 150 : 80},0,0,${december ? 50 : 0},`);
    if (month !== '2026-06') rows.push(`0785,00005678,p1,${month},40,${december ? 100 : 70},0,,,`);
    rows.push(`786,4321,P2,${month}-01,10,${december ? '' : 5},0,0,0,1`);
  }
  return rows.join('\n');
}

const PARAMS = {
  parameters: { safetyStockMonths: 3 },
  products: { P1: { packSize: 100, unitPrice: 0.5 }, p2: { packSize: 10 } },
  methods: { P2: 'holt_winters' },
  horizonStart: '2027-01',
};

function write(name: string, content: string | object) {
  fs.writeFileSync(
    path.join(dir, name),
    typeof content === 'string' ? content : JSON.stringify(content),
  );
}

describe('yawar programming compute', () => {
  it('adds establishments per unit and product and computes each line (CSV)', async () => {
    write('history.csv', history());
    write('params.json', PARAMS);
    const { code, out, err } = await yawar(
      'programming',
      'compute',
      'history.csv',
      '--params',
      'params.json',
    );
    expect(err).toContain('2 lines from 35 rows; horizon 2027-01 + 12 months');
    expect(code).toBe(0);
    const table = parseCsv(out);
    expect(table.header).toEqual([
      'unidad_ejecutora',
      'producto',
      'metodo',
      'cpma',
      'demanda',
      'stock_seguridad',
      'stock_disponible',
      'en_transito',
      'necesidad_neta',
      'envases',
      'cantidad',
      'costo',
      'advertencias',
    ]);
    const [p1, p2] = table.records.map((r) => recordToObject(table.header, r));
    // P1: CPMA (11 × 100 + 60) ÷ 12 = 96.67; demand 1 160; safety 290; net 1 160 + 290 − 250 − 50
    expect(p1).toEqual({
      unidad_ejecutora: '785',
      producto: 'P1',
      metodo: 'cpma',
      cpma: '96.67',
      demanda: '1160',
      stock_seguridad: '290',
      stock_disponible: '250',
      en_transito: '50',
      necesidad_neta: '1150',
      envases: '12',
      cantidad: '1200',
      costo: '600',
      advertencias: '',
    });
    // P2: CPMA 10 → 120 + 30 − 0 = 150 → 15 packs of 10; no price, no cost
    expect(p2).toMatchObject({
      unidad_ejecutora: '786',
      producto: 'P2',
      metodo: 'cpma',
      necesidad_neta: '150',
      envases: '15',
      cantidad: '150',
      costo: '',
      advertencias:
        'holt_winters needs 24 months of history, has 12; fell back to cpma | stock at the end of 2026-12 not reported; taken as 0',
    });
  });

  it('writes the full lines, formula steps included, as JSON', async () => {
    write('history.csv', history());
    write('params.json', { ...PARAMS, horizonStart: undefined });
    const { code } = await yawar(
      'programming',
      'compute',
      'history.csv',
      '--params',
      'params.json',
      '--format',
      'json',
      '-o',
      'out.json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(json.horizonStart).toBe('2027-01'); // the month after the history
    expect(json.parameters.horizonMonths).toBe(12);
    const p1 = json.lines[0];
    expect(p1).toMatchObject({ executingUnit: '785', product: 'P1', sites: 2 });
    expect(p1.result.adjustedHistory[5]).toEqual({ month: '2026-06', value: 120 }); // 60 ÷ ½ reporting
    const cpma = p1.result.steps.find((s: { key: string }) => s.key === 'cpma');
    expect(cpma).toMatchObject({ substituted: '1 160 ÷ 12' });
  });

  it('reports every bad row as file:row [column] reason and computes nothing', async () => {
    write(
      'bad.csv',
      [
        HEADER,
        'abc,1234,P1,2026-01,10,5,0,,,',
        '785,1234,P1,2026-13,10,5,0,,,',
        '785,1234,P1,2026-04,-3,5,31,,,',
        '785,1234,P9,2026-05,10,5,0,,,',
        '785,1234,P1,2026-06,10,5,0,,,0',
        '785,1234,P1,2026-06,10,5,0,,,',
        '785,1234,P1,2026-07,10,5',
      ].join('\n'),
    );
    write('params.json', PARAMS);
    const { code, out, err } = await yawar(
      'programming',
      'compute',
      'bad.csv',
      '--params',
      'params.json',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      'bad.csv:2 [unidad_ejecutora] "abc" is not a SIAF executing-unit code',
      'bad.csv:3 [mes] "2026-13" is not a month (YYYY-MM)',
      'bad.csv:4 [consumo] -3 is outside 0…1000000000',
      'bad.csv:4 [dias_desabastecimiento] 31 is outside 0…30',
      `bad.csv:5 [producto] "P9" has no packSize/unitPrice in the params file's products`,
      'bad.csv:6 [tasa_reporte] 0 is not above 0 (a site that did not report has no row)',
      'bad.csv:8 has 6 cells, the header has 10',
      '7 error(s) in the input; nothing was computed.',
    ]);
  });

  it('reports duplicates, missing columns and bad parameters', async () => {
    write(
      'dup.csv',
      [HEADER, '785,1234,P1,2026-01,1,1,0,,,', '785,01234,P1,2026-01-01,1,1,0,,,'].join('\n'),
    );
    write('params.json', PARAMS);
    expect(
      (await yawar('programming', 'compute', 'dup.csv', '--params', 'params.json')).err,
    ).toContain(
      'dup.csv:3 duplicate of row 2: same executing unit, establishment, product and month',
    );
    write('cols.csv', 'unidad_ejecutora,producto,mes\n785,P1,2026-01\n');
    expect(
      (await yawar('programming', 'compute', 'cols.csv', '--params', 'params.json')).err,
    ).toContain('cols.csv:1 [consumo] required column is missing');
    write('history.csv', history());
    write('bad-params.json', {
      parameters: { horizonMonths: 0, safetyMonths: 3 },
      products: { P1: { packSize: 0 } },
      methods: { P2: 'magic' },
      horizonStart: '2027-1',
    });
    const { code, err } = await yawar(
      'programming',
      'compute',
      'history.csv',
      '--params',
      'bad-params.json',
    );
    expect(code).toBe(1);
    expect(err).toContain('bad-params.json [parameters.safetyMonths] unknown parameter');
    expect(err).toContain(
      'bad-params.json [parameters.horizonMonths] must be a whole number from 1 to 120, got 0',
    );
    expect(err).toContain('bad-params.json [products.P1.packSize] must be a whole number ≥ 1');
    expect(err).toContain('bad-params.json [methods.P2] must be cpma, moving_average');
    expect(err).toContain('bad-params.json [horizonStart] must be a month YYYY-MM');
  });

  it('explains a missing file, bad JSON and an unknown format', async () => {
    expect(
      (await yawar('programming', 'compute', 'none.csv', '--params', 'params.json')).err,
    ).toContain('none.csv does not exist');
    write('broken.json', '{"products": ');
    expect(
      (await yawar('programming', 'compute', 'history.csv', '--params', 'broken.json')).err,
    ).toContain('broken.json is not valid JSON');
    expect(
      (
        await yawar(
          'programming',
          'compute',
          'history.csv',
          '--params',
          'params.json',
          '--format',
          'xlsx',
        )
      ).err,
    ).toContain('--format must be csv or json');
  });
});
