import { Fragment, useState } from 'react';
import type { EstablishmentStockResponse, ProductStock } from '@yawar/api';
import { useSupplyEstablishment } from '../../hooks/useSupplyStatus';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { ErrorState } from '../StatusMessage';
import { Explained } from '../surveillance/Explained';
import { levelText, ratioText } from './explainStock';
import { CLASS_COLORS, levelColor } from './supplyScale';
import { SupplySimulatedBadge } from './SupplySimulatedBadge';

/** A step's tooltip: the formula, the same with the product's numbers, and the rule's source. */
const stepTitle = (product: ProductStock, key: string, data: EstablishmentStockResponse) => {
  const step = product.steps.find((s) => s.key === key);
  return step
    ? `${step.formula}\n${step.substituted}\n${step.source}\n${data.dataSource}`
    : data.dataSource;
};

/**
 * An establishment's products as of the month: stock, CPMA (with the months it averages), MED
 * and class, each with its formula and numbers. The drill-down of the supply page.
 */
export function EstablishmentStock({
  code,
  month,
  ruleSet,
  onClose,
}: {
  code: string;
  month: string | null;
  ruleSet: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const { state, reload } = useSupplyEstablishment(code, {
    month,
    ruleSet: ruleSet as EstablishmentStockResponse['ruleSet']['id'] | null,
  });
  return (
    <section className="card card-flush establishment-stock" data-testid="supply-establishment">
      {state.status === 'ready' ? (
        <Products data={state.data} onClose={onClose} />
      ) : (
        <div className="card-header">
          <button
            type="button"
            className="close-button"
            onClick={onClose}
            aria-label={t('sup.eess.close')}
          >
            ×
          </button>
          {state.status === 'loading' && <p className="muted">{t('sup.eess.loading')}</p>}
          {(state.status === 'error' || state.status === 'not_found') && (
            <ErrorState error={state.error} onRetry={reload} />
          )}
          {state.status === 'forbidden' && <p className="muted">{t('forbidden.establishment')}</p>}
        </div>
      )}
    </section>
  );
}

function Products({ data, onClose }: { data: EstablishmentStockResponse; onClose: () => void }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const [open, setOpen] = useState<string | null>(null);
  const e = data.establishment;
  const number = (value: number | null, digits = 0, minimum = 0) =>
    value === null ? '—' : formatNumber(value, digits, minimum);
  // MED as compared with the thresholds: with the rule's decimals, so 3.0 reads as rounded.
  const medDigits = data.ruleSet.medDecimals;
  const window = data.ruleSet.cpmaWindowMonths;
  return (
    <>
      <div className="card-header establishment-stock-header">
        <button
          type="button"
          className="close-button"
          onClick={onClose}
          aria-label={t('sup.eess.close')}
        >
          ×
        </button>
        <h2 className="card-title" data-testid="supply-establishment-title">
          {t('sup.eess.title', { name: e.name })}
          {data.simulated && <SupplySimulatedBadge />}
        </h2>
        <p className="muted">
          {t('sup.eess.subtitle', {
            code: e.code,
            category: e.category,
            district: e.districtName,
            unit: `${e.executingUnit.code} ${e.executingUnit.name}`,
          })}
        </p>
        {data.month && data.products.length > 0 ? (
          <p data-testid="supply-establishment-summary">
            <span className="level-chip" style={{ background: levelColor(data.level) }}>
              {levelText(data.level, f)}
            </span>{' '}
            {t('sup.eess.summary', {
              value: ratioText(data.ratio, f),
              level: levelText(data.level, f),
              available: formatNumber(data.available),
              evaluated: formatNumber(data.evaluated),
              month: data.month,
            })}
          </p>
        ) : (
          <p className="muted" data-testid="supply-establishment-empty">
            {data.month ? t('sup.eess.empty', { month: data.month }) : t('sup.eess.emptyAny')}
          </p>
        )}
      </div>
      {data.products.length > 0 && (
        <div className="table-scroll">
          <table className="data-table product-stock-table" data-testid="supply-products">
            <thead>
              <tr>
                <th scope="col">{t('sup.col.product')}</th>
                <th scope="col" className="num">
                  {t('sup.col.stock')}
                </th>
                <th scope="col" className="num">
                  {t('sup.col.cpma')}
                </th>
                <th scope="col" className="num">
                  {t('sup.col.med')}
                </th>
                <th scope="col">{t('sup.col.class')}</th>
                <th scope="col">{t('sup.col.months', { n: window })}</th>
              </tr>
            </thead>
            <tbody>
              {data.products.map((p) => (
                <Fragment key={p.resourceCode}>
                  <tr data-testid="supply-product" data-code={p.resourceCode}>
                    <td>
                      <span className="cell-main">{p.name}</span>
                      <span className="cell-sub mono">
                        {p.resourceCode} · {p.dispensingUnit}
                        {p.vital && <> · {t('sup.eess.vital')}</>}
                      </span>
                      {!p.evaluated && p.stockClass !== 'sin_dato' && (
                        <span className="cell-sub muted" data-testid="supply-product-not-evaluated">
                          {t('sup.eess.notEvaluated')}
                        </span>
                      )}
                    </td>
                    <td className="num">
                      {p.stock === null ? (
                        <span className="muted">{t('sup.eess.stockUnknown')}</span>
                      ) : (
                        number(p.stock)
                      )}
                    </td>
                    <td className="num">
                      <Explained title={stepTitle(p, 'cpma', data)}>{number(p.cpma, 1)}</Explained>
                    </td>
                    <td className="num">
                      <Explained title={stepTitle(p, 'med', data)}>
                        {medDigits === null
                          ? number(p.medCompared, 2)
                          : number(p.medCompared, medDigits, medDigits)}
                      </Explained>
                    </td>
                    <td>
                      <Explained title={stepTitle(p, 'class', data)}>
                        <span
                          className="class-chip"
                          style={{ borderColor: CLASS_COLORS[p.stockClass] }}
                          data-testid="supply-product-class"
                        >
                          <span
                            className="class-dot"
                            style={{ background: CLASS_COLORS[p.stockClass] }}
                            aria-hidden="true"
                          />
                          {t(`sup.class.${p.stockClass}`)}
                        </span>
                      </Explained>
                    </td>
                    <td className="nowrap">
                      <span className="muted">
                        {t('sup.eess.monthsUsed', {
                          used: p.monthsWithConsumption,
                          n: p.window.length,
                        })}
                      </span>{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open === p.resourceCode}
                        onClick={() => setOpen(open === p.resourceCode ? null : p.resourceCode)}
                      >
                        {open === p.resourceCode
                          ? t('sup.eess.hideMonths')
                          : t('sup.eess.showMonths')}
                      </button>
                    </td>
                  </tr>
                  {open === p.resourceCode && (
                    <tr className="months-row">
                      <td colSpan={6}>
                        <ol className="month-consumption">
                          {p.window.map((w) => (
                            <li key={w.month} className={w.consumption > 0 ? undefined : 'is-zero'}>
                              <span className="month-label">{w.month}</span>
                              <span className="month-value">{number(w.consumption)}</span>
                            </li>
                          ))}
                        </ol>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
