import type { ProgrammeStatus } from '@yawar/core';
import { useT } from '../../i18n/I18nProvider';

/** A programme's status, coloured by how far along the workflow it is. */
export function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const t = useT();
  return (
    <span
      className={`prog-status prog-status-${status}`}
      title={t(`prog.statusHint.${status}`)}
      data-testid="programme-status"
      data-status={status}
    >
      {t(`prog.status.${status}`)}
    </span>
  );
}
