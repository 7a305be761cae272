import ExcelJS from 'exceljs';

interface WorkbookInput {
  readonly rule: { readonly id: string; readonly title: string; readonly source: string };
  readonly dataSource: string;
  readonly suppressionRule: { readonly id: string; readonly description: string };
  readonly formula: Readonly<Record<string, string>>;
}

/** An XLSX with the table and a second sheet saying where every number comes from. */
export async function prevalenceWorkbook(
  meta: WorkbookInput,
  table: { header: readonly string[]; rows: readonly (readonly (string | number | null)[])[] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yawar';
  const sheet = workbook.addWorksheet('Prevalencia');
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('Fuente y método');
  const simulated = meta.dataSource !== 'records';
  for (const [key, value] of [
    [
      'Datos',
      simulated
        ? 'SIMULADOS (datos de demostración, no son niños reales)'
        : 'Registros de dosaje importados',
    ],
    ['Regla', `${meta.rule.id}: ${meta.rule.title}`],
    ['Fuente de la regla', meta.rule.source],
    ...Object.entries(meta.formula).map(([k, v]) => [`Fórmula (${k})`, v]),
    ['Supresión', `${meta.suppressionRule.id}: ${meta.suppressionRule.description}`],
    ['Generado', new Date().toISOString()],
  ]) {
    about.addRow([key, value]);
  }
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
