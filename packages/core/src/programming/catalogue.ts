import { CellReader, hasColumns, type CsvSource } from '../reference/cells.js';
import type { IssueLog } from '../reference/issues.js';

/** A strategic health resource as CENARES programmes it (generic name and presentation). */
export interface StrategicResource {
  readonly code: string;
  readonly name: string;
  readonly form: string;
  readonly concentration: string | null;
  /** The unit consumption and stock are counted in (frasco, tableta, sobre…). */
  readonly dispensingUnit: string;
  readonly packSize: number;
  readonly packDescription: string;
  /** Soles per dispensing unit. */
  readonly unitPrice: number | null;
  readonly priceSource: string;
  readonly priceSimulated: boolean;
  readonly intervention: string;
  readonly kind: ResourceKind;
  readonly digemidCode: string | null;
  readonly contentAmount: number | null;
  readonly contentUnit: string | null;
  readonly ironMgPerContentUnit: number | null;
  /**
   * In the Listado Nacional de Productos Farmacéuticos Vitales (RM N.° 1288-2018/MINSA): under the
   * DIGEMID Ficha 28 of 18/12/2025 a sin-rotación item counts in the availability denominator only
   * when it is vital. Always false for supplies and reagents.
   */
  readonly vital: boolean;
  readonly source: string;
}

export const RESOURCE_KINDS = ['medicine', 'supply', 'reagent'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const CATALOGUE_COLUMNS = [
  'codigo',
  'nombre',
  'forma',
  'concentracion',
  'unidad_despacho',
  'tamano_empaque',
  'descripcion_empaque',
  'precio_unitario',
  'precio_fuente',
  'precio_simulado',
  'intervencion',
  'tipo',
  'codigo_digemid',
  'contenido',
  'unidad_contenido',
  'hierro_mg_por_unidad_contenido',
  'vital',
  'fuente',
] as const;

/** Content units read as a liquid volume, in litres per unit. */
const LITRES_PER_UNIT: Readonly<Record<string, number>> = Object.freeze({ mL: 0.001, L: 1 });

/**
 * Volume of one dispensing unit when its content is a liquid volume (mL or L), in litres; null
 * otherwise. Feeds the large-volume rule of the availability indicator (DIGEMID Ficha 28,
 * consideración a: solutions of 1 L or more).
 * @example liquidLitres({ contentAmount: 30, contentUnit: 'mL' }) // 0.03
 */
export function liquidLitres(
  r: Pick<StrategicResource, 'contentAmount' | 'contentUnit'>,
): number | null {
  const factor = r.contentUnit === null ? undefined : LITRES_PER_UNIT[r.contentUnit];
  return factor === undefined || r.contentAmount === null ? null : r.contentAmount * factor;
}

const RESOURCE_CODE = /^[A-Z0-9][A-Z0-9.-]{1,39}$/;

/** Validates the catalogue file (data/supply/recursos_estrategicos.csv layout); every bad cell is logged. */
export function readStrategicResources(source: CsvSource, log: IssueLog): StrategicResource[] {
  if (!hasColumns(source, CATALOGUE_COLUMNS, log)) return [];
  const resources: StrategicResource[] = [];
  const seen = new Set<string>();
  for (const record of source.table.records) {
    const cells = new CellReader(source, record, log);
    const resource = readResource(cells);
    if (!resource || !cells.ok) continue;
    if (seen.has(resource.code)) {
      cells.fail('codigo', `"${resource.code}" appears twice`);
      continue;
    }
    seen.add(resource.code);
    resources.push(resource);
  }
  return resources;
}

function readResource(cells: CellReader): StrategicResource | undefined {
  const code = cells.text('codigo');
  if (code !== undefined && !RESOURCE_CODE.test(code)) {
    cells.fail('codigo', `"${code}" is not a resource code (capitals, digits, dots, dashes)`);
  }
  const packSize = cells.optionalNumber('tamano_empaque', 1, 1_000_000);
  if (packSize === null) cells.fail('tamano_empaque', 'is empty');
  else if (packSize !== undefined && !Number.isInteger(packSize)) {
    cells.fail('tamano_empaque', `${packSize} is not a whole number`);
  }
  const kind = cells.text('tipo');
  if (kind !== undefined && !(RESOURCE_KINDS as readonly string[]).includes(kind)) {
    cells.fail('tipo', `"${kind}" is not one of ${RESOURCE_KINDS.join(', ')}`);
  }
  const simulated = cells.text('precio_simulado');
  if (simulated !== undefined && simulated !== 'true' && simulated !== 'false') {
    cells.fail('precio_simulado', `"${simulated}" is not true or false`);
  }
  const vital = cells.text('vital');
  if (vital !== undefined && vital !== 'true' && vital !== 'false') {
    cells.fail('vital', `"${vital}" is not true or false`);
  } else if (vital === 'true' && kind !== undefined && kind !== 'medicine') {
    cells.fail('vital', `a ${kind} cannot be vital: the RM 1288-2018/MINSA list names medicines`);
  }
  const fields = {
    code,
    name: cells.text('nombre'),
    form: cells.text('forma'),
    dispensingUnit: cells.text('unidad_despacho'),
    packDescription: cells.text('descripcion_empaque'),
    priceSource: cells.text('precio_fuente'),
    intervention: cells.text('intervencion'),
    source: cells.text('fuente'),
    unitPrice: cells.optionalNumber('precio_unitario', 0, 10_000_000),
    contentAmount: cells.optionalNumber('contenido', 0, 1_000_000),
    ironMg: cells.optionalNumber('hierro_mg_por_unidad_contenido', 0, 100_000),
  };
  if (!cells.ok) return undefined;
  return {
    code: fields.code as string,
    name: fields.name as string,
    form: fields.form as string,
    concentration: cells.optionalText('concentracion'),
    dispensingUnit: fields.dispensingUnit as string,
    packSize: packSize as number,
    packDescription: fields.packDescription as string,
    unitPrice: fields.unitPrice ?? null,
    priceSource: fields.priceSource as string,
    priceSimulated: simulated === 'true',
    intervention: fields.intervention as string,
    kind: kind as ResourceKind,
    digemidCode: cells.optionalText('codigo_digemid'),
    contentAmount: fields.contentAmount ?? null,
    contentUnit: cells.optionalText('unidad_contenido'),
    ironMgPerContentUnit: fields.ironMg ?? null,
    vital: vital === 'true',
    source: fields.source as string,
  };
}
