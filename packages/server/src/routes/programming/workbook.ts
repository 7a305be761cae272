import { consumptionColumn, SHEET_COLUMNS } from '@yawar/core';
import ExcelJS from 'exceljs';
import type { consolidationFor } from './consolidation.js';
import type { sheetFor } from './common.js';

type Sheet = Awaited<ReturnType<typeof sheetFor>>;
type Consolidation = Awaited<ReturnType<typeof consolidationFor>>;

const C = SHEET_COLUMNS;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The programming sheet in the layout the import reads back: one row per product, the unit's
 * columns (method, quantity, justification) editable, and a second sheet saying whose figures
 * these are, which version, and whether the data are simulated.
 */
export async function sheetWorkbook(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yawar';
  const main = workbook.addWorksheet('Programación');
  const header = [
    C.code,
    C.product,
    C.dispensingUnit,
    C.pack,
    C.method,
    ...sheet.months.map(consumptionColumn),
    C.cpma,
    C.demand,
    C.safetyStock,
    C.stockAvailable,
    C.inTransit,
    C.prefill,
    C.unitQuantity,
    C.justification,
    C.finalQuantity,
    C.packs,
    C.unitPrice,
    C.cost,
  ];
  main.addRow(header).font = { bold: true };
  for (const line of sheet.lines) {
    const k = line.computation;
    main.addRow([
      line.resourceCode,
      line.resourceName,
      line.dispensingUnit,
      line.packDescription,
      line.method,
      ...line.history.map((h) => h.consumption),
      round2(k.cpma),
      round2(k.demand),
      round2(k.safetyStock),
      k.stockAvailable,
      k.inTransit,
      line.prefillQuantity,
      line.unitQuantity,
      line.justification,
      line.finalQuantity,
      line.finalPacks,
      line.unitPrice,
      line.finalCost === null ? null : round2(line.finalCost),
    ]);
  }
  main.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  main.getColumn(2).width = 48;
  about(workbook, [
    ['Unidad ejecutora', `${sheet.programme.unit.code} ${sheet.programme.unit.name}`],
    ['Ronda', sheet.round.name],
    ['Estado', sheet.programme.status],
    ['Versión', String(sheet.programme.version)],
    [
      'Datos de consumo',
      sheet.simulatedHistory ? 'SIMULADOS (demostración, no son datos reales)' : 'Importados',
    ],
    ['Precios', sheet.programme.costSimulated ? 'SIMULADOS (precio referencial)' : 'Catálogo'],
    ['Parámetros', JSON.stringify(sheet.round.parameters)],
    [
      'Fórmula',
      'Necesidad = demanda del horizonte + stock de seguridad − stock disponible − en tránsito, redondeada a empaques',
    ],
    ['Editables', `${C.method}, ${C.unitQuantity}, ${C.justification}`],
    ['Generado', new Date().toISOString()],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function consolidationWorkbook(consolidation: Consolidation): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yawar';
  const main = workbook.addWorksheet('Consolidado');
  main.addRow([
    C.code,
    C.product,
    C.dispensingUnit,
    'Tamaño de empaque',
    'Cantidad',
    'Empaques',
    'Costo (S/)',
    'Unidades ejecutoras',
  ]).font = { bold: true };
  for (const p of consolidation.products) {
    main.addRow([
      p.resourceCode,
      p.resourceName,
      p.dispensingUnit,
      p.packSize,
      p.quantity,
      p.packs,
      p.cost === null ? null : round2(p.cost),
      p.units,
    ]);
  }
  main.getColumn(2).width = 48;
  about(workbook, [
    ['Ronda', consolidation.round.name],
    ['Unidades incluidas (aprobadas o consolidadas)', String(consolidation.unitsIncluded)],
    [
      'Unidades pendientes',
      consolidation.unitsPending.map((u) => `${u.code} (${u.status})`).join(', '),
    ],
    ['Precios', consolidation.costSimulated ? 'SIMULADOS (precio referencial)' : 'Catálogo'],
    ['Generado', new Date().toISOString()],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function about(workbook: ExcelJS.Workbook, rows: [string, string][]): void {
  const sheet = workbook.addWorksheet('Fuente y método');
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 120;
}
