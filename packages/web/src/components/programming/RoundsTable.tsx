import type { RoundSummary } from '@yawar/api';
import { PROGRAMME_STATUSES } from '../../domain/programming';
import { useFormatDate, useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';
import { RoundStatus } from './RoundStatus';

/** Every round the caller can see, newest first; the selected one is the one below the table. */
export function RoundsTable({
  rounds,
  selectedId,
}: {
  rounds: readonly RoundSummary[];
  selectedId: number | null;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  if (rounds.length === 0) {
    return (
      <p className="empty-state" data-testid="rounds-empty">
        {t('prog.rounds.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="rounds-table">
        <thead>
          <tr>
            <th scope="col">{t('prog.rounds.name')}</th>
            <th scope="col" className="num">
              {t('prog.rounds.fiscalYear')}
            </th>
            <th scope="col">{t('prog.rounds.dates')}</th>
            <th scope="col">{t('prog.rounds.periods')}</th>
            <th scope="col">{t('prog.rounds.regionalReview')}</th>
            <th scope="col">{t('prog.rounds.status')}</th>
            <th scope="col">{t('prog.rounds.counts')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => {
            const selected = round.id === selectedId;
            return (
              <tr
                key={round.id}
                className={selected ? 'prog-row-selected' : undefined}
                data-testid="round-row"
                data-round-id={round.id}
              >
                <td>
                  <Link
                    to={`/programacion?ronda=${round.id}`}
                    className="cell-main"
                    aria-current={selected ? 'true' : undefined}
                    data-testid="round-link"
                  >
                    {round.name}
                  </Link>
                </td>
                <td className="num">{round.fiscalYear}</td>
                <td className="nowrap">
                  {t('prog.rounds.dateRange', {
                    from: formatDate(round.opensOn),
                    to: formatDate(round.closesOn),
                  })}
                </td>
                <td>
                  <span className="cell-sub">
                    {t('prog.rounds.horizonFrom', { month: round.horizonStart })}
                  </span>
                  <span className="cell-sub">
                    {t('prog.rounds.historyTo', { month: round.historyEnd })}
                  </span>
                </td>
                <td>
                  {round.regionalReview ? (
                    <span className="pill pill-yes">{t('prog.yes')}</span>
                  ) : (
                    <span className="pill">{t('prog.no')}</span>
                  )}
                </td>
                <td>
                  <RoundStatus round={round} />
                </td>
                <td>
                  <ul className="prog-counts">
                    {PROGRAMME_STATUSES.filter((status) => round.counts[status] > 0).map(
                      (status) => (
                        <li key={status} className={`prog-count prog-status-${status}`}>
                          {t(`prog.status.${status}`)}{' '}
                          <strong data-testid={`round-count-${status}`}>
                            {formatNumber(round.counts[status])}
                          </strong>
                        </li>
                      ),
                    )}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
