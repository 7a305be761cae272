import type { ForecastErrors, ProgrammeLine } from '@yawar/api';
import type { ForecastMethod } from '@yawar/core';
import { noticeText } from '../../domain/programmingNotices';
import { isStepKey } from '../../domain/programmingExplain';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';
import { MethodComparison } from './MethodComparison';

export interface LineExplainProps {
  line: ProgrammeLine;
  colSpan: number;
  editable: boolean;
  busy: boolean;
  onMethod: (method: ForecastMethod) => void;
  onOpenIntervention: () => void;
}

/**
 * "¿Cómo se calculó?": every step of the line with its formula, the same formula with the line's
 * numbers, the result and the source; then the warnings, how well the method fits the history, and
 * every other method on the same history to compare with.
 */
export function LineExplain({
  line,
  colSpan,
  editable,
  busy,
  onMethod,
  onOpenIntervention,
}: LineExplainProps) {
  const t = useT();
  const format = useProgrammingFormat();
  const { computation } = line;
  return (
    <tr className="prog-explain-row">
      <td colSpan={colSpan}>
        <section
          id={`explain-${line.resourceCode}`}
          className="prog-explain"
          aria-label={t('prog.explain.title', { product: line.resourceName })}
          data-testid="line-explain"
        >
          <h3 className="prog-explain-title">
            {t('prog.explain.title', { product: line.resourceName })}
          </h3>
          <p className="fine-print">
            {t('prog.explain.method', { method: t(`prog.method.${computation.method}`) })}
            {computation.method === 'intervention' && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={onOpenIntervention}
                  data-testid="explain-intervention-link"
                >
                  {t('prog.tree.link')}
                </button>
              </>
            )}
          </p>
          <div className="table-scroll">
            <table className="data-table data-table-compact prog-steps">
              <thead>
                <tr>
                  <th scope="col">{t('prog.explain.step')}</th>
                  <th scope="col">{t('prog.explain.formula')}</th>
                  <th scope="col">{t('prog.explain.substituted')}</th>
                  <th scope="col" className="num">
                    {t('prog.explain.result')}
                  </th>
                  <th scope="col">{t('prog.explain.sourceCol')}</th>
                </tr>
              </thead>
              <tbody>
                {computation.steps.map((step) => (
                  <tr key={step.key} data-testid="explain-step" data-step={step.key}>
                    <th scope="row">
                      {isStepKey(step.key) ? t(`prog.step.${step.key}`) : step.key}
                    </th>
                    <td>{step.formula}</td>
                    <td className="mono">{step.substituted}</td>
                    <td className="num" data-testid="explain-step-value">
                      {format.exact(step.value)}
                    </td>
                    <td className="fine-print">{step.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {computation.warnings.length > 0 && (
            <div className="warning" role="note" data-testid="explain-warnings">
              <strong>{t('prog.explain.warnings')}</strong>
              <ul>
                {computation.warnings.map((warning, index) => (
                  <li key={warning}>
                    {computation.notices[index]
                      ? noticeText(t, computation.notices[index], warning)
                      : warning}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ForecastFit errors={computation.errors} />
          <MethodComparison line={line} editable={editable} busy={busy} onMethod={onMethod} />
          {computation.monthlyForecast.length > 0 && (
            <p className="fine-print" data-testid="explain-forecast">
              <strong>{t('prog.explain.monthlyForecast')}</strong>{' '}
              {computation.monthlyForecast
                .map((item) => `${item.month}: ${format.exact(item.value, 1)}`)
                .join(' · ')}
            </p>
          )}
        </section>
      </td>
    </tr>
  );
}

/** The method's in-sample errors, to compare methods by switching them (QAT Compare and Select). */
function ForecastFit({ errors }: { errors: ForecastErrors | null }) {
  const t = useT();
  const format = useProgrammingFormat();
  if (!errors) return <p className="fine-print">{t('prog.explain.noErrors')}</p>;
  const items = [
    { key: 'mape', label: 'MAPE', value: format.percent(errors.mape), hint: t('prog.fit.mape') },
    { key: 'wape', label: 'WAPE', value: format.percent(errors.wape), hint: t('prog.fit.wape') },
    { key: 'rmse', label: 'RMSE', value: format.exact(errors.rmse, 1), hint: t('prog.fit.rmse') },
    {
      key: 'r2',
      label: 'R²',
      value: format.exact(errors.rSquared, 3),
      hint: t('prog.fit.r2'),
    },
  ];
  return (
    <div className="prog-fit">
      <p className="field-label">{t('prog.explain.fit', { n: errors.n })}</p>
      <dl className="meta-list" data-testid="explain-errors">
        {items.map((item) => (
          <div key={item.key}>
            <dt>{item.label}</dt>
            <dd>
              <Explained title={item.hint} testId={`explain-${item.key}`}>
                {item.value}
              </Explained>
            </dd>
          </div>
        ))}
      </dl>
      <p className="fine-print">{t('prog.explain.compare')}</p>
    </div>
  );
}
