import type { EndesResponse } from '../../api/surveillanceTypes';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { pct1 } from './explain';

/** The ENDES survey figures behind the chart's second series, year by year. */
export function EndesTable({ endes }: { endes: EndesResponse }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const years = [...new Set(endes.items.map((item) => item.year))].sort((a, b) => a - b);
  const find = (year: number, scope: 'department' | 'national') =>
    endes.items.find((item) => item.year === year && item.scope === scope);
  const cell = (year: number, scope: 'department' | 'national') => {
    const item = find(year, scope);
    if (!item) return <span className="muted">—</span>;
    const design = t('surv.endes.design', {
      n: formatNumber(item.n),
      deff: item.designEffect === null ? '—' : formatNumber(item.designEffect, 2),
    });
    if (item.estimate === null || item.lower === null || item.upper === null) {
      return (
        <span className="explained muted" title={`${t('surv.endes.suppressed')}\n${design}`}>
          —
        </span>
      );
    }
    const title = [
      design,
      t('surv.endes.ruleLine'),
      t('surv.sourceLine', { source: `${endes.source} — ${t('surv.endes.label')}` }),
    ].join('\n');
    return (
      <span className="explained" title={title}>
        {t('surv.estimateWithInterval', {
          estimate: t('unit.percent', { n: pct1(item.estimate, f) }),
          lower: pct1(item.lower, f),
          upper: pct1(item.upper, f),
        })}
      </span>
    );
  };
  return (
    <section className="endes-box" data-testid="endes-table">
      <h3 className="endes-title">
        {t('surv.endes.label')} <span className="pill">{t('surv.endes.unofficial')}</span>
      </h3>
      <p className="fine-print">{endes.note}</p>
      <table className="data-table data-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('surv.endes.year')}</th>
            <th scope="col">{t('surv.endes.scope.department')}</th>
            <th scope="col">{t('surv.endes.scope.national')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <td>{year}</td>
              <td>{cell(year, 'department')}</td>
              <td>{cell(year, 'national')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
