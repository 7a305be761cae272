import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, parseCsvInSlices, recordToObject } from './parse-csv.js';

/** The records as [line, values] pairs, the shape most assertions compare. */
function rows(text: string, delimiter?: string): [number, readonly string[]][] {
  return parseCsv(text, delimiter).records.map((record) => [record.line, record.values]);
}

function syntaxError(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError, the text parsed');
}

describe('parseCsv: RFC 4180 golden cases', () => {
  it('reads the header and the records with their physical lines', () => {
    const table = parseCsv('codigo,nombre\n00004612,CHILIMPAMPA\n00004613,GRANJA PORCON\n');
    expect(table.header).toEqual(['codigo', 'nombre']);
    expect(table.records).toEqual([
      { line: 2, values: ['00004612', 'CHILIMPAMPA'] },
      { line: 3, values: ['00004613', 'GRANJA PORCON'] },
    ]);
  });

  it('keeps commas inside quoted fields', () => {
    expect(rows('a,b\n"JR. LIMA 123, CAJAMARCA",x\n')).toEqual([
      [2, ['JR. LIMA 123, CAJAMARCA', 'x']],
    ]);
  });

  it('turns doubled quotes into one quote', () => {
    expect(rows('a,b\n"PUESTO ""EL TAMBO""","""",\n')).toEqual([
      [2, ['PUESTO "EL TAMBO"', '"', '']],
    ]);
  });

  it('keeps line breaks inside quoted fields and numbers the following records by physical line', () => {
    const text = 'a,b\n"JR. LIMA\nCAJAMARCA",1\n"three\nline\naddress",2\nlast,3\n';
    expect(rows(text)).toEqual([
      [2, ['JR. LIMA\nCAJAMARCA', '1']],
      [4, ['three\nline\naddress', '2']],
      [7, ['last', '3']],
    ]);
  });

  it('counts a CRLF inside a quoted field as one line and keeps it in the value', () => {
    expect(rows('a,b\r\n"x\r\ny",1\r\nz,2\r\n')).toEqual([
      [2, ['x\r\ny', '1']],
      [4, ['z', '2']],
    ]);
  });

  it('accepts CRLF line endings without leaving \\r in the last cell', () => {
    const table = parseCsv('a,b\r\n1,2\r\n3,4\r\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 3, values: ['3', '4'] },
    ]);
  });

  it('accepts a lone CR as a line ending', () => {
    expect(rows('a,b\r1,2\r3,4')).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('strips a leading UTF-8 byte-order mark (MINSA exports carry one)', () => {
    const table = parseCsv('\uFEFFcodigo_renaes,nombre\n4612,CHILIMPAMPA\n');
    expect(table.header).toEqual(['codigo_renaes', 'nombre']);
    expect(table.header[0]?.charCodeAt(0)).toBe(0x63);
  });

  it('keeps a byte-order mark that is not at the start of the text', () => {
    expect(rows('a\n\uFEFFx\n')).toEqual([[2, ['\uFEFFx']]]);
  });

  it('gives the same records with and without a trailing newline', () => {
    const expected = [
      [2, ['1', '2']],
      [3, ['3', '4']],
    ];
    expect(rows('a,b\n1,2\n3,4\n')).toEqual(expected);
    expect(rows('a,b\n1,2\n3,4')).toEqual(expected);
    expect(rows('a,b\r\n1,2\r\n3,4')).toEqual(expected);
  });

  it('keeps a quoted last field when the file has no trailing newline', () => {
    expect(rows('a,b\n1,"x,y"')).toEqual([[2, ['1', 'x,y']]]);
    expect(rows('a,b\n1,""')).toEqual([[2, ['1', '']]]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(rows('a,b\n1,2\n\n\r\n3,4\n\n')).toEqual([
      [2, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('keeps records whose cells are all empty', () => {
    expect(rows('a,b,c\n,,\n"",,""\n')).toEqual([
      [2, ['', '', '']],
      [3, ['', '', '']],
    ]);
  });

  it('keeps a single quoted empty field as a record: it is a value, not a blank line', () => {
    expect(rows('a\n""\nx\n')).toEqual([
      [2, ['']],
      [3, ['x']],
    ]);
  });

  it('trims header names but never values', () => {
    const table = parseCsv(' codigo , nombre\n 1 , x \n');
    expect(table.header).toEqual(['codigo', 'nombre']);
    expect(table.records[0]?.values).toEqual([' 1 ', ' x ']);
  });

  it('reports a ragged record as it is, leaving the cell count to the caller', () => {
    expect(rows('a,b,c\n1,2\n1,2,3,4\n')).toEqual([
      [2, ['1', '2']],
      [3, ['1', '2', '3', '4']],
    ]);
  });

  it('uses another delimiter when asked, and then a comma is ordinary text', () => {
    expect(parseCsv('a;b\n"1;2";3,4\n', ';').records).toEqual([
      { line: 2, values: ['1;2', '3,4'] },
    ]);
  });
});

describe('parseCsv: syntax errors', () => {
  it('rejects an empty file at line 1', () => {
    const error = syntaxError('');
    expect(error.line).toBe(1);
    expect(error.message).toBe('line 1: the file is empty');
  });

  it('reports an unclosed quote at the line where its record starts', () => {
    const error = syntaxError('a,b\n1,2\n"never closed,3\n4,5\n6,7\n');
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error.name).toBe('CsvSyntaxError');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^line 3: .*never closed/);
  });

  it('reports an unclosed quote after a multi-line record at the right line', () => {
    expect(syntaxError('a,b\n"x\ny",1\n2,"open\n').line).toBe(4);
  });

  it('rejects a quote in the middle of an unquoted field', () => {
    const error = syntaxError('a,b\n1,2\nJR. 5"B,3\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/quote inside an unquoted field/);
  });

  it('rejects text after a closing quote', () => {
    const error = syntaxError('a,b\n"x"y,1\n');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/after a closing quote/);
  });

  it('rejects a second quoted section in one field', () => {
    expect(syntaxError('a\n"x""y" "z"\n').line).toBe(2);
    expect(syntaxError('a\n"x""z"\n"x" "y"\n').line).toBe(3);
  });
});

describe('recordToObject', () => {
  it('keys cells by header name and fills missing cells with an empty string', () => {
    const table = parseCsv('codigo,nombre,red\n00004612,CHILIMPAMPA\n');
    const record = table.records[0];
    expect(record).toBeDefined();
    if (!record) return;
    expect(recordToObject(table.header, record)).toEqual({
      codigo: '00004612',
      nombre: 'CHILIMPAMPA',
      red: '',
    });
  });
});

/** RFC 4180 writer: quote a field when it needs it, and a lone empty field so it is not a blank line. */
function serialise(table: readonly (readonly string[])[], newline: string): string {
  const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
  return table
    .map((row) =>
      row.length === 1 && row[0] === ''
        ? '""'
        : row.map((cell) => (/[",\r\n]/.test(cell) ? quote(cell) : cell)).join(','),
    )
    .map((line) => line + newline)
    .join('');
}

/** Cells mixing CSV's special characters with ordinary text; no BOM (it is only stripped at the start). */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', '\r\n', ' ', 'a', 'Ñ', '0') }),
  fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('\uFEFF')),
);

const csvTable = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
    minLength: 1,
    maxLength: 8,
  }),
);

describe('parseCsv: round trip', () => {
  it('gives back every cell, and each record line, of a properly quoted table', () => {
    fc.assert(
      fc.property(
        csvTable,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (table, newline, trailing) => {
          let text = serialise(table, newline);
          if (!trailing) text = text.slice(0, -newline.length);
          const parsed = parseCsv(text);
          const [header, ...records] = table;
          expect(parsed.header).toEqual(header?.map((name) => name.trim()));
          expect(parsed.records.map((record) => record.values)).toEqual(records);
          // Each record starts one line after the previous one ended, counting embedded line feeds.
          let line = 1 + (serialise([header ?? []], newline).match(/\n/g)?.length ?? 0);
          parsed.records.forEach((record, index) => {
            expect(record.line).toBe(line);
            line += serialise([records[index] ?? []], newline).match(/\n/g)?.length ?? 0;
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseCsvInSlices', () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'a', '"q"', '"x,y"', '"dos\nlíneas"', '""'),
    fc.stringMatching(/^[a-z0-9 ]{0,5}$/),
  );
  const csvText = fc
    .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 })
    .chain((rows) =>
      fc
        .constantFrom('\n', '\r\n', '\n\n')
        .map((ending) => rows.map((row) => row.join(',')).join(ending)),
    );

  it('gives what parseCsv gives, whatever the slice size, and yields rising counts', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 7 }), (text, slice) => {
        let whole: unknown;
        try {
          whole = parseCsv(text);
        } catch (error) {
          whole = error;
        }
        const yielded: number[] = [];
        const steps = parseCsvInSlices(text, ',', slice);
        let sliced: unknown;
        try {
          for (;;) {
            const step = steps.next();
            if (step.done) {
              sliced = step.value;
              break;
            }
            yielded.push(step.value);
          }
        } catch (error) {
          sliced = error;
        }
        expect(sliced).toEqual(whole);
        expect(yielded).toEqual([...yielded].sort((a, b) => a - b));
        if (!(whole instanceof Error)) {
          // A pause per full slice of records (the header counts as one; a last record without
          // a line ending ends the text, where no pause is needed).
          const records = (whole as { records: unknown[] }).records.length + 1;
          expect(yielded.length).toBeLessThanOrEqual(Math.floor(records / slice));
          expect(yielded.length).toBeGreaterThanOrEqual(Math.floor((records - 1) / slice));
        }
      }),
    );
  });
});
