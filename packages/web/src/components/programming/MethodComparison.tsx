import type { ProgrammeLine } from '@yawar/api';
import type { ForecastMethod } from '@yawar/core';
import {
  fallbackReason,
  lowestWape,
  packsOf,
  type Alternative,
} from '../../domain/programmingCompare';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';

/**
 * Every forecast method on the line's history, side by side (QAT "Compare and Select"): the
 * quantity each would propose, its in-sample errors, the lowest WAPE marked, and — while the sheet
 * is editable — a button to program the line with it (the same save as the method selector).
 */
export function MethodComparison({
  line,
  editable,
  busy,
  onMethod,
}: {
  line: ProgrammeLine;
  editable: boolean;
  busy: boolean;
  onMethod: (method: ForecastMethod) => void;
}) {
  const t = useT();
  const best = lowestWape(line.alternatives);
  if (line.alternatives.length === 0) return null;
  const titleId = `compare-title-${line.resourceCode}`;
  return (
    <div className="prog-compare" data-testid="method-comparison">
      <p id={titleId} className="field-label">
        {t('prog.compare.title')}
      </p>
      <div className="table-scroll">
        <table className="data-table data-table-compact" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('prog.compare.method')}</th>
              <th scope="col" className="num">
                {t('prog.compare.quantity')}
              </th>
              <th scope="col" className="num">
                {t('prog.sheet.packs')}
              </th>
              <th scope="col" className="num" title={t('prog.fit.mape')}>
                MAPE
              </th>
              <th scope="col" className="num" title={t('prog.fit.wape')}>
                WAPE
              </th>
              <th scope="col" className="num" title={t('prog.fit.rmse')}>
                RMSE
              </th>
              <th scope="col" className="num" title={t('prog.fit.r2')}>
                R²
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('prog.sheet.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {line.alternatives.map((alternative) => (
              <ComparisonRow
                key={alternative.method}
                line={line}
                alternative={alternative}
                best={best.has(alternative.method)}
                editable={editable}
                busy={busy}
                onUse={() => onMethod(alternative.method)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="fine-print">{t('prog.compare.hint')}</p>
    </div>
  );
}

function ComparisonRow({
  line,
  alternative,
  best,
  editable,
  busy,
  onUse,
}: {
  line: ProgrammeLine;
  alternative: Alternative;
  best: boolean;
  editable: boolean;
  busy: boolean;
  onUse: () => void;
}) {
  const t = useT();
  const format = useProgrammingFormat();
  const { method, usedMethod, quantity, errors } = alternative;
  const current = method === line.method;
  const reason = fallbackReason(alternative);
  const packs = packsOf(quantity, line.packSize);
  const methodName = t(`prog.method.${method}`);
  return (
    <tr
      className={current ? 'prog-compare-current' : undefined}
      data-testid="compare-row"
      data-method={method}
      data-best={best ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
    >
      <th scope="row">
        <span className="cell-main">{methodName}</span>
        {current && <span className="pill">{t('prog.compare.current')}</span>}{' '}
        {best && (
          <span
            className="pill pill-yes"
            title={t('prog.compare.bestHint')}
            data-testid="compare-best"
          >
            {t('prog.compare.best')}
          </span>
        )}
        {reason && (
          <span className="cell-sub warning-text" data-testid="compare-fallback">
            {t(`prog.compare.fellBack.${reason}`, { method: t(`prog.method.${usedMethod}`) })}
          </span>
        )}
      </th>
      <td className="num" data-testid="compare-quantity">
        {format.qty(quantity)}
      </td>
      <td className="num">
        <Explained
          title={t('prog.explain.packs', {
            quantity: format.qty(quantity),
            size: format.qty(line.packSize),
            packs: format.qty(packs),
          })}
        >
          {format.qty(packs)}
        </Explained>
      </td>
      <td className="num nowrap">{format.percent(errors?.mape ?? null)}</td>
      <td className="num nowrap" data-testid="compare-wape">
        {format.percent(errors?.wape ?? null)}
      </td>
      <td className="num">{format.exact(errors?.rmse ?? null, 1)}</td>
      <td className="num">{format.exact(errors?.rSquared ?? null, 3)}</td>
      <td className="row-actions">
        {editable && !current && (
          <button
            type="button"
            className="button button-small button-outline"
            disabled={busy}
            aria-label={t('prog.compare.useFor', {
              method: methodName,
              product: line.resourceName,
            })}
            onClick={onUse}
            data-testid="compare-use"
          >
            {t('prog.compare.use')}
          </button>
        )}
      </td>
    </tr>
  );
}
