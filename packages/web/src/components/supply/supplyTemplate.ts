// The history layout in short (docs/formats/supply-history.md has it all) and its template. Column
// names are part of the format (Spanish, case-sensitive), so they are never translated.

import { SUPPLY_HISTORY_OPTIONAL_COLUMNS, SUPPLY_HISTORY_REQUIRED_COLUMNS } from '@yawar/core';

export const HISTORY_REQUIRED_COLUMNS = SUPPLY_HISTORY_REQUIRED_COLUMNS;
export const HISTORY_OPTIONAL_COLUMNS = SUPPLY_HISTORY_OPTIONAL_COLUMNS;
export type HistoryColumn = (typeof HISTORY_REQUIRED_COLUMNS)[number];

/** Two made-up rows in Cajamarca: LLANGUAT (unit 785) and the unit's own warehouse. */
const EXAMPLE_ROWS = [
  ['785', '00004467', 'FE-SF-GOT-30', '2026-09', '18', '52', '0', '0', '0', ''],
  ['785', '', 'FE-SF-GOT-30', '2026-09', '0', '1200', '0', '0', '300', ''],
];

export const HISTORY_TEMPLATE_FILE_NAME = 'plantilla-historial-abastecimiento.csv';

/** The template as a `data:` URL for an `<a download>`, with a BOM so Excel reads UTF-8. */
export function historyTemplateHref(): string {
  const header = [...HISTORY_REQUIRED_COLUMNS, ...HISTORY_OPTIONAL_COLUMNS];
  const lines = [header, ...EXAMPLE_ROWS].map((row) => row.join(','));
  const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
