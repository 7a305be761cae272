import { useMemo, useState } from 'react';
import type { PrevalenceItem, PrevalenceResponse } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { explain, percent, percentWithInterval, suppressionText, type Metric } from './explain';
import { Explained } from './Explained';

type SortKey = 'estimate' | 'estimatedAnemic';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const sortValue = (item: PrevalenceItem, key: SortKey) =>
  key === 'estimate' ? item.estimate : item.estimatedAnemicChildren;

/** Highest first by default (where to act); rows without a figure always go last. */
function sortItems(items: readonly PrevalenceItem[], sort: Sort): PrevalenceItem[] {
  return [...items].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null && vb === null) return a.areaName.localeCompare(b.areaName, 'es');
    if (va === null) return 1;
    if (vb === null) return -1;
    return sort.descending ? vb - va : va - vb;
  });
}

/** One row per area at the chosen level; the same rows as the export. */
export function PrevalenceTable({ response }: { response: PrevalenceResponse }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const [sort, setSort] = useState<Sort>({ key: 'estimate', descending: true });
  const rows = useMemo(() => sortItems(response.items, sort), [response.items, sort]);

  const sortHeader = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
        className="num"
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, descending: active ? !sort.descending : true })}
          data-testid={`sort-${key}`}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  /** A number with its formula; a suppressed one is a dash whose tooltip says why. */
  const cell = (item: PrevalenceItem, metric: Metric, value: number | null, text: string) => {
    if (value === null) {
      const reason = item.suppressed
        ? t('surv.suppressedBecause', {
            reason: suppressionText(item.suppressionReason, f),
            rule: response.suppressionRule.description,
          })
        : t('surv.notApplicable');
      return (
        <Explained title={reason} className="muted">
          —
        </Explained>
      );
    }
    return <Explained title={explain(metric, item, response, f)}>{text}</Explained>;
  };
  const num = (value: number | null) => (value === null ? '' : formatNumber(value));

  if (rows.length === 0) return <p className="empty-state">{t('surv.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table prevalence-table" data-testid="prevalence-table">
        <thead>
          <tr>
            <th scope="col">{t(`surv.area.${response.area}`)}</th>
            <th scope="col" className="num">
              {t('surv.col.n')}
            </th>
            <th scope="col" className="num">
              {t('surv.col.cases')}
            </th>
            {sortHeader('estimate', t('surv.col.estimate'))}
            <th scope="col" className="num" title={t('surv.formula.severity')}>
              {t('surv.col.severityShort')}
            </th>
            <th scope="col" className="num">
              {t('surv.col.children')}
            </th>
            {sortHeader('estimatedAnemic', t('surv.col.estimatedAnemic'))}
            <th scope="col" className="num">
              {t('surv.col.coverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr
              key={`${item.areaCode}|${item.period}`}
              data-testid="prevalence-row"
              className={item.suppressed ? 'row-suppressed' : undefined}
            >
              <td>
                <span className="cell-main">{item.areaName}</span>
                {item.areaCode !== item.areaName && (
                  <span className="cell-sub mono">{item.areaCode}</span>
                )}
                {response.area === 'establishment' && item.microred && (
                  <span className="cell-sub" data-testid="prevalence-row-microred">
                    {t('microred.summaryShort', {
                      network: item.network ?? '',
                      name: item.microred,
                    })}
                  </span>
                )}
              </td>
              <td className="num">{cell(item, 'n', item.n, num(item.n))}</td>
              <td className="num">{cell(item, 'cases', item.cases, num(item.cases))}</td>
              <td className="num nowrap">
                {cell(item, 'estimate', item.estimate, percentWithInterval(item, f))}
              </td>
              <td className="num nowrap">
                {cell(
                  item,
                  'severity',
                  item.cases,
                  `${num(item.mild)} / ${num(item.moderate)} / ${num(item.severe)}`,
                )}
              </td>
              <td className="num">
                {cell(item, 'children', item.children6to35Months, num(item.children6to35Months))}
              </td>
              <td className="num">
                {cell(
                  item,
                  'estimatedAnemic',
                  item.estimatedAnemicChildren,
                  num(item.estimatedAnemicChildren),
                )}
              </td>
              <td className="num">
                {cell(item, 'coverage', item.coverage, percent(item.coverage, f))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
