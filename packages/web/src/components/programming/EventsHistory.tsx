import type { ProgrammeEvent } from '@yawar/api';
import { useFormatDateTime, useT } from '../../i18n/I18nProvider';

const KNOWN_ACTIONS = [
  'create',
  'compute',
  'edit',
  'import',
  'submit',
  'validate',
  'return',
  'approve',
  'consolidate',
  'observe',
  'address',
  'resolve',
] as const;

/** Every change of the programme, newest first: who, when, which version, from what to what. */
export function EventsHistory({ events }: { events: readonly ProgrammeEvent[] }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const rows = [...events].sort((a, b) => b.version - a.version || b.id - a.id);
  const actionLabel = (action: string) => {
    const known = KNOWN_ACTIONS.find((item) => item === action);
    return known ? t(`prog.event.${known}`) : action;
  };
  return (
    <section className="card card-flush" aria-labelledby="events-title">
      <div className="card-header">
        <h2 id="events-title" className="card-title">
          {t('prog.events.title')}
        </h2>
      </div>
      {rows.length === 0 ? (
        <p className="empty-state">{t('prog.events.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table-compact" data-testid="events-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('prog.events.version')}
                </th>
                <th scope="col">{t('prog.events.at')}</th>
                <th scope="col">{t('prog.events.actor')}</th>
                <th scope="col">{t('prog.events.action')}</th>
                <th scope="col">{t('prog.events.change')}</th>
                <th scope="col">{t('prog.events.note')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((event) => (
                <tr key={event.id} data-testid="event-row" data-action={event.action}>
                  <td className="num">{event.version}</td>
                  <td className="nowrap">{formatDateTime(event.at)}</td>
                  <td>{event.actor}</td>
                  <td>{actionLabel(event.action)}</td>
                  <td className="nowrap">
                    {event.fromStatus === event.toStatus
                      ? t(`prog.status.${event.toStatus}`)
                      : `${t(`prog.status.${event.fromStatus}`)} → ${t(`prog.status.${event.toStatus}`)}`}
                  </td>
                  <td>{event.note ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
