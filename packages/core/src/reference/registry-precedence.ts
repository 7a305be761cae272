import { haversineKm } from '../geo/distance.js';
import type { LonLat } from '../geo/geometry.js';
import type { EstablishmentCategory } from './categories.js';
import type { RenaesEntry } from './read-renaes.js';
import type { CoordinateStatus, RegistryDiscrepancy } from './types.js';

/**
 * Which registry wins when MINSA's two establishment lists disagree (docs/methods/
 * establishment-registry.md). The establishment list (TB_EESS, ≈2021) names every establishment
 * of every institution; RENAES (2025) is newer and carries the administrative network, so for
 * the establishments it lists it wins on category, red, microred, executing unit and
 * institution. For coordinates the point that lies in the declared district wins, RENAES first.
 * Both values are kept on the record as a discrepancy, so nothing is silently overwritten.
 */
export const REGISTRY_PRECEDENCE = {
  version: 'renaes-2025-first-v1',
  administrative: 'renaes',
  coordinates: 'inside-declared-district, renaes first',
  /** Two points of one establishment farther apart than this are flagged. */
  coordinateToleranceKm: 1,
} as const;

export const RENAES_SOURCE = 'RENAES 2025';
export const LIST_SOURCE = 'TB_EESS ≈2021';

/** What the establishment list says of one establishment, before RENAES is consulted. */
export interface ListedEstablishment {
  readonly category: EstablishmentCategory;
  readonly network: string | null;
  readonly point: LonLat | null;
}

export interface RegistryChoice {
  readonly category: EstablishmentCategory;
  readonly network: string | null;
  readonly point: LonLat | null;
  readonly discrepancies: readonly RegistryDiscrepancy[];
}

/** `statusOf` says where a point falls against the declared district. */
export function chooseBetweenRegistries(
  listed: ListedEstablishment,
  renaes: RenaesEntry,
  statusOf: (point: LonLat | null) => CoordinateStatus,
): RegistryChoice {
  const discrepancies: RegistryDiscrepancy[] = [];
  const differ = (field: string, chosen: string | null, other: string | null) => {
    if (chosen !== other)
      discrepancies.push({
        field,
        chosen,
        chosenSource: RENAES_SOURCE,
        other,
        otherSource: LIST_SOURCE,
      });
  };
  const category = renaes.category ?? listed.category;
  if (renaes.category) differ('category', renaes.category, listed.category);
  const network = renaes.network?.name ?? null;
  differ('network', network, listed.network);
  const coordinates = choosePoint(renaes.point, listed.point, statusOf);
  if (coordinates.discrepancy) discrepancies.push(coordinates.discrepancy);
  return { category, network, point: coordinates.point, discrepancies };
}

function choosePoint(
  renaes: LonLat | null,
  listed: LonLat | null,
  statusOf: (point: LonLat | null) => CoordinateStatus,
): { point: LonLat | null; discrepancy: RegistryDiscrepancy | null } {
  const renaesInside = renaes !== null && statusOf(renaes) === 'ok';
  const listedInside = listed !== null && statusOf(listed) === 'ok';
  const takeRenaes = renaesInside || (!listedInside && renaes !== null);
  const point = takeRenaes ? renaes : listed;
  if (
    !renaes ||
    !listed ||
    haversineKm(renaes, listed) <= REGISTRY_PRECEDENCE.coordinateToleranceKm
  )
    return { point, discrepancy: null };
  const text = (p: LonLat) => `${p.lat.toFixed(6)}, ${p.lon.toFixed(6)}`;
  return {
    point,
    discrepancy: {
      field: 'coordinates',
      chosen: text(takeRenaes ? renaes : listed),
      chosenSource: takeRenaes ? RENAES_SOURCE : LIST_SOURCE,
      other: text(takeRenaes ? listed : renaes),
      otherSource: takeRenaes ? LIST_SOURCE : RENAES_SOURCE,
    },
  };
}
