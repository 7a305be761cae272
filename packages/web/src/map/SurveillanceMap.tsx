// The anemia choropleth: Cajamarca's districts coloured by estimated prevalence, on the same
// offline base style as the network map (no tiles, glyphs or sprites from anywhere).
import { useEffect, useMemo, useRef } from 'react';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DistrictCollection, PrevalenceItem } from '@yawar/api';
import { colorFor } from '../domain/anemiaScale';
import {
  HATCH_IMAGE_ID,
  SURVEILLANCE_LAYER_IDS,
  SURVEILLANCE_SOURCE_ID,
  fillColorExpression,
  hatchImage,
  surveillanceLayers,
  ubigeoFilter,
} from './surveillanceLayers';
import { drawable } from './geometry';
import { microredOutlineLayers, SOURCE_IDS } from './layers';
import { popupContent, useDepartmentMap } from './useDepartmentMap';
import { useDrawnData } from './useDrawnData';

export interface HoverLabel {
  title: string;
  lines: string[];
}

interface SurveillanceMapProps {
  districts: DistrictCollection;
  /** Prevalence per district (area=district), or null before the first answer. */
  items: readonly PrevalenceItem[] | null;
  /** True while newer figures are loading: the map is not "ready" until they are drawn. */
  pending: boolean;
  selectedUbigeo: string | null;
  onSelect: (ubigeo: string | null) => void;
  hoverLabel: (ubigeo: string) => HoverLabel | null;
  /** The approximate outline of the microred the table is narrowed to, drawn dashed over the districts. */
  microredOutline?: Feature<Polygon> | null;
}

interface ChoroplethProperties {
  ubigeo: string;
  name: string;
  provinceName: string;
  /** Null when suppressed or without children screened. */
  estimate: number | null;
  hasEstimate: boolean;
  n: number;
}

const FIT_PADDING = 24;
const READY_FLAG = 'surveillanceReady';

function choropleth(
  districts: DistrictCollection,
  items: readonly PrevalenceItem[],
): FeatureCollection<Polygon | MultiPolygon, ChoroplethProperties> {
  const byCode = new Map(items.map((item) => [item.areaCode, item]));
  return {
    type: 'FeatureCollection',
    features: drawable(districts).features.map((feature) => {
      const item = byCode.get(feature.properties.ubigeo);
      const estimate = item && !item.suppressed ? item.estimate : null;
      return {
        type: 'Feature',
        geometry: feature.geometry,
        properties: {
          ubigeo: feature.properties.ubigeo,
          name: feature.properties.name,
          provinceName: feature.properties.provinceName,
          estimate,
          hasEstimate: estimate !== null,
          n: item?.n ?? 0,
        },
      };
    }),
  };
}

export function SurveillanceMap(props: SurveillanceMapProps) {
  // Map handlers are registered once; they read the latest props through this ref.
  const propsRef = useRef(props);
  propsRef.current = props;
  const { containerRef, mapRef, loaded } = useDepartmentMap({
    districts: props.districts,
    padding: FIT_PADDING,
    popupOffset: 10,
    testHandle: '__yawarSurveillanceMap',
    readyFlag: READY_FLAG,
    onLoad: (map) => {
      map.addImage(HATCH_IMAGE_ID, hatchImage(), { pixelRatio: 2 });
      map.addSource(SURVEILLANCE_SOURCE_ID, {
        type: 'geojson',
        data: choropleth(props.districts, []),
      });
      for (const layer of surveillanceLayers) map.addLayer(layer);
      map.addSource(SOURCE_IDS.microredOutline, {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      });
      for (const layer of microredOutlineLayers) map.addLayer(layer);
    },
    bind: (map, popup) => {
      map.on('mousemove', SURVEILLANCE_LAYER_IDS.fill, (event) => {
        const ubigeo = event.features?.[0]?.properties['ubigeo'];
        if (typeof ubigeo !== 'string') return;
        map.getCanvas().style.cursor = 'pointer';
        map.setFilter(SURVEILLANCE_LAYER_IDS.hover, ubigeoFilter(ubigeo));
        const label = propsRef.current.hoverLabel(ubigeo);
        if (!label) return;
        popup
          .setLngLat(event.lngLat)
          .setDOMContent(popupContent(label.title, label.lines))
          .addTo(map);
      });
      map.on('mouseleave', SURVEILLANCE_LAYER_IDS.fill, () => {
        map.getCanvas().style.cursor = '';
        map.setFilter(SURVEILLANCE_LAYER_IDS.hover, ubigeoFilter(null));
        popup.remove();
      });
      map.on('click', (event) => {
        const [feature] = map.queryRenderedFeatures(event.point, {
          layers: [SURVEILLANCE_LAYER_IDS.fill],
        });
        const ubigeo = feature?.properties['ubigeo'];
        propsRef.current.onSelect(typeof ubigeo === 'string' ? ubigeo : null);
      });
    },
  });

  const data = useMemo(
    () => (props.items ? choropleth(props.districts, props.items) : null),
    [props.districts, props.items],
  );

  // New figures: recolour, re-tile, and say "ready" only once MapLibre has drawn them and is idle.
  useDrawnData(mapRef, loaded, SURVEILLANCE_SOURCE_ID, data, READY_FLAG, {
    beforeDraw: (map, drawn) => {
      const colors = new Map(
        drawn.features.map((f) => [f.properties.ubigeo, colorFor(f.properties.estimate)]),
      );
      map.setPaintProperty(SURVEILLANCE_LAYER_IDS.fill, 'fill-color', fillColorExpression(colors));
    },
    held: () => propsRef.current.pending,
  });

  useEffect(() => {
    if (props.pending) delete document.body.dataset[READY_FLAG];
  }, [props.pending]);

  useEffect(() => {
    if (!loaded) return;
    mapRef.current?.setFilter(SURVEILLANCE_LAYER_IDS.selected, ubigeoFilter(props.selectedUbigeo));
  }, [loaded, props.selectedUbigeo]);

  useEffect(() => {
    if (!loaded) return;
    const outline = props.microredOutline ?? null;
    void mapRef.current
      ?.getSource<GeoJSONSource>(SOURCE_IDS.microredOutline)
      ?.setData({ type: 'FeatureCollection', features: outline ? [outline] : [] });
  }, [loaded, props.microredOutline]);

  return <div ref={containerRef} className="map-canvas" data-testid="surveillance-map" />;
}
