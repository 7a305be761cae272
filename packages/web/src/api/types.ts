// Shapes of the Yawar HTTP API (see the API contract). The only runtime value is the ordered
// category list (the core's), which the filters and legend share.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

import type { EstablishmentCategory } from '@yawar/core';
/** NTS 021's categories in the core's order (reference/categories.ts). */
export { ESTABLISHMENT_CATEGORIES as CATEGORY_CODES } from '@yawar/core';
export type CategoryCode = EstablishmentCategory;

export type CoordinateStatus = 'ok' | 'missing' | 'outside_district';

export interface ApiErrorBody {
  error: { code: string; message: string; details: unknown };
}

export interface HealthResponse {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}

export interface SummaryResponse {
  department: { ubigeo: string; name: string };
  provinces: number;
  districts: number;
  establishments: number;
  establishmentsWithCoordinates: number;
  populatedPlaces: number;
  networks: number;
}

export interface ProvinceProperties {
  ubigeo: string;
  name: string;
  departmentUbigeo: string;
}

export interface DistrictProperties {
  ubigeo: string;
  name: string;
  provinceUbigeo: string;
  provinceName: string;
  departmentUbigeo: string;
  capital: string;
  capitalAltitudeM: number | null;
  areaKm2: number | null;
  povertyPct: number | null;
  extremePovertyPct: number | null;
  idh: number | null;
  population2017: number | null;
  population2022: number | null;
  children6to35Months: number | null;
  children6to35MonthsMethod: string | null;
  establishmentCount: number;
}

export interface EstablishmentProperties {
  code: string;
  name: string;
  category: CategoryCode;
  institution: string | null;
  network: string | null;
  networkCode: string | null;
  microred: string | null;
  microredCode: string | null;
  districtUbigeo: string;
  districtName: string;
  provinceName: string;
  executingUnitCode: string | null;
  executingUnitName: string | null;
  altitudeM: number | null;
  altitudeSource: 'renaes' | 'dem' | 'district_capital' | null;
  address: string | null;
  coordinateStatus: CoordinateStatus;
  hasLaboratory: boolean;
  laboratorySource: 'category_rule' | 'override';
  laboratoryReason: string | null;
  source: string;
  inRenaes: boolean | null;
  registryDiscrepancies: RegistryDiscrepancy[];
}

/** A field on which MINSA's RENAES and the establishment list disagree, and which value won. */
export interface RegistryDiscrepancy {
  field: string;
  chosen: string | null;
  chosenSource: string;
  other: string | null;
  otherSource: string;
}

export type ProvinceCollection = FeatureCollection<Polygon | MultiPolygon, ProvinceProperties>;
export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProperties>;
export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
/** Geometry is null when RENIPRESS has no coordinates for the establishment. */
export type EstablishmentFeature = Feature<Point | null, EstablishmentProperties>;
export type EstablishmentCollection = FeatureCollection<Point | null, EstablishmentProperties>;

export interface NetworkItem {
  name: string;
  establishmentCount: number;
}

export interface CategoryItem {
  code: CategoryCode;
  count: number;
  hasLaboratoryByRule: boolean;
}

/** A public source behind the reference data (GET /api/sources). */
export interface DataSourceItem {
  id: string;
  publisher: string;
  dataset: string;
  vintage: string;
  provides: string;
  files: string[];
}

export interface ListResponse<T> {
  items: T[];
}
