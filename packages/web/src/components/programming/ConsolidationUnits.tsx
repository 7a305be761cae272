import { programmingApi } from '../../api/programmingClient';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';
import { ErrorState, LoadingState } from '../StatusMessage';
import { StatusBadge } from './StatusBadge';

/** The units behind one product's national total: prefill against final, and why they differ. */
export function ConsolidationUnits({
  roundId,
  resourceCode,
  colSpan,
}: {
  roundId: number;
  resourceCode: string;
  colSpan: number;
}) {
  const t = useT();
  const format = useProgrammingFormat();
  const { state, reload } = useAuthedResource(
    (signal) => programmingApi.consolidationProduct(roundId, resourceCode, signal),
    `${roundId}|${resourceCode}`,
  );
  return (
    <tr className="prog-explain-row">
      <td colSpan={colSpan}>
        <div id={`units-${resourceCode}`} data-testid="consolidation-units">
          {state.status === 'loading' && <LoadingState />}
          {(state.status === 'error' || state.status === 'not_found') && (
            <ErrorState error={state.error} onRetry={reload} />
          )}
          {state.status === 'forbidden' && <p className="form-error">{t('errors.forbidden')}</p>}
          {state.status === 'ready' && (
            <table className="data-table data-table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('prog.programmes.unit')}</th>
                  <th scope="col">{t('prog.programmes.status')}</th>
                  <th scope="col" className="num">
                    {t('prog.sheet.prefill')}
                  </th>
                  <th scope="col" className="num">
                    {t('prog.consolidation.final')}
                  </th>
                  <th scope="col" className="num">
                    {t('prog.sheet.packs')}
                  </th>
                  <th scope="col" className="num">
                    {t('prog.sheet.cost')}
                  </th>
                  <th scope="col">{t('prog.sheet.justification')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.units.map((row) => (
                  <tr
                    key={row.programmeId}
                    data-testid="consolidation-unit-row"
                    data-unit-code={row.unit.code}
                  >
                    <td>
                      <Link to={`/programacion/${row.programmeId}`} className="cell-main">
                        {row.unit.name}
                      </Link>
                      <span className="cell-sub mono">{row.unit.code}</span>
                    </td>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td className="num">{format.qty(row.prefillQuantity)}</td>
                    <td
                      className={
                        row.finalQuantity === row.prefillQuantity ? 'num' : 'num prog-departs'
                      }
                      data-testid="consolidation-unit-final"
                    >
                      {format.qty(row.finalQuantity)}
                    </td>
                    <td className="num">{format.qty(row.packs)}</td>
                    <td className="num nowrap">{format.soles(row.cost)}</td>
                    <td>{row.justification ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </td>
    </tr>
  );
}
