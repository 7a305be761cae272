import type { ProgrammeSummary } from '@yawar/api';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useFormatDateTime, useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';
import { Simulated } from './Simulated';
import { StatusBadge } from './StatusBadge';

/** The programmes of one round in the caller's scope, one row per executing unit. */
export function ProgrammesTable({ programmes }: { programmes: readonly ProgrammeSummary[] }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const formatNumber = useFormatNumber();
  const format = useProgrammingFormat();
  if (programmes.length === 0) {
    return (
      <p className="empty-state" data-testid="programmes-empty">
        {t('prog.programmes.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="programmes-table">
        <thead>
          <tr>
            <th scope="col">{t('prog.programmes.unit')}</th>
            <th scope="col">{t('prog.programmes.status')}</th>
            <th scope="col" className="num">
              {t('prog.programmes.lines')}
            </th>
            <th scope="col" className="num">
              {t('prog.programmes.openObservations')}
            </th>
            <th scope="col" className="num">
              {t('prog.programmes.totalCost')}
            </th>
            <th scope="col">{t('prog.programmes.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {programmes.map((programme) => (
            <tr
              key={programme.id}
              data-testid="programme-row"
              data-unit-code={programme.unit.code}
              data-programme-id={programme.id}
            >
              <td>
                <Link
                  to={`/programacion/${programme.id}`}
                  className="cell-main"
                  data-testid="programme-link"
                >
                  {programme.unit.name}
                </Link>
                <span className="cell-sub mono">
                  {t('prog.unitCode', { code: programme.unit.code })}
                </span>
              </td>
              <td>
                <StatusBadge status={programme.status} />
              </td>
              <td className="num" data-testid="programme-lines">
                {formatNumber(programme.lineCount)}
              </td>
              <td className="num">
                {programme.openObservations > 0 ? (
                  <span className="pill pill-warn">{formatNumber(programme.openObservations)}</span>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
              <td className="num nowrap">
                {format.soles(programme.totalCost)}
                {programme.costSimulated && programme.totalCost !== null && (
                  <Simulated what="price" />
                )}
              </td>
              <td>
                <span className="cell-main nowrap">{formatDateTime(programme.updatedAt)}</span>
                <span className="cell-sub">{programme.updatedBy}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
