import { useMemo, useState } from 'react';
import type {
  StockAreaItem,
  StockAreaLevel,
  StockEstablishmentPoint,
  StockStatusResponse,
} from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';
import { availabilityExplained, countExplained, levelText, ratioText } from './explainStock';
import { STOCK_CLASS_ORDER, levelColor } from './supplyScale';

/** An establishment as a row of the area table. */
export function establishmentRow(e: StockEstablishmentPoint): StockAreaItem {
  return {
    areaCode: e.code,
    areaName: e.name,
    establishments: 1,
    establishmentsEvaluated: e.evaluated > 0 ? 1 : 0,
    evaluated: e.evaluated,
    available: e.available,
    ratio: e.ratio,
    level: e.level,
    counts: e.counts,
    simulated: e.simulated,
  };
}

/** Lowest availability first (where to act); areas without a figure last. */
function sortRows(rows: readonly StockAreaItem[], ascending: boolean): StockAreaItem[] {
  return [...rows].sort((a, b) => {
    if (a.ratio === null && b.ratio === null) return a.areaName.localeCompare(b.areaName, 'es');
    if (a.ratio === null) return 1;
    if (b.ratio === null) return -1;
    return ascending ? a.ratio - b.ratio : b.ratio - a.ratio;
  });
}

/**
 * One row per area of the level (or per establishment of the area drilled into): availability
 * with its level, products evaluated, and the products of each DIGEMID class. An area's name
 * leads to its establishments; an establishment's to its products.
 */
export function StockTable({
  response,
  rows,
  rowLevel,
  selected,
  onDrill,
  onOpen,
}: {
  response: StockStatusResponse;
  rows: readonly StockAreaItem[];
  rowLevel: StockAreaLevel;
  selected: string | null;
  onDrill: (item: StockAreaItem) => void;
  onOpen: (code: string) => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const [ascending, setAscending] = useState(true);
  const sorted = useMemo(() => sortRows(rows, ascending), [rows, ascending]);
  if (sorted.length === 0) return <p className="empty-state">{t('sup.table.empty')}</p>;
  const name = (item: StockAreaItem) =>
    item.areaName || t('sup.unassigned', { level: t(`sup.levelLower.${rowLevel}`) });
  return (
    <div className="table-scroll">
      <table className="data-table stock-table" data-testid="supply-table">
        <thead>
          <tr>
            <th scope="col">{t(`sup.level.${rowLevel}`)}</th>
            <th scope="col" className="num">
              {t('sup.col.establishments')}
            </th>
            <th scope="col" className="num">
              {t('sup.col.evaluated')}
            </th>
            <th scope="col" className="num" aria-sort={ascending ? 'ascending' : 'descending'}>
              <button
                type="button"
                className="sort-button"
                onClick={() => setAscending(!ascending)}
                data-testid="supply-sort"
              >
                {t('sup.col.availability')}
                <span aria-hidden="true">{ascending ? ' ▲' : ' ▼'}</span>
              </button>
            </th>
            {STOCK_CLASS_ORDER.map((stockClass) => (
              <th key={stockClass} scope="col" className="num">
                {t(`sup.class.${stockClass}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((item) => (
            <tr
              key={item.areaCode || '—'}
              data-testid="supply-row"
              data-code={item.areaCode}
              className={selected === item.areaCode ? 'row-selected' : undefined}
            >
              <td>
                <button
                  type="button"
                  className="link-button cell-main area-link"
                  title={rowLevel === 'establishment' ? t('sup.table.open') : t('sup.table.drill')}
                  onClick={() =>
                    rowLevel === 'establishment' ? onOpen(item.areaCode) : onDrill(item)
                  }
                  data-testid={rowLevel === 'establishment' ? 'supply-open' : 'supply-drill'}
                >
                  {name(item)}
                </button>
                {item.areaCode && item.areaCode !== item.areaName && (
                  <span className="cell-sub mono">{item.areaCode}</span>
                )}
              </td>
              <td className="num">{formatNumber(item.establishments)}</td>
              <td className="num">{formatNumber(item.evaluated)}</td>
              <td className="num nowrap">
                <Explained title={availabilityExplained(item, response, f)}>
                  {ratioText(item.ratio, f)}
                </Explained>{' '}
                <span className="level-chip" style={{ background: levelColor(item.level) }}>
                  {levelText(item.level, f)}
                </span>
              </td>
              {STOCK_CLASS_ORDER.map((stockClass) => (
                <td key={stockClass} className="num">
                  {item.counts[stockClass] === 0 ? (
                    <span className="muted">0</span>
                  ) : (
                    <Explained title={countExplained(stockClass, item, response, f)}>
                      {formatNumber(item.counts[stockClass])}
                    </Explained>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
