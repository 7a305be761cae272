// The anemia choropleth: Cajamarca's districts coloured by estimated prevalence, on the same
// offline base style as the network map (no tiles, glyphs or sprites from anywhere).
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Map as MaplibreMap,
  NavigationControl,
  Popup,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PrevalenceItem } from '../api/surveillanceTypes';
import type { DistrictCollection } from '../api/types';
import { colorFor } from '../domain/anemiaScale';
import { boundsOf } from './geometry';
import { baseStyle } from './mapStyle';
import {
  HATCH_IMAGE_ID,
  SURVEILLANCE_LAYER_IDS,
  SURVEILLANCE_SOURCE_ID,
  fillColorExpression,
  hatchImage,
  surveillanceLayers,
  ubigeoFilter,
} from './surveillanceLayers';

setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** The choropleth's MapLibre instance, exposed for end-to-end tests once it has loaded. */
    __yawarSurveillanceMap?: MaplibreMap;
  }
}

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

function choropleth(
  districts: DistrictCollection,
  items: readonly PrevalenceItem[],
): FeatureCollection<Polygon | MultiPolygon, ChoroplethProperties> {
  const byCode = new Map(items.map((item) => [item.areaCode, item]));
  return {
    type: 'FeatureCollection',
    features: districts.features.map((feature) => {
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
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  // Map handlers are registered once; they read the latest props through this ref.
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { districts } = propsRef.current;
    const map = new MaplibreMap({
      container,
      style: baseStyle,
      bounds: boundsOf(districts.features.map((f) => f.geometry)) ?? undefined,
      fitBoundsOptions: { padding: FIT_PADDING },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();
    const popup = new Popup({
      closeButton: false,
      closeOnClick: false,
      offset: 10,
      className: 'map-hover',
    });

    map.on('load', () => {
      map.addImage(HATCH_IMAGE_ID, hatchImage(), { pixelRatio: 2 });
      map.addSource(SURVEILLANCE_SOURCE_ID, {
        type: 'geojson',
        data: choropleth(districts, []),
      });
      for (const layer of surveillanceLayers) map.addLayer(layer);
      window.__yawarSurveillanceMap = map;
      setLoaded(true);
    });

    map.on('mousemove', SURVEILLANCE_LAYER_IDS.fill, (event) => {
      const ubigeo = event.features?.[0]?.properties['ubigeo'];
      if (typeof ubigeo !== 'string') return;
      map.getCanvas().style.cursor = 'pointer';
      map.setFilter(SURVEILLANCE_LAYER_IDS.hover, ubigeoFilter(ubigeo));
      const label = propsRef.current.hoverLabel(ubigeo);
      if (!label) return;
      const content = document.createElement('div');
      const title = document.createElement('strong');
      title.textContent = label.title;
      content.append(title);
      for (const line of label.lines) {
        const row = document.createElement('div');
        row.textContent = line;
        content.append(row);
      }
      popup.setLngLat(event.lngLat).setDOMContent(content).addTo(map);
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

    return () => {
      delete window.__yawarSurveillanceMap;
      delete document.body.dataset.surveillanceReady;
      popup.remove();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const data = useMemo(
    () => (props.items ? choropleth(props.districts, props.items) : null),
    [props.districts, props.items],
  );

  // New figures: recolour, re-tile, and say "ready" only once MapLibre has drawn them and is idle.
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !data) return;
    delete document.body.dataset.surveillanceReady;
    let current = true;
    const colors = new Map(
      data.features.map((f) => [f.properties.ubigeo, colorFor(f.properties.estimate)]),
    );
    map.setPaintProperty(SURVEILLANCE_LAYER_IDS.fill, 'fill-color', fillColorExpression(colors));
    const source = map.getSource<GeoJSONSource>(SURVEILLANCE_SOURCE_ID);
    void Promise.resolve(source?.setData(data)).then(() => {
      if (!current) return;
      map.once('idle', () => {
        if (current && !propsRef.current.pending) document.body.dataset.surveillanceReady = 'true';
      });
      // Force a frame so `idle` fires even if nothing else was going to be drawn.
      map.triggerRepaint();
    });
    return () => {
      current = false;
    };
  }, [loaded, data]);

  useEffect(() => {
    if (props.pending) delete document.body.dataset.surveillanceReady;
  }, [props.pending]);

  useEffect(() => {
    if (!loaded) return;
    mapRef.current?.setFilter(SURVEILLANCE_LAYER_IDS.selected, ubigeoFilter(props.selectedUbigeo));
  }, [loaded, props.selectedUbigeo]);

  return <div ref={containerRef} className="map-canvas" data-testid="surveillance-map" />;
}
