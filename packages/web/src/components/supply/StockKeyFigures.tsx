import type { StockStatusResponse } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';
import { classHint, levelText, ratioText, ruleSetTitle, sourceLines } from './explainStock';
import { CLASS_COLORS, STOCK_CLASS_ORDER, levelColor } from './supplyScale';
import { SupplySimulatedBadge } from './SupplySimulatedBadge';

/** The department-wide figures (within the user's scope), each with its formula on hover. */
export function StockKeyFigures({ response }: { response: StockStatusResponse }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const { total, ruleSet } = response;
  const month = response.month ?? '—';
  const availabilityTitle = `${t('sup.kf.availabilityFormula', {
    formula: response.formula.availability,
    aggregation: response.formula.aggregation,
    establishments: formatNumber(total.establishmentsEvaluated),
    value: ratioText(total.ratio, f),
    levels: response.formula.levels,
  })}\n${sourceLines(response, t)}`;
  return (
    <dl className="key-figures supply-key-figures" data-testid="supply-key-figures">
      <div className="key-figure key-figure-main">
        <dt>
          {t('sup.kf.availability')}
          {response.simulated && <SupplySimulatedBadge />}
        </dt>
        <dd>
          <Explained
            title={availabilityTitle}
            testId="supply-availability"
            className="key-figure-value"
          >
            {ratioText(total.ratio, f)}
          </Explained>
          <span className="key-figure-note">
            <span
              className="level-chip"
              style={{ background: levelColor(total.level) }}
              data-testid="supply-availability-level"
            >
              {levelText(total.level, f)}
            </span>
          </span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('sup.kf.establishments')}</dt>
        <dd>
          <span className="key-figure-value" data-testid="supply-establishments">
            {formatNumber(total.establishments)}
          </span>
          <span className="key-figure-note">
            {t('sup.kf.establishmentsNote', {
              evaluated: formatNumber(total.establishmentsEvaluated),
            })}
          </span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('sup.kf.products')}</dt>
        <dd>
          <Explained
            title={`${t('sup.kf.productsFormula', {
              month,
              evaluated: formatNumber(total.evaluated),
              available: formatNumber(total.available),
            })}\n${sourceLines(response, t)}`}
            className="key-figure-value"
          >
            {formatNumber(total.evaluated)}
          </Explained>
          <span className="key-figure-note">
            {t('sup.kf.productsNote', { available: formatNumber(total.available) })}
          </span>
        </dd>
      </div>
      <div className="key-figure key-figure-classes">
        <dt>{t('sup.kf.classes')}</dt>
        <dd>
          <ul className="class-counts" data-testid="supply-class-counts">
            {STOCK_CLASS_ORDER.map((stockClass) => (
              <li key={stockClass} data-testid={`supply-count-${stockClass}`}>
                <span
                  className="class-dot"
                  style={{ background: CLASS_COLORS[stockClass] }}
                  aria-hidden="true"
                />
                <span className="class-name">{t(`sup.class.${stockClass}`)}</span>
                <Explained
                  title={`${t('sup.kf.classFormula', {
                    hint: classHint(stockClass, ruleSet, f),
                    count: formatNumber(total.counts[stockClass]),
                    evaluated: formatNumber(total.evaluated),
                    month,
                  })}\n${response.formula.classes}\n${sourceLines(response, t)}`}
                  className="class-count"
                >
                  {formatNumber(total.counts[stockClass])}
                </Explained>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div className="key-figure key-figure-rule">
        <dt>{t('sup.kf.rule')}</dt>
        <dd title={ruleSet.source}>
          {ruleSetTitle(ruleSet, t)}
          <span className="key-figure-note">{response.dataSource}</span>
        </dd>
      </div>
    </dl>
  );
}
