import type { EndesItem, EndesResponse, IneiFigure } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { pct1, type Formatters } from './explain';
import { officialPercent, officialTitle } from './TrendChart';

/**
 * The ENDES subsample series beside INEI's published figures, one table per method: the series
 * Yawar computes under nts-213-2024 next to INEI's RM 251-2024 figures, the legacy who-2011 series
 * next to INEI's previous-method figures. The subsample's departmental cells are shown only with
 * their n and labelled as a validation of the rules, never as an estimate.
 */
export function EndesTable({ endes }: { endes: EndesResponse }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  return (
    <section className="endes-box" data-testid="endes-table">
      <h3 className="endes-title">{t('surv.series.heading')}</h3>
      <p className="fine-print">{t('surv.series.intro')}</p>
      {endes.series.map((series) => {
        const items = endes.items.filter((item) => item.rule === series.rule);
        const official = endes.official.filter((figure) => figure.method === series.method);
        const years = [
          ...new Set([...items.map((i) => i.year), ...official.map((o) => o.year)]),
        ].sort((a, b) => a - b);
        const item = (year: number, scope: EndesItem['scope']) =>
          items.find((i) => i.year === year && i.scope === scope);
        const figure = (year: number, scope: IneiFigure['scope']) =>
          official.find((o) => o.year === year && o.scope === scope);
        return (
          <div key={series.method} data-testid={`endes-method-${series.method}`}>
            <h4 className="endes-title">
              {t(`surv.series.method.${series.method}`)} <span className="pill">{series.rule}</span>
            </h4>
            <table className="data-table data-table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('surv.series.year')}</th>
                  <th scope="col">{t('surv.series.subsample')}</th>
                  <th scope="col">{t('surv.series.ineiNational')}</th>
                  <th scope="col">{t('surv.series.ineiDepartment')}</th>
                  <th scope="col">
                    {t('surv.series.subsampleDepartment')}{' '}
                    <span className="pill">{t('surv.series.validationOnly')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((year) => (
                  <tr key={year}>
                    <td>{year}</td>
                    <td>{subsampleCell(item(year, 'national'), endes, f)}</td>
                    <td>{officialCell(figure(year, 'national'), f)}</td>
                    <td>{officialCell(figure(year, 'department'), f)}</td>
                    <td>{validationCell(item(year, 'department'), f)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <p className="fine-print">{t('surv.series.missing')}</p>
      <p className="fine-print">{endes.note}</p>
    </section>
  );
}

function subsampleCell(item: EndesItem | undefined, endes: EndesResponse, f: Formatters) {
  const { t, formatNumber } = f;
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
  return (
    <span className="explained" title={[design, endes.source].join('\n')}>
      {t('surv.estimateWithInterval', {
        estimate: t('unit.percent', { n: pct1(item.estimate, f) }),
        lower: pct1(item.lower, f),
        upper: pct1(item.upper, f),
      })}
    </span>
  );
}

function officialCell(figure: IneiFigure | undefined, f: Formatters) {
  if (!figure)
    return (
      <span
        className="explained muted"
        title={`${f.t('surv.series.notPublished')}. ${f.t('surv.series.missing')}`}
      >
        —
      </span>
    );
  return (
    <strong className="explained" title={officialTitle(figure, f)} data-testid="official-figure">
      {f.t('unit.percent', { n: officialPercent(figure, f) })}
    </strong>
  );
}

function validationCell(item: EndesItem | undefined, f: Formatters) {
  const { t, formatNumber } = f;
  if (!item) return <span className="muted">—</span>;
  const text =
    item.estimate === null
      ? `— (n = ${formatNumber(item.n)})`
      : t('surv.series.subsampleDepartmentCell', {
          estimate: pct1(item.estimate, f),
          n: formatNumber(item.n),
        });
  return (
    <span className="explained muted" title={t('surv.series.subsampleDepartmentHint')}>
      {text}
    </span>
  );
}
