import {
  consumptionColumn,
  SHEET_ABOUT_SHEET,
  SHEET_COLUMNS,
  sheetIdentityRows,
  type ProgrammeStatus,
} from '@yawar/core';
import ExcelJS from 'exceljs';
import type { consolidationFor } from './consolidation.js';
import type { sheetFor } from './common.js';

type Sheet = Awaited<ReturnType<typeof sheetFor>>;
type Consolidation = Awaited<ReturnType<typeof consolidationFor>>;

const C = SHEET_COLUMNS;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Statuses as the web app names them in Spanish (issue #10: the files showed `draft`, `in_review`). */
export const PROGRAMME_STATUS_ES: Readonly<Record<ProgrammeStatus, string>> = {
  draft: 'Borrador',
  submitted: 'Enviada',
  in_review: 'En revisión',
  returned: 'Devuelta',
  approved: 'Aprobada',
  consolidated: 'Consolidada',
};

function roundStatusEs(round: { status: string; consolidatedAt: string | null }): string {
  if (round.status === 'consolidated') return 'Consolidada';
  return round.consolidatedAt ? 'Abierta · consolidada en parte' : 'Abierta';
}

/**
 * The programming sheet in the layout the import reads back: one row per product, the unit's
 * columns (method, quantity, justification) editable, and a second sheet saying whose figures
 * these are, which version, whether the data are simulated, and the programme's identity.
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
    ['Estado', PROGRAMME_STATUS_ES[sheet.programme.status]],
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
    // Read back on import: a sheet only loads into the programme it was exported from.
    ...sheetIdentityRows({
      programmeId: sheet.programme.id,
      roundId: sheet.round.id,
      unitCode: sheet.programme.unit.code,
    }),
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
    ['Estado de la ronda', roundStatusEs(consolidation.round)],
    ['Unidades incluidas (aprobadas o consolidadas)', String(consolidation.unitsIncluded)],
    [
      'Unidades pendientes',
      consolidation.unitsPending
        .map((u) => `${u.code} (${PROGRAMME_STATUS_ES[u.status]})`)
        .join(', '),
    ],
    ['Precios', consolidation.costSimulated ? 'SIMULADOS (precio referencial)' : 'Catálogo'],
    ['Generado', new Date().toISOString()],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function about(workbook: ExcelJS.Workbook, rows: [string, string][]): void {
  const sheet = workbook.addWorksheet(SHEET_ABOUT_SHEET);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 120;
}
