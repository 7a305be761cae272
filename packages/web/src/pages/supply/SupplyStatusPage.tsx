import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { supplyApi } from '../../api/supplyClient';
import type {
  DistrictCollection,
  StockAreaItem,
  StockEstablishmentPoint,
  StockStatusResponse,
} from '@yawar/api';
import { hasPermission, useAuth } from '../../auth/AuthProvider';
import { ForbiddenState } from '../../components/ForbiddenState';
import { PageLayout } from '../../components/PageLayout';
import { ErrorState, LoadingState } from '../../components/StatusMessage';
import { AvailabilityLegend } from '../../components/supply/AvailabilityLegend';
import { EstablishmentStock } from '../../components/supply/EstablishmentStock';
import { levelText, ratioText, ruleSetTitle } from '../../components/supply/explainStock';
import { StockFiltersBar } from '../../components/supply/StockFiltersBar';
import { StockKeyFigures } from '../../components/supply/StockKeyFigures';
import { StockMethodsNote } from '../../components/supply/StockMethodsNote';
import { establishmentRow, StockTable } from '../../components/supply/StockTable';
import {
  readSupplyView,
  writeSupplyView,
  type AreaFilter,
  type SupplyView,
} from '../../components/supply/supplyFilters';
import { SupplySimulatedBadge } from '../../components/supply/SupplySimulatedBadge';
import { useMicroreds } from '../../hooks/useMicroreds';
import { useLastReady } from '../../hooks/useSurveillanceData';
import { useSupplyDistricts, useSupplyStatus } from '../../hooks/useSupplyStatus';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link, useLocation, useNavigate } from '../../router/router';

// MapLibre in its own chunk, fetched at once, as on the other map pages.
const mapModule = import('../../components/supply/SupplyMap');
const SupplyMap = lazy(() => mapModule.then((m) => ({ default: m.SupplyMap })));

const PATH = '/abastecimiento';

export function SupplyStatusPage() {
  const t = useT();
  const { state, reload } = useSupplyDistricts();
  return (
    <PageLayout title={t('sup.title')}>
      {state.status === 'forbidden' && <ForbiddenState title="forbidden.page" />}
      {state.status === 'loading' && <LoadingState />}
      {(state.status === 'error' || state.status === 'not_found') && (
        <ErrorState error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && <Dashboard districts={state.data} />}
    </PageLayout>
  );
}

/** The establishments of the area drilled into (all of them without a drill-down). */
function establishmentsIn(
  establishments: readonly StockEstablishmentPoint[],
  area: AreaFilter | null,
): StockEstablishmentPoint[] {
  if (!area) return [...establishments];
  return establishments.filter((e) => {
    const of = area.level === 'executing_unit' ? e.executingUnit : e[area.level];
    return (of?.code ?? '') === area.code;
  });
}

function areaName(response: StockStatusResponse, area: AreaFilter): string {
  const member = response.establishments.find((e) => {
    const of = area.level === 'executing_unit' ? e.executingUnit : e[area.level];
    return (of?.code ?? '') === area.code;
  });
  const of =
    member && (area.level === 'executing_unit' ? member.executingUnit : member[area.level]);
  return of?.name ?? area.code;
}

function Dashboard({ districts }: { districts: DistrictCollection }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { search } = useLocation();
  const navigate = useNavigate();
  const view = readSupplyView(search);
  const status = useSupplyStatus(view);
  const response = useLastReady(status.state);
  const canImport = hasPermission(useAuth().user, 'supply:import');
  const detailRef = useRef<HTMLDivElement>(null);
  // Drilled into a microred: its approximate outline on the map (an envelope of its establishments).
  const microreds = useMicroreds('06');
  const microredOutline = useMemo(() => {
    if (view.area?.level !== 'microred') return null;
    const code = view.area.code;
    const found = microreds?.features.find((f) => f.properties.code === code);
    return found?.geometry ? { ...found, geometry: found.geometry } : null;
  }, [microreds, view.area?.level, view.area?.code]);

  // Replace, not push: trying filters one after another should not fill the Back button's history.
  const apply = useCallback(
    (next: SupplyView) => navigate(`${PATH}${writeSupplyView(next)}`, { replace: true }),
    [navigate],
  );
  const open = useCallback(
    (code: string) => apply({ ...view, establishment: code }),
    [apply, view],
  );

  useEffect(() => {
    if (view.establishment) detailRef.current?.scrollIntoView({ block: 'nearest' });
  }, [view.establishment]);

  const byCode = useMemo(
    () => new Map((response?.establishments ?? []).map((e) => [e.code, e])),
    [response],
  );
  const hoverLines = useCallback(
    (code: string) => {
      const e = byCode.get(code);
      if (!e) return [];
      const f = { t, formatNumber };
      const lines = [
        t('sup.hover.availability', { value: ratioText(e.ratio, f), level: levelText(e.level, f) }),
        t('sup.hover.products', {
          available: formatNumber(e.available),
          evaluated: formatNumber(e.evaluated),
        }),
      ];
      if (e.simulated) lines.push(t('sup.simulated'));
      return lines;
    },
    [byCode, t, formatNumber],
  );

  if (status.state.status === 'forbidden') return <ForbiddenState title="forbidden.page" />;
  const error =
    status.state.status === 'error' || status.state.status === 'not_found'
      ? status.state.error
      : null;
  const stale = status.state.status === 'loading';

  const rows: StockAreaItem[] = response
    ? view.area
      ? establishmentsIn(response.establishments, view.area).map(establishmentRow)
      : response.items
    : [];
  const rowLevel = view.area ? 'establishment' : view.level;
  const filters = { month: view.month, ruleSet: view.ruleSet, level: view.level };
  const missingCoordinates = response
    ? response.establishments.filter((e) => e.lat === null || e.lon === null).length
    : 0;

  return (
    <div className="page-content page-content-wide supply-page" data-testid="supply-page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-kicker">{t('sup.kicker')}</p>
          <h1 className="page-title">
            {t('sup.title')} {response?.simulated && <SupplySimulatedBadge large />}
          </h1>
          <p className="muted">{t('sup.intro')}</p>
        </div>
        <div className="export-buttons">
          {canImport && (
            <Link
              className="button button-outline"
              to="/abastecimiento/importar"
              data-testid="supply-import-link"
            >
              {t('sup.import.open')}
            </Link>
          )}
          <a
            className="button button-outline"
            href={supplyApi.exportUrl(filters, 'xlsx')}
            download
            data-testid="supply-export-xlsx"
            title={t('sup.export.hint', { level: t(`sup.levelLower.${view.level}`) })}
          >
            {t('sup.export.xlsx')}
          </a>
          <a
            className="button button-outline"
            href={supplyApi.exportUrl(filters, 'csv')}
            download
            data-testid="supply-export-csv"
            title={t('sup.export.hint', { level: t(`sup.levelLower.${view.level}`) })}
          >
            {t('sup.export.csv')}
          </a>
        </div>
      </header>

      {response?.simulated && (
        <p className="simulated-banner" role="note" data-testid="supply-simulated-banner">
          <strong>{t('sup.simulated')}</strong> {t('sup.simulatedHint')} {t('sup.simulatedBanner')}
        </p>
      )}

      <StockFiltersBar
        view={view}
        latestMonth={response?.latestMonth ?? null}
        ruleSets={response?.ruleSets ?? []}
        onChange={apply}
      />

      {error && <ErrorState error={error} onRetry={status.reload} />}
      {!response && !error && <LoadingState />}

      {response && response.month === null && (
        <section className="card empty-state" data-testid="supply-no-data">
          {view.month ? t('sup.noDataMonth', { month: view.month }) : t('sup.noData')}
        </section>
      )}

      {response && response.month !== null && (
        <>
          <section className={stale ? 'card is-stale' : 'card'} aria-label={t('sup.kf.title')}>
            <StockKeyFigures response={response} />
          </section>

          <section className="card card-flush map-card" aria-label={t('sup.map.title')}>
            <div className="map-card-header">
              <h2 className="card-title">
                {t('sup.map.title')}
                {response.simulated && <SupplySimulatedBadge />}
              </h2>
              <p className="fine-print">
                {t('sup.map.subtitle', {
                  month: response.month,
                  rule: ruleSetTitle(response.ruleSet, t),
                })}
                {missingCoordinates > 0 &&
                  ` · ${t('sup.map.noCoordinates', { n: formatNumber(missingCoordinates) })}`}
              </p>
            </div>
            <div className="map-area supply-map-area">
              <Suspense fallback={<LoadingState />}>
                <SupplyMap
                  districts={districts}
                  establishments={response.establishments}
                  selected={view.establishment}
                  onSelect={open}
                  hoverLines={hoverLines}
                  microredOutline={microredOutline}
                />
              </Suspense>
              <AvailabilityLegend response={response} />
            </div>
          </section>

          {view.establishment && (
            <div ref={detailRef}>
              <EstablishmentStock
                key={`${view.establishment}|${response.month}|${response.ruleSet.id}`}
                code={view.establishment}
                month={response.month}
                ruleSet={response.ruleSet.id}
                onClose={() => apply({ ...view, establishment: null })}
              />
            </div>
          )}

          <section
            className={stale ? 'card card-flush is-stale' : 'card card-flush'}
            aria-labelledby="supply-table-title"
          >
            <div className="card-header">
              <h2 id="supply-table-title" className="card-title">
                {view.area
                  ? t('sup.table.titleIn', {
                      area:
                        areaName(response, view.area) ||
                        t('sup.unassigned', { level: t(`sup.levelLower.${view.area.level}`) }),
                    })
                  : t('sup.table.title', { level: t(`sup.levelLower.${view.level}`) })}
                {response.simulated && <SupplySimulatedBadge />}
              </h2>
              <p className="fine-print" data-testid="supply-row-count">
                {t('sup.table.count', { n: formatNumber(rows.length) })}
                {view.area && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => apply({ ...view, area: null })}
                      data-testid="supply-back"
                    >
                      {t('sup.table.back', { level: t(`sup.levelLower.${view.level}`) })}
                    </button>
                  </>
                )}
              </p>
            </div>
            <StockTable
              response={response}
              rows={rows}
              rowLevel={rowLevel}
              selected={view.establishment}
              onDrill={(item) =>
                rowLevel !== 'establishment' &&
                apply({ ...view, area: { level: rowLevel, code: item.areaCode } })
              }
              onOpen={open}
            />
          </section>

          <StockMethodsNote response={response} />
        </>
      )}
    </div>
  );
}
