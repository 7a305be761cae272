import type { StockRuleSet, StockRuleSetId } from '@yawar/api';
import { useT } from '../../i18n/I18nProvider';
import { ruleSetTitle } from './explainStock';
import { STOCK_LEVELS, type SupplyView } from './supplyFilters';

/** Months offered: the 36 up to the latest with data, newest first. */
function monthsUpTo(latest: string, count = 36): string[] {
  const [year = 0, month = 1] = latest.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - 1 - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Each filter applies as soon as it changes: single choices, nothing to submit. */
export function StockFiltersBar({
  view,
  latestMonth,
  ruleSets,
  onChange,
}: {
  view: SupplyView;
  latestMonth: string | null;
  ruleSets: readonly StockRuleSet[];
  onChange: (next: SupplyView) => void;
}) {
  const t = useT();
  const set = (patch: Partial<SupplyView>) => onChange({ ...view, ...patch });
  const ruleSet =
    ruleSets.find((r) => r.id === view.ruleSet) ?? ruleSets.find((r) => r.isDefault) ?? null;
  return (
    <section className="card supply-filters" aria-label={t('filters.title')}>
      <label className="form-field">
        <span className="field-label">{t('sup.filter.month')}</span>
        <select
          className="select"
          value={view.month ?? ''}
          onChange={(event) => set({ month: event.target.value || null, establishment: null })}
          data-testid="supply-month"
        >
          <option value="">{t('sup.filter.monthLatest', { month: latestMonth ?? '—' })}</option>
          {latestMonth &&
            monthsUpTo(latestMonth).map((month) => (
              <option key={month} value={month}>
                {month}
              </option>
            ))}
        </select>
      </label>
      <label className="form-field filter-rule">
        <span className="field-label">{t('sup.filter.ruleSet')}</span>
        <select
          className="select"
          value={ruleSet?.id ?? ''}
          onChange={(event) => set({ ruleSet: event.target.value as StockRuleSetId })}
          data-testid="supply-rule-set"
          title={ruleSet ? `${ruleSetTitle(ruleSet, t)}\n${ruleSet.source}` : undefined}
        >
          {ruleSets.map((item) => (
            <option key={item.id} value={item.id}>
              {ruleSetTitle(item, t)}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span className="field-label">{t('sup.filter.level')}</span>
        <select
          className="select"
          value={view.level}
          onChange={(event) =>
            set({ level: event.target.value as SupplyView['level'], area: null })
          }
          data-testid="supply-level"
        >
          {STOCK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`sup.level.${level}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
