import type { HbRule, RuleId } from '@yawar/api';
import { SURVEILLANCE_DEPARTMENT } from '../../api/surveillanceClient';
import {
  AGE_BANDS,
  GRANULARITIES,
  MICRORED_FILTERED_AREAS,
  monthEnd,
  monthStart,
  TABLE_AREAS,
  type SurveillanceFilters,
} from '../../domain/surveillanceFilters';
import { useMicroreds } from '../../hooks/useMicroreds';
import { useT } from '../../i18n/I18nProvider';
import { MicroredSelect } from '../MicroredSelect';

/** Filters apply as soon as they change: each one is a single choice, there is nothing to submit. */
export function SurveillanceFiltersBar({
  rules,
  filters,
  onChange,
}: {
  rules: readonly HbRule[];
  filters: SurveillanceFilters;
  onChange: (next: SurveillanceFilters) => void;
}) {
  const t = useT();
  const set = (patch: Partial<SurveillanceFilters>) => onChange({ ...filters, ...patch });
  const selectedRule = rules.find((item) => item.id === filters.rule);
  const microreds = useMicroreds(SURVEILLANCE_DEPARTMENT);
  return (
    <section className="card surveillance-filters" aria-label={t('filters.title')}>
      <label className="form-field filter-rule">
        <span className="field-label">{t('surv.filter.rule')}</span>
        <select
          className="select"
          value={filters.rule}
          onChange={(event) => set({ rule: event.target.value as RuleId })}
          data-testid="surveillance-rule"
          title={selectedRule ? `${selectedRule.title}\n${selectedRule.source}` : undefined}
        >
          {rules.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
              {item.isDefault ? ` (${t('surv.filter.default')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span className="field-label">{t('surv.filter.granularity')}</span>
        <select
          className="select"
          value={filters.granularity}
          onChange={(event) =>
            set({ granularity: event.target.value as SurveillanceFilters['granularity'] })
          }
          data-testid="surveillance-granularity"
        >
          {GRANULARITIES.map((value) => (
            <option key={value} value={value}>
              {t(`surv.period.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span className="field-label">{t('audit.from')}</span>
        <input
          type="month"
          className="text-input"
          value={filters.from.slice(0, 7)}
          max={filters.to.slice(0, 7) || undefined}
          onChange={(event) => set({ from: monthStart(event.target.value) })}
          data-testid="surveillance-from"
        />
      </label>
      <label className="form-field">
        <span className="field-label">{t('audit.to')}</span>
        <input
          type="month"
          className="text-input"
          value={filters.to.slice(0, 7)}
          min={filters.from.slice(0, 7) || undefined}
          onChange={(event) => set({ to: monthEnd(event.target.value) })}
          data-testid="surveillance-to"
        />
      </label>
      <label className="form-field">
        <span className="field-label">{t('surv.filter.age')}</span>
        <select
          className="select"
          value={`${filters.ageFrom}-${filters.ageTo}`}
          onChange={(event) => {
            const [ageFrom, ageTo] = event.target.value.split('-').map(Number);
            if (ageFrom !== undefined && ageTo !== undefined) set({ ageFrom, ageTo });
          }}
          data-testid="surveillance-age"
        >
          {AGE_BANDS.map(([from, to]) => (
            <option key={`${from}-${to}`} value={`${from}-${to}`}>
              {t('surv.filter.ageBand', { from, to })}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span className="field-label">{t('surv.filter.area')}</span>
        <select
          className="select"
          value={filters.area}
          onChange={(event) => set({ area: event.target.value as SurveillanceFilters['area'] })}
          data-testid="surveillance-area"
        >
          {TABLE_AREAS.map((value) => (
            <option key={value} value={value}>
              {t(`surv.area.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {microreds && MICRORED_FILTERED_AREAS.includes(filters.area) && (
        <MicroredSelect
          microreds={microreds.features.map((feature) => feature.properties)}
          value={filters.microred || null}
          onChange={(code) => set({ microred: code ?? '' })}
          testId="surveillance-microred"
          className="form-field"
          hint={t('microred.filterHint')}
        />
      )}
    </section>
  );
}
