import type { ProgrammeLine } from '@yawar/api';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useT } from '../../i18n/I18nProvider';

/**
 * The month columns of one line: consumption as reported (dispensing units). A month with
 * stock-out days is marked, because its consumption understates the need (the adjusted value
 * is in the tooltip and in "¿Cómo se calculó?").
 */
export function HistoryCells({ line, months }: { line: ProgrammeLine; months: readonly string[] }) {
  const t = useT();
  const format = useProgrammingFormat();
  const byMonth = new Map(line.history.map((record) => [record.month, record]));
  const adjusted = new Map(
    line.computation.adjustedHistory.map((item) => [item.month, item.value]),
  );
  return (
    <>
      {months.map((month) => {
        const record = byMonth.get(month);
        if (!record) {
          return (
            <td key={month} className="num muted" title={t('prog.sheet.noReport', { month })}>
              —
            </td>
          );
        }
        const stockout = record.stockoutDays > 0;
        const title = [
          t('prog.sheet.historyTitle', { month, consumption: format.qty(record.consumption) }),
          record.stockEnd === null
            ? t('prog.sheet.stockEndUnknown')
            : t('prog.sheet.stockEnd', { stock: format.qty(record.stockEnd) }),
          stockout
            ? t('prog.sheet.stockoutDays', { days: format.exact(record.stockoutDays, 1) })
            : '',
          adjusted.has(month)
            ? t('prog.sheet.adjusted', { value: format.exact(adjusted.get(month) ?? null, 1) })
            : '',
        ]
          .filter(Boolean)
          .join('\n');
        return (
          <td
            key={month}
            className={stockout ? 'num prog-month prog-stockout' : 'num prog-month'}
            title={title}
            data-testid="line-month"
            data-month={month}
          >
            {format.qty(record.consumption)}
            {stockout && (
              <span className="prog-stockout-mark" data-testid="line-stockout">
                <span aria-hidden="true">{` ⚠${format.exact(record.stockoutDays, 1)}d`}</span>
                <span className="visually-hidden">
                  {t('prog.sheet.stockoutDays', { days: format.exact(record.stockoutDays, 1) })}
                </span>
              </span>
            )}
          </td>
        );
      })}
    </>
  );
}
