import { surveillanceApi } from '../../api/surveillanceClient';
import type { AltitudeSourcesItem, AltitudeSourcesResponse } from '@yawar/api';
import { ALTITUDE_SOURCES } from '@yawar/core';
import type { SurveillanceFilters } from '../../domain/surveillanceFilters';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { LoadingState } from '../StatusMessage';
import { pct1, type Formatters } from './explain';
import { SimulatedBadge } from './Explained';

/**
 * How much of the figures rests on fallbacks: for the department, the selected district and every
 * district, the share of children whose Hb was adjusted with the altitude of the record, of their
 * populated place, of the establishment or of the district capital (stacked bar, same children
 * as the prevalence). Loads on its own, so the rest of the page never waits for it.
 */
export function AltitudeSourcesPanel({
  filters,
  selectedUbigeo,
  selectedName,
}: {
  filters: SurveillanceFilters;
  selectedUbigeo: string | null;
  selectedName: string | null;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const f = { t, formatNumber };
  const key = [filters.from, filters.to, filters.ageFrom, filters.ageTo].join('|');
  const { state } = useAuthedResource<{
    department: AltitudeSourcesResponse;
    districts: AltitudeSourcesResponse;
  }>(async (signal) => {
    const [department, districts] = await Promise.all([
      surveillanceApi.altitudeSources(filters, 'department', signal),
      surveillanceApi.altitudeSources(filters, 'district', signal),
    ]);
    return { department, districts };
  }, key);

  return (
    <section
      className="card alt-sources"
      data-testid="altitude-sources"
      aria-labelledby="alt-title"
    >
      <h2 id="alt-title" className="card-title">
        {t('surv.alt.title')}
        {state.status === 'ready' && state.data.department.dataSource !== 'records' && (
          <SimulatedBadge />
        )}
      </h2>
      <p className="fine-print">{t('surv.alt.intro')}</p>
      <ul className="alt-legend">
        {ALTITUDE_SOURCES.map((source) => (
          <li key={source}>
            <span className={`alt-key alt-${source}`} aria-hidden="true" />
            {t(`surv.alt.source.${source}`)}
          </li>
        ))}
      </ul>
      {state.status === 'loading' && <LoadingState />}
      {(state.status === 'error' || state.status === 'not_found') && (
        <p className="muted">{t('surv.alt.unavailable')}</p>
      )}
      {state.status === 'ready' && (
        <AltitudeSourcesBody
          department={state.data.department}
          districts={state.data.districts}
          selectedUbigeo={selectedUbigeo}
          selectedName={selectedName}
          f={f}
        />
      )}
    </section>
  );
}

function AltitudeSourcesBody({
  department,
  districts,
  selectedUbigeo,
  selectedName,
  f,
}: {
  department: AltitudeSourcesResponse;
  districts: AltitudeSourcesResponse;
  selectedUbigeo: string | null;
  selectedName: string | null;
  f: Formatters;
}) {
  const { t, formatNumber } = f;
  const whole = department.items[0];
  if (!whole) return <p className="empty-state">{t('surv.alt.empty')}</p>;
  const selected = selectedUbigeo
    ? districts.items.find((item) => item.areaCode === selectedUbigeo)
    : undefined;
  // Most fallback first: where the adjustment is least certain.
  const byFallback = [...districts.items].sort((a, b) => fallback(b) - fallback(a));
  return (
    <>
      <SourceBar label={t('surv.alt.department')} item={whole} f={f} testId="alt-department" />
      {selected && selectedName && (
        <SourceBar
          label={t('surv.alt.selected', { name: selectedName })}
          item={selected}
          f={f}
          testId="alt-selected"
        />
      )}
      <details className="alt-details">
        <summary>{t('surv.alt.byDistrict', { n: formatNumber(districts.items.length) })}</summary>
        {byFallback.map((item) => (
          <SourceBar key={item.areaCode} label={item.areaName} item={item} f={f} compact />
        ))}
      </details>
    </>
  );
}

const fallback = (item: AltitudeSourcesItem) =>
  item.shares.establishment + item.shares.district_capital;

function SourceBar({
  label,
  item,
  f,
  compact = false,
  testId,
}: {
  label: string;
  item: AltitudeSourcesItem;
  f: Formatters;
  compact?: boolean;
  testId?: string;
}) {
  const { t, formatNumber } = f;
  const lines = ALTITUDE_SOURCES.map((source) =>
    t('surv.alt.share', {
      source: t(`surv.alt.source.${source}`),
      share: pct1(item.shares[source], f),
      count: formatNumber(item.counts[source]),
      n: formatNumber(item.n),
    }),
  );
  return (
    <div className={compact ? 'alt-row alt-row-compact' : 'alt-row'} data-testid={testId}>
      <div className="alt-row-label">
        <span>{label}</span>
        <span className="fine-print">
          {t('surv.alt.fallback', { share: pct1(fallback(item), f) })}
        </span>
      </div>
      <div className="alt-bar" role="img" aria-label={lines.join('; ')} title={lines.join('\n')}>
        {ALTITUDE_SOURCES.filter((source) => item.shares[source] > 0).map((source) => (
          <span
            key={source}
            className={`alt-segment alt-${source}`}
            style={{ width: `${item.shares[source] * 100}%` }}
            data-source={source}
            data-share={item.shares[source]}
          />
        ))}
      </div>
    </div>
  );
}
