/**
 * The altitude a hemoglobin test is adjusted with, and where it came from. Both NTS 213 (Table 1,
 * RM N.° 251-2024/MINSA) and WHO 2024 (recommendation 2, "elevation of residence") adjust by the
 * altitude where the person LIVES, so the best source is the one closest to the child's home:
 *
 * 1. `record` — the altitude written on the record itself (SIEN carries one; HIS does not);
 * 2. `populated_place` — the child's populated place of residence, when the record names it
 *    (INEI code, `populated_place.altitude_m`, sampled from the SRTM DEM or taken from a record);
 * 3. `establishment` — the establishment that took the sample (`establishment.altitude_m`, RENAES
 *    COTA or the DEM): children usually live near it, but in Cajamarca's valleys not always;
 * 4. `district_capital` — the capital of the district of residence (`district.capital_altitude_m`,
 *    INEI): the coarsest, up to 1,000 m off for a child living on the valley floor or the puna.
 *
 * Which step was used is stored with every test (`screening.altitude_source`), so a planner can see
 * how much of a prevalence rests on fallbacks.
 */
export const ALTITUDE_SOURCES = [
  'record',
  'populated_place',
  'establishment',
  'district_capital',
] as const;
export type AltitudeSource = (typeof ALTITUDE_SOURCES)[number];

export interface AltitudeCandidates {
  readonly record: number | null;
  readonly populatedPlace: number | null;
  readonly establishment: number | null;
  readonly districtCapital: number | null;
}

export interface ResolvedAltitude {
  readonly altitudeM: number;
  readonly altitudeSource: AltitudeSource;
}

/** The first known altitude in the chain's order; null when none is known. */
export function resolveAltitude(candidates: AltitudeCandidates): ResolvedAltitude | null {
  const ordered: readonly [AltitudeSource, number | null][] = [
    ['record', candidates.record],
    ['populated_place', candidates.populatedPlace],
    ['establishment', candidates.establishment],
    ['district_capital', candidates.districtCapital],
  ];
  for (const [altitudeSource, value] of ordered) {
    if (value !== null && Number.isFinite(value)) return { altitudeM: value, altitudeSource };
  }
  return null;
}
