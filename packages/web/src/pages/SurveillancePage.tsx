import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { SURVEILLANCE_DEPARTMENT, surveillanceApi } from '../api/surveillanceClient';
import type { SurveillanceFilters } from '../domain/surveillanceFilters';
import { hasPermission, useAuth } from '../auth/AuthProvider';
import { ForbiddenState } from '../components/ForbiddenState';
import { PageLayout } from '../components/PageLayout';
import { ErrorState, LoadingState } from '../components/StatusMessage';
import { AltitudeSourcesPanel } from '../components/surveillance/AltitudeSourcesPanel';
import { AreaDetails } from '../components/surveillance/AreaDetails';
import { ChoroplethLegend } from '../components/surveillance/ChoroplethLegend';
import { EndesTable } from '../components/surveillance/EndesTable';
import { dataSourceText, percentWithInterval } from '../components/surveillance/explain';
import { SimulatedBadge } from '../components/surveillance/Explained';
import { KeyFigures } from '../components/surveillance/KeyFigures';
import { MethodsNote } from '../components/surveillance/MethodsNote';
import { PrevalenceTable } from '../components/surveillance/PrevalenceTable';
import { ReclassificationBox } from '../components/surveillance/ReclassificationBox';
import { SurveillanceFiltersBar } from '../components/surveillance/SurveillanceFiltersBar';
import { TrendChart } from '../components/surveillance/TrendChart';
import { MICRORED_FILTERED_AREAS, readFilters, writeFilters } from '../domain/surveillanceFilters';
import { useMicroreds } from '../hooks/useMicroreds';
import {
  useLastReady,
  useSurveillanceBase,
  useSurveillanceData,
} from '../hooks/useSurveillanceData';
import type { SurveillanceBase } from '../hooks/useSurveillanceData';
import { useFormatNumber, useT } from '../i18n/I18nProvider';
import type { HoverLabel } from '../map/SurveillanceMap';
import { Link, useLocation, useNavigate } from '../router/router';

// MapLibre in its own chunk, fetched at once, as on the map page.
const mapModule = import('../map/SurveillanceMap');
const SurveillanceMap = lazy(() => mapModule.then((m) => ({ default: m.SurveillanceMap })));

const PATH = '/vigilancia';

export function SurveillancePage() {
  const t = useT();
  const { state, reload } = useSurveillanceBase();
  return (
    <PageLayout title={t('surv.title')}>
      {state.status === 'forbidden' && <ForbiddenState title="forbidden.page" />}
      {state.status === 'loading' && <LoadingState />}
      {(state.status === 'error' || state.status === 'not_found') && (
        <ErrorState error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && <Dashboard base={state.data} />}
    </PageLayout>
  );
}

function Dashboard({ base }: { base: SurveillanceBase }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { search } = useLocation();
  const navigate = useNavigate();
  const filters = readFilters(search, base.rules);
  const { overview, trend, table, reclassification } = useSurveillanceData(filters, base.districts);
  const [selected, setSelected] = useState<string | null>(null);
  const canImport = hasPermission(useAuth().user, 'screenings:import');
  // The microred the table is narrowed to, outlined on the map (an envelope of its establishments).
  const microreds = useMicroreds(SURVEILLANCE_DEPARTMENT);
  const microredOutline = useMemo(() => {
    if (!filters.microred || !MICRORED_FILTERED_AREAS.includes(filters.area)) return null;
    const found = microreds?.features.find((f) => f.properties.code === filters.microred);
    return found?.geometry ? { ...found, geometry: found.geometry } : null;
  }, [microreds, filters.microred, filters.area]);

  // Replace, not push: trying filters one after another should not fill the Back button's history.
  const apply = (next: SurveillanceFilters) =>
    navigate(`${PATH}${writeFilters(next, base.rules)}`, { replace: true });

  const overviewData = useLastReady(overview.state);
  const trendData = useLastReady(trend.state);
  const tableData = useLastReady(table.state);

  const districtNames = useMemo(
    () => new Map(base.districts.features.map((f) => [f.properties.ubigeo, f.properties])),
    [base.districts],
  );
  const districtItems = overviewData?.districts.items ?? null;
  const itemsByCode = useMemo(
    () => new Map((districtItems ?? []).map((item) => [item.areaCode, item])),
    [districtItems],
  );
  const hoverLabel = useCallback(
    (ubigeo: string): HoverLabel | null => {
      const district = districtNames.get(ubigeo);
      if (!district || !overviewData) return null;
      const item = itemsByCode.get(ubigeo);
      const f = { t, formatNumber };
      const lines =
        item && !item.suppressed
          ? [
              percentWithInterval(item, f),
              t('surv.hover.counts', {
                cases: formatNumber(item.cases ?? 0),
                n: formatNumber(item.n),
              }),
            ]
          : [t('surv.noData')];
      if (overviewData.districts.dataSource !== 'records') lines.push(t('surv.simulated'));
      return { title: `${district.name} (${district.provinceName})`, lines };
    },
    [districtNames, itemsByCode, overviewData, t, formatNumber],
  );

  const states = [overview.state, trend.state, table.state, reclassification.state];
  if (states.some((state) => state.status === 'forbidden')) {
    return <ForbiddenState title="forbidden.page" />;
  }
  const overviewError =
    overview.state.status === 'error' || overview.state.status === 'not_found'
      ? overview.state.error
      : null;
  const simulated = overviewData ? overviewData.districts.dataSource !== 'records' : false;
  const selectedDistrict = selected ? districtNames.get(selected) : undefined;
  const rule = base.rules.find((item) => item.id === filters.rule);

  return (
    <div className="page-content page-content-wide surveillance" data-testid="surveillance-page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-kicker">{t('surv.kicker')}</p>
          <h1 className="page-title">
            {t('surv.title')} {simulated && <SimulatedBadge large />}
          </h1>
          <p className="muted">{t('surv.intro')}</p>
        </div>
        <div className="export-buttons">
          {canImport && (
            <Link
              className="button button-outline"
              to="/vigilancia/importar"
              data-testid="surveillance-import"
            >
              {t('imp.open')}
            </Link>
          )}
          <a
            className="button button-outline"
            href={surveillanceApi.exportUrl(filters, 'xlsx')}
            download
            data-testid="export-xlsx"
            title={t('surv.export.hint', { area: t(`surv.areaLower.${filters.area}`) })}
          >
            {t('surv.export.xlsx')}
          </a>
          <a
            className="button button-outline"
            href={surveillanceApi.exportUrl(filters, 'csv')}
            download
            data-testid="export-csv"
            title={t('surv.export.hint', { area: t(`surv.areaLower.${filters.area}`) })}
          >
            {t('surv.export.csv')}
          </a>
        </div>
      </header>

      {simulated && overviewData && (
        <p className="simulated-banner" role="note" data-testid="simulated-banner">
          <strong>{t('surv.simulated')}</strong>{' '}
          {dataSourceText(overviewData.districts, { t, formatNumber })}
          {' — '}
          {t('surv.simulatedBanner')}
        </p>
      )}

      <SurveillanceFiltersBar rules={base.rules} filters={filters} onChange={apply} />

      {overviewError && <ErrorState error={overviewError} onRetry={overview.reload} />}
      {!overviewData && !overviewError && <LoadingState />}

      {overviewData && (
        <>
          <section
            className={overview.state.status === 'loading' ? 'card is-stale' : 'card'}
            aria-label={t('surv.kf.title')}
          >
            <KeyFigures department={overviewData.department} />
          </section>

          <div className="surveillance-grid">
            <section className="card card-flush map-card" aria-label={t('surv.map.title')}>
              <div className="map-card-header">
                <h2 className="card-title">
                  {t('surv.map.title')}
                  {simulated && <SimulatedBadge />}
                </h2>
                <p className="fine-print">
                  {t('surv.map.subtitle', {
                    rule: overviewData.districts.rule.title,
                    ages: t('surv.filter.ageBand', { from: filters.ageFrom, to: filters.ageTo }),
                  })}
                </p>
              </div>
              <div className="map-area surveillance-map-area">
                <Suspense fallback={<LoadingState />}>
                  <SurveillanceMap
                    districts={base.districts}
                    items={districtItems}
                    pending={overview.state.status === 'loading'}
                    selectedUbigeo={selected}
                    onSelect={setSelected}
                    hoverLabel={hoverLabel}
                    microredOutline={microredOutline}
                  />
                </Suspense>
                <ChoroplethLegend ruleTitle={overviewData.districts.rule.title} />
                {microredOutline && (
                  <p className="fine-print" data-testid="surveillance-microred-outline">
                    <span className="legend-line legend-line-microred" aria-hidden="true" />{' '}
                    {t('microred.outline.legend')} ({microredOutline.properties.name}):{' '}
                    {t('microred.outline.note')}
                  </p>
                )}
              </div>
            </section>
            <div className="surveillance-side">
              <section className="card">
                {selectedDistrict ? (
                  <AreaDetails
                    name={selectedDistrict.name}
                    subtitle={t('surv.map.districtOf', { province: selectedDistrict.provinceName })}
                    item={itemsByCode.get(selectedDistrict.ubigeo) ?? null}
                    response={overviewData.districts}
                    onClose={() => setSelected(null)}
                  />
                ) : (
                  <p className="muted">{t('surv.map.hint')}</p>
                )}
              </section>
              <ReclassificationBox
                rules={base.rules}
                rule={filters.rule}
                compare={filters.compare}
                onCompareChange={(compare) => apply({ ...filters, compare })}
                state={reclassification.state}
                onRetry={reclassification.reload}
              />
              <AltitudeSourcesPanel
                filters={filters}
                selectedUbigeo={selectedDistrict ? selected : null}
                selectedName={selectedDistrict?.name ?? null}
              />
            </div>
          </div>
        </>
      )}

      <section
        className={trend.state.status === 'loading' ? 'card is-stale' : 'card'}
        aria-labelledby="trend-title"
      >
        <h2 id="trend-title" className="card-title">
          {t('surv.trend.title')}
        </h2>
        {trend.state.status === 'error' && (
          <ErrorState error={trend.state.error} onRetry={trend.reload} />
        )}
        {trendData ? (
          <TrendChart trend={trendData} endes={base.endes} rule={filters.rule} />
        ) : (
          <LoadingState />
        )}
        {base.endes && <EndesTable endes={base.endes} />}
      </section>

      <section
        className={
          table.state.status === 'loading' ? 'card card-flush is-stale' : 'card card-flush'
        }
        aria-labelledby="table-title"
      >
        <div className="card-header">
          <h2 id="table-title" className="card-title">
            {t('surv.table.title', { area: t(`surv.areaLower.${filters.area}`) })}
            {tableData && tableData.dataSource !== 'records' && <SimulatedBadge />}
          </h2>
          {tableData && (
            <p className="fine-print" data-testid="prevalence-row-count">
              {t('surv.table.count', { n: formatNumber(tableData.items.length) })}
            </p>
          )}
        </div>
        {table.state.status === 'error' && (
          <ErrorState error={table.state.error} onRetry={table.reload} />
        )}
        {tableData ? <PrevalenceTable response={tableData} /> : <LoadingState />}
      </section>

      {overviewData && rule && (
        <MethodsNote response={overviewData.districts} rule={rule} endes={base.endes} />
      )}
    </div>
  );
}
