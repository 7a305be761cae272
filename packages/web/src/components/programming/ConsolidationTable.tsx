import { Fragment, useState } from 'react';
import type { Consolidation } from '@yawar/api';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';
import { ConsolidationUnits } from './ConsolidationUnits';
import { Simulated } from './Simulated';

const COLUMNS = 6;

/** The national need per product: Σ of the approved programmes, with the units behind it. */
export function ConsolidationTable({ consolidation }: { consolidation: Consolidation }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const format = useProgrammingFormat();
  const [open, setOpen] = useState<string | null>(null);
  if (consolidation.products.length === 0) {
    return (
      <p className="empty-state" data-testid="consolidation-empty">
        {t('prog.consolidation.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="consolidation-table">
        <thead>
          <tr>
            <th scope="col">{t('prog.sheet.product')}</th>
            <th scope="col" className="num">
              {t('prog.consolidation.quantity')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.packs')}
            </th>
            <th scope="col" className="num">
              {t('prog.sheet.cost')}
            </th>
            <th scope="col" className="num">
              {t('prog.consolidation.units')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('prog.sheet.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {consolidation.products.map((product) => {
            const expanded = open === product.resourceCode;
            return (
              <Fragment key={product.resourceCode}>
                <tr data-testid="consolidation-row" data-resource-code={product.resourceCode}>
                  <th scope="row">
                    <span className="cell-main">{product.resourceName}</span>
                    <span className="cell-sub">
                      <span className="mono">{product.resourceCode}</span>
                      {t('prog.sheet.pack', {
                        size: format.qty(product.packSize),
                        unit: product.dispensingUnit,
                      })}
                    </span>
                  </th>
                  <td className="num" data-testid="consolidation-quantity">
                    <Explained
                      title={t('prog.explain.consolidatedQuantity', { units: product.units })}
                    >
                      {format.qty(product.quantity)}
                    </Explained>
                  </td>
                  <td className="num">{format.qty(product.packs)}</td>
                  <td className="num nowrap">
                    {format.soles(product.cost)}
                    {consolidation.costSimulated && product.cost !== null && (
                      <Simulated what="price" />
                    )}
                  </td>
                  <td className="num">{formatNumber(product.units)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={expanded}
                      aria-controls={`units-${product.resourceCode}`}
                      onClick={() => setOpen(expanded ? null : product.resourceCode)}
                      data-testid="consolidation-drill"
                    >
                      {expanded
                        ? t('prog.consolidation.hideUnits')
                        : t('prog.consolidation.showUnits')}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <ConsolidationUnits
                    roundId={consolidation.round.id}
                    resourceCode={product.resourceCode}
                    colSpan={COLUMNS}
                  />
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
