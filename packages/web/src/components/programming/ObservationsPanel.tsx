import type { ProgrammeSheet } from '@yawar/api';
import type { ObservationCriticality } from '@yawar/core';
import type { MutationResult } from '../../hooks/useProgrammingSheet';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { ObservationForm } from './ObservationForm';
import { ObservationItem } from './ObservationItem';

const ORDER = { open: 0, addressed: 1, resolved: 2 } as const;
const CRITICALITY = { high: 0, medium: 1, low: 2 } as const;

/**
 * CENARES' problem list on the programme (QAT-style): open ones first, the most critical first.
 * Reviewers add and resolve observations; a returned programme's unit answers each one.
 */
export function ObservationsPanel({
  sheet,
  onAdd,
  onAddress,
  onResolve,
}: {
  sheet: ProgrammeSheet;
  onAdd: (
    resourceCode: string | null,
    criticality: ObservationCriticality,
    note: string,
  ) => Promise<MutationResult>;
  onAddress: (id: number, response: string) => Promise<MutationResult>;
  onResolve: (id: number) => Promise<MutationResult>;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const names = new Map(sheet.lines.map((line) => [line.resourceCode, line.resourceName]));
  const observations = [...sheet.observations].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      CRITICALITY[a.criticality] - CRITICALITY[b.criticality] ||
      a.id - b.id,
  );
  const open = observations.filter((item) => item.status === 'open').length;
  const canAddress = sheet.editable && sheet.programme.status === 'returned';

  return (
    <section className="card" aria-labelledby="observations-title" data-testid="observations-panel">
      <h2 id="observations-title" className="card-title">
        {t('prog.obs.title')}{' '}
        <span className="muted" data-testid="observations-open-count">
          {t('prog.obs.openCount', { n: formatNumber(open) })}
        </span>
      </h2>
      {observations.length === 0 ? (
        <p className="muted">{t('prog.obs.empty')}</p>
      ) : (
        <ul className="prog-observations">
          {observations.map((observation) => (
            <ObservationItem
              key={observation.id}
              observation={observation}
              lineName={
                observation.resourceCode
                  ? `${names.get(observation.resourceCode) ?? observation.resourceCode} (${observation.resourceCode})`
                  : t('prog.obs.general')
              }
              canAddress={canAddress && observation.status === 'open'}
              canResolve={sheet.canReview && observation.status !== 'resolved'}
              onAddress={(response) => onAddress(observation.id, response)}
              onResolve={() => onResolve(observation.id)}
            />
          ))}
        </ul>
      )}
      {canAddress && open > 0 && <p className="fine-print">{t('prog.obs.answerHint')}</p>}
      {sheet.canReview && <ObservationForm lines={sheet.lines} onAdd={onAdd} />}
    </section>
  );
}
