import type { PrevalenceResponse } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { dataSourceText, explain, pct1, percent, suppressionText } from './explain';
import { Explained, SimulatedBadge } from './Explained';

/** The department-wide figures for the current filters, each with its formula on hover. */
export function KeyFigures({ department }: { department: PrevalenceResponse }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const item = department.items[0];
  if (!item) return <p className="muted">{t('surv.empty')}</p>;
  const num = (value: number | null) => (value === null ? '—' : formatNumber(value));
  const interval =
    item.lower !== null && item.upper !== null
      ? t('surv.interval', {
          confidence: formatNumber(department.confidence * 100),
          lower: pct1(item.lower, f),
          upper: pct1(item.upper, f),
        })
      : item.suppressed
        ? suppressionText(item.suppressionReason, f)
        : '';
  return (
    <dl className="key-figures" data-testid="key-figures">
      <div className="key-figure key-figure-main">
        <dt>
          {t('surv.kf.prevalence')}
          {department.dataSource !== 'records' && <SimulatedBadge />}
        </dt>
        <dd>
          <Explained
            title={explain('estimate', item, department, f)}
            testId="surveillance-total-estimate"
            className="key-figure-value"
          >
            {percent(item.estimate, f)}
          </Explained>
          <span className="key-figure-note">{interval}</span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('surv.kf.n')}</dt>
        <dd>
          <Explained
            title={explain('n', item, department, f)}
            testId="surveillance-total-n"
            className="key-figure-value"
          >
            {num(item.n)}
          </Explained>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('surv.kf.cases')}</dt>
        <dd>
          <Explained title={explain('cases', item, department, f)} className="key-figure-value">
            {num(item.cases)}
          </Explained>
          {item.cases !== null && (
            <Explained title={explain('severity', item, department, f)} className="key-figure-note">
              {t('surv.severitySummary', {
                mild: num(item.mild),
                moderate: num(item.moderate),
                severe: num(item.severe),
              })}
            </Explained>
          )}
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('surv.kf.estimatedAnemic')}</dt>
        <dd>
          <Explained
            title={explain('estimatedAnemic', item, department, f)}
            className="key-figure-value"
          >
            {item.estimatedAnemicChildren === null
              ? '—'
              : `≈ ${formatNumber(item.estimatedAnemicChildren)}`}
          </Explained>
          <span className="key-figure-note">
            {t('surv.kf.ofChildren', { children: num(item.children6to35Months) })}
          </span>
        </dd>
      </div>
      <div className="key-figure key-figure-rule">
        <dt>{t('surv.kf.rule')}</dt>
        <dd title={department.rule.source}>
          {department.rule.title}
          <span className="key-figure-note">{dataSourceText(department, f)}</span>
        </dd>
      </div>
    </dl>
  );
}
