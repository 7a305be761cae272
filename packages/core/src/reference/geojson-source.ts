import { isAreaGeometry, type AreaGeometry } from '../geo/geometry.js';
import type { IssueLog } from './issues.js';

/** A GeoJSON file as handed to the validators: its name and its parsed (untrusted) content. */
export interface GeoJsonSource {
  readonly file: string;
  readonly data: unknown;
}

/**
 * Reads polygons keyed by a code property (e.g. IDDIST for districts). Features with a null
 * geometry are kept as null: INEI's 2007 map has 8 such districts and they must not vanish.
 * Row numbers in issues are feature positions (1-based), the nearest thing a GeoJSON has to rows.
 */
export function readAreaGeometries(
  source: GeoJsonSource,
  codeProperty: string,
  digits: number,
  log: IssueLog,
): Map<string, AreaGeometry | null> {
  const geometries = new Map<string, AreaGeometry | null>();
  const features = (source.data as { type?: unknown; features?: unknown } | null)?.features;
  if (
    (source.data as { type?: unknown } | null)?.type !== 'FeatureCollection' ||
    !Array.isArray(features)
  ) {
    log.error(source.file, 0, null, 'is not a GeoJSON FeatureCollection');
    return geometries;
  }
  features.forEach((feature: unknown, index) => {
    const row = index + 1;
    const { properties, geometry } = (feature ?? {}) as {
      properties?: Record<string, unknown>;
      geometry?: unknown;
    };
    const code = String(properties?.[codeProperty] ?? '').trim();
    if (!/^\d+$/.test(code) || code.length > digits) {
      log.error(
        source.file,
        row,
        codeProperty,
        `"${code}" is not a code of up to ${digits} digits`,
      );
      return;
    }
    if (geometry !== null && geometry !== undefined && !isAreaGeometry(geometry)) {
      log.error(source.file, row, 'geometry', 'is neither a Polygon nor a MultiPolygon');
      return;
    }
    geometries.set(
      code.padStart(digits, '0'),
      (geometry as AreaGeometry | null | undefined) ?? null,
    );
  });
  return geometries;
}
