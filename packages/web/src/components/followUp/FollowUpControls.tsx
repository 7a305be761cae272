import { useMemo, useState } from 'react';
import type { EstablishmentFeature, HbRule, RuleId } from '@yawar/api';
import { useAuth } from '../../auth/AuthProvider';
import { microredCodeOf } from '../../domain/establishmentFilters';
import { localToday, type FollowUpQuery } from '../../domain/followUp';
import { useMicroreds } from '../../hooks/useMicroreds';
import { MicroredSelect } from '../MicroredSelect';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { EstablishmentPicker } from './EstablishmentPicker';

/** Which establishment, under which rule, as of which day: each applies as soon as it changes. */
export function FollowUpControls({
  establishments,
  rules,
  query,
  today,
  onEstablishment,
  onChange,
}: {
  establishments: readonly EstablishmentFeature[];
  rules: readonly HbRule[] | null;
  query: FollowUpQuery;
  today: string;
  onEstablishment: (code: string) => void;
  onChange: (next: FollowUpQuery) => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { user } = useAuth();
  const defaultRule = rules?.find((item) => item.isDefault)?.id ?? null;
  const selectedRule = rules?.find((item) => item.id === (query.rule ?? defaultRule));
  // A planner of a microred picks it, then one of its establishments (listed below the picker).
  const outlines = useMicroreds('06');
  const [microred, setMicrored] = useState<string | null>(null);
  const microreds = useMemo(() => {
    // Only the microredes the user may open something in.
    const reachable = new Set(establishments.map((feature) => microredCodeOf(feature.properties)));
    return (outlines?.features ?? [])
      .map((feature) => feature.properties)
      .filter((item) => reachable.has(item.code));
  }, [outlines, establishments]);
  const inMicrored = useMemo(
    () =>
      microred === null
        ? establishments
        : establishments
            .filter((feature) => microredCodeOf(feature.properties) === microred)
            .sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'es')),
    [establishments, microred],
  );
  const setToday = (value: string) =>
    // Today is the default and stays out of the URL, so a bookmark always opens on the current day.
    onChange({ ...query, today: value && value !== localToday() ? value : null });

  return (
    <section className="card follow-up-controls" aria-label={t('filters.title')}>
      <div className="follow-up-picker">
        {microreds.length > 1 && (
          <MicroredSelect
            microreds={microreds}
            value={microred}
            onChange={setMicrored}
            testId="follow-up-microred"
          />
        )}
        <EstablishmentPicker establishments={inMicrored} onSelect={onEstablishment} />
        {microred !== null && (
          <nav aria-label={t('microred.establishments')}>
            <ul className="microred-establishments" data-testid="follow-up-microred-list">
              {inMicrored.map((feature) => (
                <li key={feature.properties.code}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onEstablishment(feature.properties.code)}
                    title={t('fu.picker.meta', {
                      code: feature.properties.code,
                      category: feature.properties.category,
                      district: feature.properties.districtName,
                    })}
                  >
                    {feature.properties.name} · {feature.properties.category}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {user && user.scope.kind !== 'national' && (
          <p className="field-hint">
            {t('fu.picker.scope', {
              n: formatNumber(establishments.length),
              scope: user.scope.label,
            })}
          </p>
        )}
      </div>
      {rules && rules.length > 0 && (
        <label className="form-field">
          <span className="field-label">{t('surv.filter.rule')}</span>
          <select
            className="select"
            value={query.rule ?? defaultRule ?? ''}
            onChange={(event) => {
              const rule = event.target.value as RuleId;
              onChange({ ...query, rule: rule === defaultRule ? null : rule });
            }}
            data-testid="follow-up-rule"
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
      )}
      <label className="form-field">
        <span className="field-label">{t('fu.today')}</span>
        <span className="date-with-reset">
          <input
            type="date"
            className="text-input"
            value={today}
            required
            onChange={(event) => setToday(event.target.value)}
            data-testid="follow-up-today"
          />
          {query.today && (
            <button
              type="button"
              className="link-button"
              onClick={() => setToday('')}
              data-testid="follow-up-today-reset"
            >
              {t('fu.today.reset')}
            </button>
          )}
        </span>
        {/* The API moves only the deadlines to this date: later tests on record still count. */}
        {query.today && query.today < localToday() && (
          <span className="field-hint" data-testid="follow-up-past-hint">
            {t('fu.today.pastHint')}
          </span>
        )}
      </label>
    </section>
  );
}
