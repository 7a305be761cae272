import type { PrevalenceItem, PrevalenceResponse } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { DetailList } from '../DetailList';
import { explain, percent, percentWithInterval, suppressionText, type Metric } from './explain';
import { Explained, SimulatedBadge } from './Explained';

/** Everything known about one district's figures, each number with its formula on hover. */
export function AreaDetails({
  name,
  subtitle,
  item,
  response,
  onClose,
}: {
  name: string;
  subtitle: string;
  item: PrevalenceItem | null;
  response: PrevalenceResponse;
  onClose: () => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const value = (metric: Metric, text: string, testId?: string) =>
    item ? (
      <Explained title={explain(metric, item, response, f)} testId={testId}>
        {text}
      </Explained>
    ) : (
      '—'
    );
  const num = (n: number | null | undefined) =>
    n === null || n === undefined ? '—' : formatNumber(n);

  return (
    <article className="area-details" data-testid="area-details">
      <button
        type="button"
        className="close-button"
        onClick={onClose}
        aria-label={t('details.close')}
        title={t('details.close')}
      >
        ×
      </button>
      <p className="details-kind">{subtitle}</p>
      <h2 className="details-title" data-testid="area-details-name">
        {name}
      </h2>
      {item && item.simulatedShare > 0 && <SimulatedBadge />}
      {(!item || item.suppressed) && (
        <p className="warning no-data-note">
          {t('surv.noData')}
          {item ? ` — ${suppressionText(item.suppressionReason, f)}` : ''}
        </p>
      )}
      <DetailList
        rows={[
          {
            label: t('surv.col.estimate'),
            value: item ? value('estimate', percentWithInterval(item, f), 'area-estimate') : '—',
          },
          { label: t('surv.col.n'), value: value('n', num(item?.n)) },
          { label: t('surv.col.cases'), value: value('cases', num(item?.cases)) },
          {
            label: t('surv.col.severity'),
            value: value(
              'severity',
              t('surv.severitySummary', {
                mild: num(item?.mild),
                moderate: num(item?.moderate),
                severe: num(item?.severe),
              }),
            ),
          },
          {
            label: t('surv.col.children'),
            value: value('children', num(item?.children6to35Months)),
          },
          {
            label: t('surv.col.estimatedAnemic'),
            value: value('estimatedAnemic', num(item?.estimatedAnemicChildren)),
          },
          {
            label: t('surv.col.coverage'),
            value: value('coverage', percent(item?.coverage ?? null, f)),
          },
        ]}
      />
      <p className="fine-print">
        {t('surv.ruleLine', { rule: response.rule.title, source: response.rule.source })}
      </p>
      <p className="fine-print">
        {t('surv.formula.estimate', {
          formula: response.formula.prevalence,
          cases: num(item?.cases),
          n: num(item?.n),
          estimate: percent(item?.estimate ?? null, f),
        })}
      </p>
    </article>
  );
}
