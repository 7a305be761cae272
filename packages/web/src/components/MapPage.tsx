import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import type {
  CategoryCode,
  EstablishmentFeature,
  EstablishmentProperties,
  HealthResponse,
} from '@yawar/api';
import { ESTABLISHMENT_CATEGORIES } from '@yawar/core';
import { countByCategory, filterEstablishments } from '../domain/establishmentFilters';
import { useDepartmentData, type DepartmentData } from '../hooks/useDepartmentData';
import { useHealth } from '../hooks/useHealth';
import { useMicroreds } from '../hooks/useMicroreds';
import { useT } from '../i18n/I18nProvider';
import type { FlyToRequest } from '../map/MapView';
import { DetailsPanel } from './DetailsPanel';
import { FilterPanel } from './FilterPanel';
import { Header } from './Header';
import { Legend } from './Legend';
import { loginPath, Navigate } from '../router/router';
import { useAuth } from '../auth/AuthProvider';
import { SourceFooter } from './SourceFooter';
import { ErrorState, LoadingState } from './StatusMessage';

// MapLibre is ~80% of the JavaScript. Loading it as a separate chunk lets the page shell render
// and the API requests start while it downloads, which matters on slow regional connections.
// The import starts immediately (not on first render) so it downloads in parallel with the data.
const mapViewModule = import('../map/MapView');
const MapView = lazy(() => mapViewModule.then((module) => ({ default: module.MapView })));

/** The pilot department. Other departments only need a different ubigeo here. */
const DEPARTMENT = '06';

type Selection =
  { kind: 'establishment'; code: string } | { kind: 'district'; ubigeo: string } | null;

export function MapPage() {
  const { state, retry, replaceEstablishment } = useDepartmentData(DEPARTMENT);
  const health = useHealth();
  const ready = state.status === 'ready' ? state.data : null;

  // After a logout, load again: on a server configured closed the data must not stay on screen
  // (the reload answers 401 and the login page replaces the map).
  const { state: auth } = useAuth();
  const wasAuthenticated = useRef(false);
  useEffect(() => {
    if (auth.status === 'authenticated') wasAuthenticated.current = true;
    if (auth.status === 'anonymous' && wasAuthenticated.current) {
      wasAuthenticated.current = false;
      retry();
    }
  }, [auth.status, retry]);

  if (ready) {
    return (
      <LoadedMapPage data={ready} health={health} onEstablishmentUpdated={replaceEstablishment} />
    );
  }
  // A server configured closed answers reference data only to logged-in users.
  if (state.status === 'error' && state.error.status === 401)
    return <Navigate to={loginPath('/')} />;
  return (
    <div className="app">
      <Header departmentName={null} counts={null} />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      <SourceFooter health={health} />
    </div>
  );
}

function LoadedMapPage({
  data,
  health,
  onEstablishmentUpdated,
}: {
  data: DepartmentData;
  health: HealthResponse | null;
  onEstablishmentUpdated: (feature: EstablishmentFeature) => void;
}) {
  const t = useT();
  const allEstablishments = data.establishments.features;

  // Categories in level order, keeping only those present in the department (or reported by the API).
  const categories = useMemo(() => {
    const present = new Set<CategoryCode>(data.categories.map((item) => item.code));
    for (const feature of allEstablishments) present.add(feature.properties.category);
    return ESTABLISHMENT_CATEGORIES.filter((code) => present.has(code));
  }, [data.categories, allEstablishments]);
  const labByRule = useMemo(
    () =>
      new Set(data.categories.filter((item) => item.hasLaboratoryByRule).map((item) => item.code)),
    [data.categories],
  );

  const [selectedCategories, setSelectedCategories] = useState<ReadonlySet<CategoryCode>>(
    () => new Set(categories),
  );
  const [network, setNetwork] = useState<string | null>(null);
  // A microred's scope code (06/RED/MICRORED); choosing one also narrows the network to its red.
  const [microred, setMicrored] = useState<string | null>(null);
  const microredOutlines = useMicroreds(DEPARTMENT);
  const microreds = useMemo(
    () => (microredOutlines?.features ?? []).map((feature) => feature.properties),
    [microredOutlines],
  );
  const selectedOutline = useMemo(() => {
    const found = microredOutlines?.features.find((f) => f.properties.code === microred);
    return found?.geometry ? { ...found, geometry: found.geometry } : null;
  }, [microredOutlines, microred]);
  const [selection, setSelection] = useState<Selection>(null);
  const [flyTo, setFlyTo] = useState<FlyToRequest | null>(null);
  const [fitDepartmentRequest, setFitDepartmentRequest] = useState(0);

  const filtered = useMemo(
    () =>
      filterEstablishments(allEstablishments, {
        categories: selectedCategories,
        network,
        microred,
      }),
    [allEstablishments, selectedCategories, network, microred],
  );
  const drawable = useMemo<FeatureCollection<Point, EstablishmentProperties>>(
    () => ({
      type: 'FeatureCollection',
      features: filtered.drawable as FeatureCollection<Point, EstablishmentProperties>['features'],
    }),
    [filtered.drawable],
  );
  const categoryCounts = useMemo(
    () => countByCategory(allEstablishments, network, microred),
    [allEstablishments, network, microred],
  );

  const establishmentsByCode = useMemo(
    () => new Map(allEstablishments.map((feature) => [feature.properties.code, feature])),
    [allEstablishments],
  );
  const districtsByUbigeo = useMemo(
    () =>
      new Map(
        data.districts.features.map((feature) => [feature.properties.ubigeo, feature.properties]),
      ),
    [data.districts],
  );
  const selectedEstablishment =
    selection?.kind === 'establishment' ? (establishmentsByCode.get(selection.code) ?? null) : null;
  const selectedDistrict =
    selection?.kind === 'district' ? (districtsByUbigeo.get(selection.ubigeo) ?? null) : null;

  const requestFlyTo = useCallback((coordinates: [number, number]) => {
    setFlyTo((previous) => ({ id: (previous?.id ?? 0) + 1, coordinates }));
  }, []);

  const selectFromSearch = useCallback(
    (feature: EstablishmentFeature) => {
      setSelection({ kind: 'establishment', code: feature.properties.code });
      const [lng, lat] = feature.geometry?.coordinates ?? [];
      if (lng !== undefined && lat !== undefined) requestFlyTo([lng, lat]);
    },
    [requestFlyTo],
  );

  return (
    <div className="app">
      <Header
        departmentName={data.summary.department.name}
        counts={{
          districts: data.districts.features.length,
          shown: filtered.drawable.length,
          missingCoordinates: filtered.missingCoordinates,
          totalEstablishments: allEstablishments.length,
        }}
      />
      <main className="workspace">
        <FilterPanel
          establishments={allEstablishments}
          networks={data.networks}
          network={network}
          onNetworkChange={(next) => {
            setNetwork(next);
            // A microred of another red would leave nothing on the map.
            if (
              next !== null &&
              microred !== null &&
              !microred.startsWith(`${DEPARTMENT}/${next}/`)
            )
              setMicrored(null);
          }}
          microreds={microreds}
          microred={microred}
          onMicroredChange={(next) => {
            setMicrored(next);
            const item = microreds.find((m) => m.code === next);
            if (item) setNetwork(item.network);
          }}
          categories={categories}
          categoryCounts={categoryCounts}
          labByRule={labByRule}
          selectedCategories={selectedCategories}
          onCategoriesChange={setSelectedCategories}
          onSelectEstablishment={selectFromSearch}
          onReset={() => {
            setSelectedCategories(new Set(categories));
            setNetwork(null);
            setMicrored(null);
          }}
        />
        <section className="map-area">
          <Suspense fallback={<LoadingState />}>
            <MapView
              districts={data.districts}
              provinces={data.provinces}
              establishments={drawable}
              selectedEstablishment={selectedEstablishment}
              selectedDistrictUbigeo={
                selectedDistrict?.ubigeo ?? selectedEstablishment?.properties.districtUbigeo ?? null
              }
              flyTo={flyTo}
              fitDepartmentRequest={fitDepartmentRequest}
              microredOutline={selectedOutline}
              onSelectEstablishment={(code) => setSelection({ kind: 'establishment', code })}
              onSelectDistrict={(ubigeo) => setSelection({ kind: 'district', ubigeo })}
            />
          </Suspense>
          <button
            type="button"
            className="map-button"
            onClick={() => setFitDepartmentRequest((n) => n + 1)}
          >
            {t('map.fitDepartment')}
          </button>
          <Legend categories={categories} microredOutline={selectedOutline !== null} />
        </section>
        <DetailsPanel
          establishment={selectedEstablishment}
          district={selectedDistrict}
          onClose={() => setSelection(null)}
          onFlyTo={requestFlyTo}
          onEstablishmentUpdated={onEstablishmentUpdated}
        />
      </main>
      <SourceFooter health={health} />
    </div>
  );
}
