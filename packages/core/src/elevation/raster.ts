import type { ElevationGrid } from './grid.js';

/** A north-up raster as a GeoTIFF describes it (ModelTiepoint + ModelPixelScale, GeoTIFF 1.1). */
export interface GeoRaster {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Model coordinates of the raster's (0, 0) position: longitude, latitude (degrees). */
  readonly originLon: number;
  readonly originLat: number;
  /** Degrees per pixel along x (positive) and y (positive: rows run north → south). */
  readonly resolutionLon: number;
  readonly resolutionLat: number;
  /**
   * GTRasterTypeGeoKey (OGC GeoTIFF 1.1, 19-008r4, §7.4): `area` (1) — the origin is the outer
   * corner of the first pixel and a value stands for its pixel's centre; `point` (2) — the origin
   * is the first sample itself.
   */
  readonly rasterType: 'area' | 'point';
  readonly values: ArrayLike<number>;
  readonly nodata: number | null;
}

/** The sample grid of a raster: pixel-is-area values sit half a pixel inside the outer corner. */
export function gridFromGeoRaster(raster: GeoRaster): ElevationGrid {
  const half = raster.rasterType === 'area' ? 0.5 : 0;
  return {
    name: raster.name,
    north: raster.originLat - half * raster.resolutionLat,
    west: raster.originLon + half * raster.resolutionLon,
    rows: raster.height,
    cols: raster.width,
    latStep: raster.resolutionLat,
    lonStep: raster.resolutionLon,
    values: raster.values,
    nodata: raster.nodata,
  };
}
