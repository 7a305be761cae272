import fs from 'node:fs';
import path from 'node:path';
import { parseCsv, recordToObject } from '@yawar/core';
import { describe, expect, it } from 'vitest';
import { cliOnTestDatabase } from '../testing/cli-on-test-database.js';

const { dir, yawar } = cliOnTestDatabase('yawar-supply-cli-');

const HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento';
/** LLANGUAT and CHUMUCH: unit 785, network CELENDIN. */
const rows = (december: number) =>
  Array.from({ length: 12 }, (_, i) => {
    const month = `2025-${String(i + 1).padStart(2, '0')}`;
    return [
      `785,4467,FE-SF-GOT-30,${month},30,${i === 11 ? december : 90},0`,
      `785,4479,FE-SF-GOT-30,${month},10,${i === 11 ? 0 : 30},${i === 11 ? 3 : 0}`,
    ];
  }).flat();

describe('yawar supply', () => {
  it('refuses a file with a bad row, naming row and column, and changes nothing', async () => {
    fs.writeFileSync(
      path.join(dir, 'malo.csv'),
      [
        HEADER,
        ...rows(59),
        '785,4467,FE-SF-GOT-30,2025-02,30,90,0',
        '785,4479,FE-SF-GOT-30,2023-02,30,90,29',
      ].join('\n'),
    );
    const { code, err } = await yawar('supply', 'import', 'malo.csv', '--errors', 'errores.csv');
    expect(code).toBe(1);
    expect(err).toContain('malo.csv:26 duplicate of row 4');
    expect(err).toContain('malo.csv:27 [dias_desabastecimiento] 29 is outside 0…28');
    expect(err).toContain('Import rejected: 2 error(s). The database was not changed.');
    expect(fs.readFileSync(path.join(dir, 'errores.csv'), 'utf8')).toContain(
      'file,row,column,reason',
    );
    const status = await yawar('supply', 'status');
    expect(status.code).toBe(1);
    expect(status.err).toContain('No supply history for department 06.');
  });

  it('writes every error to --errors though the import keeps only the first 1,000 in memory', async () => {
    const bad = Array.from({ length: 1500 }, () => '785,4467,FE-SF-GOT-30,mes,30,90,0');
    fs.writeFileSync(path.join(dir, 'muchos.csv'), [HEADER, ...bad].join('\n'));
    const { code, err } = await yawar('supply', 'import', 'muchos.csv', '--errors', 'todos.csv');
    expect(code).toBe(1);
    expect(err).toContain('… and 1470 more');
    expect(err).toContain('Import rejected: 1500 error(s).');
    const written = parseCsv(fs.readFileSync(path.join(dir, 'todos.csv'), 'utf8'));
    expect(written.header).toEqual(['file', 'row', 'column', 'reason']);
    expect(written.records).toHaveLength(1500);
    expect(written.records.at(-1)?.values.slice(1, 3)).toEqual(['1501', 'mes']);
  });

  it('imports a good file, and again without changes', async () => {
    fs.writeFileSync(path.join(dir, 'historial.csv'), [HEADER, ...rows(59)].join('\n'));
    const first = await yawar('supply', 'import', 'historial.csv');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Imported 24 rows as batch');
    expect(first.out).toContain('(24 new, 0 changed, 0 unchanged): 2 establishments, 0 warehouses');
    const second = await yawar('supply', 'import', 'historial.csv');
    expect(second.out).toContain('(0 new, 0 changed, 24 unchanged)');
  });

  it('prints the stock status by area as CSV or JSON, under a rule set', async () => {
    const { code, out, err } = await yawar('supply', 'status', '--level', 'establishment');
    expect(code).toBe(0);
    const table = parseCsv(out);
    const byArea = new Map(
      table.records.map((r) => {
        const row = recordToObject(table.header, r);
        return [row['codigo_area'], row];
      }),
    );
    expect(byArea.get('00004467')).toMatchObject({ normostock: '1', disponibilidad_pct: '100' });
    expect(byArea.get('00004479')).toMatchObject({ desabastecido: '1', nivel: 'bajo' });
    expect(byArea.get('06')).toMatchObject({ establecimientos: '2', disponibilidad_pct: '50' });
    expect(err).toContain('as of 2025-12 under digemid-ficha28-2025');
    const unrounded = await yawar(
      'supply',
      'status',
      '--rule-set',
      'digemid-ficha28-unrounded',
      '--format',
      'json',
      '--month',
      '2025-12',
    );
    const json = JSON.parse(unrounded.out) as {
      items: { areaCode: string; counts: Record<string, number> }[];
    };
    expect(json.items.find((i) => i.areaCode === '06/CELENDIN')?.counts).toMatchObject({
      substock: 1,
      desabastecido: 1,
    });
  });

  it('explains bad options', async () => {
    expect((await yawar('supply', 'status', '--level', 'district')).err).toContain(
      '--level must be one of establishment, microred, network, executing_unit',
    );
    expect((await yawar('supply', 'status', '--month', '2025-13')).err).toContain(
      '--month must be a month',
    );
    expect((await yawar('supply', 'import', 'nada.csv')).code).toBe(1);
  });
});
