import { useEffect, useRef } from 'react';
import { ScaleControl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type {
  DistrictCollection,
  EstablishmentFeature,
  EstablishmentProperties,
  ProvinceCollection,
} from '@yawar/api';
import { LAYER_IDS, SOURCE_IDS, districtSelectedFilter, overlayLayers } from './layers';
import { boundsOf, drawable } from './geometry';
import { useDepartmentMap } from './useDepartmentMap';

export interface FlyToRequest {
  /** Changes on every request so asking twice for the same place still moves the map. */
  id: number;
  coordinates: [number, number];
}

interface MapViewProps {
  districts: DistrictCollection;
  provinces: ProvinceCollection;
  /** Establishments to draw: already filtered, all with a Point geometry. */
  establishments: FeatureCollection<Point, EstablishmentProperties>;
  selectedEstablishment: EstablishmentFeature | null;
  selectedDistrictUbigeo: string | null;
  flyTo: FlyToRequest | null;
  /** Incremented to ask the map to show the whole department again. */
  fitDepartmentRequest: number;
  /** The selected microred's approximate outline, drawn dashed; the map fits to it when it changes. */
  microredOutline?: Feature<Polygon> | null;
  onSelectEstablishment: (code: string) => void;
  onSelectDistrict: (ubigeo: string) => void;
}

const FIT_PADDING = 32;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function MapView(props: MapViewProps) {
  // Handlers are registered once on the map; read the latest props through a ref.
  const propsRef = useRef(props);
  propsRef.current = props;

  // Created once, with the data that is already loaded.
  const {
    containerRef,
    mapRef,
    loaded: overlaysReady,
  } = useDepartmentMap({
    districts: props.districts,
    padding: FIT_PADDING,
    popupOffset: 8,
    testHandle: '__yawarMap',
    readyFlag: 'mapReady',
    onLoad: (map) => {
      map.addSource(SOURCE_IDS.districts, { type: 'geojson', data: drawable(props.districts) });
      map.addSource(SOURCE_IDS.provinces, { type: 'geojson', data: drawable(props.provinces) });
      map.addSource(SOURCE_IDS.establishments, { type: 'geojson', data: props.establishments });
      map.addSource(SOURCE_IDS.selectedEstablishment, { type: 'geojson', data: EMPTY });
      map.addSource(SOURCE_IDS.microredOutline, { type: 'geojson', data: EMPTY });
      for (const layer of overlayLayers) map.addLayer(layer);
      // "Ready" means the GeoJSON has been tiled by the worker and drawn at least once.
      map.once('idle', () => {
        document.body.dataset.mapReady = 'true';
      });
    },
    bind: (map, hoverPopup) => {
      map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');

      // A click selects the establishment under the cursor if any, otherwise the district.
      map.on('click', (event) => {
        const [establishment] = map.queryRenderedFeatures(event.point, {
          layers: [LAYER_IDS.establishmentSelected, LAYER_IDS.establishments],
        });
        const code = establishment?.properties['code'];
        if (typeof code === 'string') {
          propsRef.current.onSelectEstablishment(code);
          return;
        }
        const [district] = map.queryRenderedFeatures(event.point, {
          layers: [LAYER_IDS.districtsFill],
        });
        const ubigeo = district?.properties['ubigeo'];
        if (typeof ubigeo === 'string') propsRef.current.onSelectDistrict(ubigeo);
      });

      const showHover = (event: { features?: MapGeoJSONFeature[] }) => {
        const feature = event.features?.[0];
        if (!feature || feature.geometry.type !== 'Point') return;
        map.getCanvas().style.cursor = 'pointer';
        const { name, category } = feature.properties as Partial<EstablishmentProperties>;
        const content = document.createElement('div');
        const title = document.createElement('strong');
        title.textContent = name ?? '';
        content.append(title, ` · ${category ?? ''}`);
        hoverPopup
          .setLngLat(feature.geometry.coordinates as [number, number])
          .setDOMContent(content)
          .addTo(map);
      };
      const hideHover = () => {
        map.getCanvas().style.cursor = '';
        hoverPopup.remove();
      };
      map.on('mousemove', LAYER_IDS.establishments, showHover);
      map.on('mouseleave', LAYER_IDS.establishments, hideHover);
    },
  });

  // Filter changes replace the source data; GeoJSON of ~1,300 points re-tiles in milliseconds.
  useEffect(() => {
    if (!overlaysReady) return;
    // setData resolves when the worker has re-tiled; nothing waits on it.
    void mapRef.current
      ?.getSource<GeoJSONSource>(SOURCE_IDS.establishments)
      ?.setData(props.establishments);
  }, [overlaysReady, props.establishments]);

  useEffect(() => {
    if (!overlaysReady) return;
    const selected = props.selectedEstablishment;
    // Drawn from its own source so a selected establishment stays visible even when the category
    // or network filters hide it (e.g. it was found through the search box).
    const data: FeatureCollection = selected?.geometry
      ? {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: selected.geometry, properties: selected.properties },
          ],
        }
      : EMPTY;
    void mapRef.current?.getSource<GeoJSONSource>(SOURCE_IDS.selectedEstablishment)?.setData(data);
  }, [overlaysReady, props.selectedEstablishment]);

  useEffect(() => {
    if (!overlaysReady) return;
    mapRef.current?.setFilter(
      LAYER_IDS.districtSelected,
      districtSelectedFilter(props.selectedDistrictUbigeo),
    );
  }, [overlaysReady, props.selectedDistrictUbigeo]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.flyTo) return;
    // Zoom 9.5 shows the establishment with its neighbours and district; closer loses context.
    map.flyTo({
      center: props.flyTo.coordinates,
      zoom: Math.max(map.getZoom(), 9.5),
      essential: true,
    });
  }, [props.flyTo]);

  useEffect(() => {
    if (!overlaysReady) return;
    const outline = props.microredOutline ?? null;
    void mapRef.current
      ?.getSource<GeoJSONSource>(SOURCE_IDS.microredOutline)
      ?.setData(outline ? { type: 'FeatureCollection', features: [outline] } : EMPTY);
    const bounds = outline ? boundsOf([outline.geometry]) : null;
    if (bounds) mapRef.current?.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: 11 });
  }, [overlaysReady, props.microredOutline]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || props.fitDepartmentRequest === 0) return;
    const bounds = boundsOf(propsRef.current.districts.features.map((f) => f.geometry));
    if (bounds) map.fitBounds(bounds, { padding: FIT_PADDING });
  }, [props.fitDepartmentRequest]);

  return <div ref={containerRef} className="map-canvas" />;
}
