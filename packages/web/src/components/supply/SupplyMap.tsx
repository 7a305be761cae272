// Establishments coloured by availability level over the department's districts, on the same
// offline base style as the other maps (no tiles, glyphs or sprites from anywhere).
import { useEffect, useMemo, useRef } from 'react';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { DistrictCollection, StockEstablishmentPoint } from '@yawar/api';
import { drawable } from '../../map/geometry';
import { microredOutlineLayers, SOURCE_IDS } from '../../map/layers';
import { popupContent, useDepartmentMap } from '../../map/useDepartmentMap';
import { useDrawnData } from '../../map/useDrawnData';
import { LEVEL_COLORS, LEVEL_ORDER, NO_LEVEL_COLOR } from './supplyScale';

export const SUPPLY_LAYER_IDS = {
  districtsFill: 'supply-districts-fill',
  districtsLine: 'supply-districts-line',
  /** One circle per establishment with coordinates, coloured by level; queried by the e2e test. */
  establishments: 'supply-establishments',
  selected: 'supply-selected',
} as const;
const SOURCES = { districts: 'supply-districts', establishments: 'supply-establishments' };

interface PointProperties {
  code: string;
  name: string;
  level: string;
}

const levelColor = [
  'match',
  ['get', 'level'],
  ...LEVEL_ORDER.flatMap((level) => [level, LEVEL_COLORS[level]]),
  NO_LEVEL_COLOR,
] as unknown as ExpressionSpecification;

const codeFilter = (code: string | null): ExpressionSpecification => [
  '==',
  ['get', 'code'],
  code ?? '',
];

const LAYERS: LayerSpecification[] = [
  {
    id: SUPPLY_LAYER_IDS.districtsFill,
    type: 'fill',
    source: SOURCES.districts,
    paint: { 'fill-color': '#f8f6f1', 'fill-opacity': 0.95 },
  },
  {
    id: SUPPLY_LAYER_IDS.districtsLine,
    type: 'line',
    source: SOURCES.districts,
    paint: { 'line-color': '#a7b1ba', 'line-width': 0.6 },
  },
  {
    id: SUPPLY_LAYER_IDS.establishments,
    type: 'circle',
    source: SOURCES.establishments,
    paint: {
      'circle-color': levelColor,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 4, 12, 9],
      'circle-stroke-color': '#1d2733',
      'circle-stroke-width': 0.7,
    },
  },
  {
    id: SUPPLY_LAYER_IDS.selected,
    type: 'circle',
    source: SOURCES.establishments,
    filter: codeFilter(null),
    paint: {
      'circle-color': 'rgba(0,0,0,0)',
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 8, 12, 14],
      'circle-stroke-color': '#1f6fb2',
      'circle-stroke-width': 3,
    },
  },
];

function points(
  establishments: readonly StockEstablishmentPoint[],
): FeatureCollection<Point, PointProperties> {
  return {
    type: 'FeatureCollection',
    features: establishments.flatMap((e) =>
      e.lat === null || e.lon === null
        ? []
        : [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: [e.lon, e.lat] },
              properties: { code: e.code, name: e.name, level: e.level ?? 'none' },
            },
          ],
    ),
  };
}

const FIT_PADDING = 24;
const READY_FLAG = 'supplyMapReady';

export function SupplyMap(props: {
  districts: DistrictCollection;
  establishments: readonly StockEstablishmentPoint[];
  selected: string | null;
  onSelect: (code: string) => void;
  hoverLines: (code: string) => string[];
  /** The approximate outline of the microred drilled into, drawn dashed under the establishments. */
  microredOutline?: Feature<Polygon> | null;
}) {
  // Map handlers are registered once; they read the latest props through this ref.
  const propsRef = useRef(props);
  propsRef.current = props;
  const { containerRef, mapRef, loaded } = useDepartmentMap({
    districts: props.districts,
    padding: FIT_PADDING,
    popupOffset: 10,
    testHandle: '__yawarSupplyMap',
    readyFlag: READY_FLAG,
    onLoad: (map) => {
      map.addSource(SOURCES.districts, { type: 'geojson', data: drawable(props.districts) });
      map.addSource(SOURCES.establishments, {
        type: 'geojson',
        data: points(propsRef.current.establishments),
      });
      for (const layer of LAYERS) map.addLayer(layer);
      map.addSource(SOURCE_IDS.microredOutline, {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      });
      for (const layer of microredOutlineLayers)
        map.addLayer(layer, SUPPLY_LAYER_IDS.establishments);
    },
    bind: (map, popup) => {
      map.on('mousemove', SUPPLY_LAYER_IDS.establishments, (event) => {
        const feature = event.features?.[0];
        const code = feature?.properties['code'];
        if (typeof code !== 'string' || feature?.geometry.type !== 'Point') return;
        map.getCanvas().style.cursor = 'pointer';
        const title = String(feature.properties['name'] ?? code);
        popup
          .setLngLat(feature.geometry.coordinates as [number, number])
          .setDOMContent(popupContent(title, propsRef.current.hoverLines(code)))
          .addTo(map);
      });
      map.on('mouseleave', SUPPLY_LAYER_IDS.establishments, () => {
        map.getCanvas().style.cursor = '';
        popup.remove();
      });
      map.on('click', SUPPLY_LAYER_IDS.establishments, (event) => {
        const code = event.features?.[0]?.properties['code'];
        if (typeof code === 'string') propsRef.current.onSelect(code);
      });
    },
  });

  const data = useMemo(() => points(props.establishments), [props.establishments]);

  // New figures: redraw, and say "ready" once MapLibre has drawn them and is idle.
  useDrawnData(mapRef, loaded, SOURCES.establishments, data, READY_FLAG);

  useEffect(() => {
    if (!loaded) return;
    mapRef.current?.setFilter(SUPPLY_LAYER_IDS.selected, codeFilter(props.selected));
  }, [loaded, props.selected]);

  useEffect(() => {
    if (!loaded) return;
    const outline = props.microredOutline ?? null;
    void mapRef.current
      ?.getSource<GeoJSONSource>(SOURCE_IDS.microredOutline)
      ?.setData({ type: 'FeatureCollection', features: outline ? [outline] : [] });
  }, [loaded, props.microredOutline]);

  return <div ref={containerRef} className="map-canvas" data-testid="supply-map" />;
}
