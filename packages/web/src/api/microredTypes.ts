// Shapes of GET /api/microreds and GET /api/microreds/outlines.geojson.
import type { Feature, FeatureCollection, Polygon } from 'geojson';

export interface MicroredItem {
  /** Scope code `<department>/<RED>/<MICRORED>`, e.g. `06/CHOTA/CHOTA`. */
  code: string;
  name: string;
  /** MINSA's microred code within its red (RENAES). */
  registryCode: string | null;
  network: string;
  networkCode: string;
  networkRegistryCode: string | null;
  departmentUbigeo: string;
  establishmentCount: number;
  /** Establishments whose coordinates lie in their district: the outline is built on them. */
  withCoordinates: number;
}

export interface MicroredOutlineProperties extends MicroredItem {
  /** What the outline is (an approximate envelope, not an official boundary), in Spanish. */
  method: string;
}

export type MicroredOutlineFeature = Feature<Polygon | null, MicroredOutlineProperties>;
export type MicroredOutlineCollection = FeatureCollection<
  Polygon | null,
  MicroredOutlineProperties
>;
