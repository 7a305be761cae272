import type { RoundSummary } from '@yawar/api';
import { useT } from '../../i18n/I18nProvider';

/**
 * The round's state, read the same way on the round list and on the consolidation page (issue
 * #10: one said "Consolidada" while the other said "Abierta"): consolidated once every programme
 * is; open and partly consolidated while some units are still pending; otherwise open.
 */
export function roundStatusOf(
  round: Pick<RoundSummary, 'status' | 'consolidatedAt'>,
): 'open' | 'partial' | 'consolidated' {
  if (round.status === 'consolidated') return 'consolidated';
  return round.consolidatedAt ? 'partial' : 'open';
}

export function RoundStatus({ round }: { round: Pick<RoundSummary, 'status' | 'consolidatedAt'> }) {
  const t = useT();
  const status = roundStatusOf(round);
  return (
    <span
      className={status === 'consolidated' ? 'pill' : 'pill pill-yes'}
      data-testid="round-status"
      data-status={status}
    >
      {t(`prog.roundStatus.${status}`)}
    </span>
  );
}
