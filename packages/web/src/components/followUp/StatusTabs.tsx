import type { FollowUpStatus } from '@yawar/api';
import { STATUS_FILTERS, type StatusFilter } from '../../domain/followUp';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';

/**
 * One button per status with its count, most urgent first. Toggle buttons rather than ARIA tabs:
 * they filter one table, there are no separate panels to switch between.
 */
export function StatusTabs({
  counts,
  status,
  onChange,
}: {
  counts: Record<FollowUpStatus, number>;
  status: StatusFilter;
  onChange: (status: StatusFilter) => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <div className="status-tabs" role="group" aria-label={t('fu.tabs.label')}>
      {STATUS_FILTERS.map((value) => (
        <button
          key={value}
          type="button"
          className={`status-tab status-tab-${value}`}
          aria-pressed={value === status}
          onClick={() => onChange(value)}
          title={value === 'all' ? undefined : t(`fu.statusHint.${value}`)}
          data-testid={`follow-up-tab-${value}`}
        >
          {value !== 'all' && <span className="status-dot" aria-hidden="true" />}
          <span>{t(`fu.tab.${value}`)}</span>
          <span className="status-tab-count" data-testid={`follow-up-count-${value}`}>
            {formatNumber(value === 'all' ? total : counts[value])}
          </span>
        </button>
      ))}
    </div>
  );
}
