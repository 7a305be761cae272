import { useEffect, type RefObject } from 'react';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';

export interface DrawnDataOptions<D> {
  /** Runs before the source is replaced, e.g. to recolour a layer for the new figures. */
  beforeDraw?: (map: MaplibreMap, data: D) => void;
  /** True while newer figures are on their way: the map is not "ready" yet. */
  held?: () => boolean;
}

/**
 * New figures: puts them into a GeoJSON source and sets `document.body.dataset[readyFlag]` once
 * MapLibre has drawn them and is idle — what the end-to-end tests wait for. Null data draws nothing.
 */
export function useDrawnData<D extends GeoJSON>(
  mapRef: RefObject<MaplibreMap | null>,
  loaded: boolean,
  sourceId: string,
  data: D | null,
  readyFlag: string,
  options: DrawnDataOptions<D> = {},
) {
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !data) return;
    delete document.body.dataset[readyFlag];
    let current = true;
    options.beforeDraw?.(map, data);
    const source = map.getSource<GeoJSONSource>(sourceId);
    void Promise.resolve(source?.setData(data)).then(() => {
      if (!current) return;
      map.once('idle', () => {
        if (current && !options.held?.()) document.body.dataset[readyFlag] = 'true';
      });
      // Force a frame so `idle` fires even if nothing else was going to be drawn.
      map.triggerRepaint();
    });
    return () => {
      current = false;
    };
    // Only new figures redraw; the options are read from the render that brought them.
  }, [loaded, data]);
}
