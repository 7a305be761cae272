// One way to open a department's map, shared by every map page: the offline base style (no tiles,
// glyphs or sprites from anywhere), framed on the districts, without rotation, with a hover popup.
import { useEffect, useRef, useState } from 'react';
import { Map as MaplibreMap, NavigationControl, Popup, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 locates its worker relative to its own module URL, which bundling breaks; hand it the
// URL of the worker file that Vite copies into the build instead.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { DistrictCollection } from '@yawar/api';
import { boundsOf } from './geometry';
import { baseStyle } from './mapStyle';

setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** The network map's MapLibre instance, exposed for end-to-end tests once it has loaded. */
    __yawarMap?: MaplibreMap;
    /** The choropleth's MapLibre instance, exposed for end-to-end tests once it has loaded. */
    __yawarSurveillanceMap?: MaplibreMap;
    /** The supply map's MapLibre instance, exposed for end-to-end tests once it has loaded. */
    __yawarSupplyMap?: MaplibreMap;
  }
}

export interface DepartmentMapSetup {
  /** The districts the map opens framed on. */
  districts: DistrictCollection;
  padding: number;
  popupOffset: number;
  /** Where the end-to-end tests find the map once it has loaded. */
  testHandle: '__yawarMap' | '__yawarSurveillanceMap' | '__yawarSupplyMap';
  /** The `document.body.dataset` key that says the map is drawn; removed with the map. */
  readyFlag: string;
  /** Adds sources and layers once the style has loaded. */
  onLoad: (map: MaplibreMap) => void;
  /** Registers the map's handlers, once: they read the latest props through a ref. */
  bind: (map: MaplibreMap, popup: Popup) => void;
}

/**
 * Creates the map once, with the setup of the first render, and tears it down on unmount.
 * `loaded` turns true once `onLoad` has added the sources and layers.
 */
export function useDepartmentMap(setup: DepartmentMapSetup) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const setupRef = useRef(setup);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { districts, padding, popupOffset, testHandle, readyFlag, onLoad, bind } =
      setupRef.current;
    const map = new MaplibreMap({
      container,
      style: baseStyle,
      bounds: boundsOf(districts.features.map((f) => f.geometry)) ?? undefined,
      fitBoundsOptions: { padding },
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
      offset: popupOffset,
      className: 'map-hover',
    });
    map.on('load', () => {
      onLoad(map);
      window[testHandle] = map;
      setLoaded(true);
    });
    bind(map, popup);
    return () => {
      delete window[testHandle];
      delete document.body.dataset[readyFlag];
      popup.remove();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  return { containerRef, mapRef, loaded };
}

/** A hover popup's content: the place in bold, then one line per figure. */
export function popupContent(title: string, lines: readonly string[]): HTMLElement {
  const content = document.createElement('div');
  const strong = document.createElement('strong');
  strong.textContent = title;
  content.append(strong);
  for (const line of lines) {
    const row = document.createElement('div');
    row.textContent = line;
    content.append(row);
  }
  return content;
}
