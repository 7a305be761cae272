import type { HbRule, ReclassificationResponse, RuleId } from '@yawar/api';
import { ANEMIA_LEVELS } from '../../domain/anemiaLevels';
import type { ResourceState } from '../../hooks/useAuthedResource';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { ErrorState } from '../StatusMessage';
import { Explained } from './Explained';

/**
 * "What if we used another rule set?": how many children change class (none, mild, moderate,
 * severe) when the current rule is replaced by the chosen one, over the same children.
 */
export function ReclassificationBox({
  rules,
  rule,
  compare,
  onCompareChange,
  state,
  onRetry,
}: {
  rules: readonly HbRule[];
  rule: RuleId;
  compare: RuleId;
  onCompareChange: (rule: RuleId) => void;
  state: ResourceState<ReclassificationResponse>;
  onRetry: () => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const title = (id: RuleId) => rules.find((item) => item.id === id)?.title ?? id;
  const data = state.status === 'ready' ? state.data : null;
  const count = (from: string, to: string) =>
    data?.items.find((item) => item.from === from && item.to === to)?.children ?? 0;

  return (
    <section className="card reclass-box" aria-labelledby="reclass-title">
      <h2 id="reclass-title" className="card-title">
        {t('surv.reclass.title')}
      </h2>
      <label className="form-field">
        <span className="field-label">{t('surv.reclass.compare')}</span>
        <select
          className="select"
          value={compare}
          onChange={(event) => onCompareChange(event.target.value as RuleId)}
          data-testid="reclassification-rule"
        >
          {rules
            .filter((item) => item.id !== rule)
            .map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
        </select>
      </label>
      {state.status === 'loading' && <p className="muted">{t('status.loading')}</p>}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={onRetry} />}
      {data && (
        <>
          <p className="reclass-summary">
            {t('surv.reclass.before', { from: title(data.from), to: title(data.to) })}{' '}
            <Explained
              title={t('surv.reclass.hint', {
                changed: formatNumber(data.changed),
                total: formatNumber(data.total),
              })}
              testId="reclassification-changed"
              className="reclass-number"
            >
              {formatNumber(data.changed)}
            </Explained>{' '}
            {t('surv.reclass.after', {
              total: formatNumber(data.total),
              share:
                data.total > 0
                  ? formatNumber((data.changed / data.total) * 100, 1)
                  : formatNumber(0),
            })}
          </p>
          <table className="data-table data-table-compact reclass-table">
            <caption className="fine-print">
              {t('surv.reclass.caption', { from: data.from, to: data.to })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('surv.reclass.fromTo')}</th>
                {ANEMIA_LEVELS.map((level) => (
                  <th scope="col" key={level} className="num">
                    {t(`surv.level.${level}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ANEMIA_LEVELS.map((from) => (
                <tr key={from}>
                  <th scope="row">{t(`surv.level.${from}`)}</th>
                  {ANEMIA_LEVELS.map((to) => {
                    const children = count(from, to);
                    const changed = from !== to && children > 0;
                    return (
                      <td
                        key={to}
                        className={changed ? 'num reclass-changed' : 'num'}
                        title={t('surv.reclass.cellHint', {
                          children: formatNumber(children),
                          from: t(`surv.level.${from}`),
                          to: t(`surv.level.${to}`),
                          fromRule: data.from,
                          toRule: data.to,
                        })}
                      >
                        {formatNumber(children)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
