import { altitudeAdjustmentTenths } from '../hemoglobin/altitude.js';
import { classifyHb } from '../hemoglobin/classify.js';
import { NTS_213_2024, WHO_2024 } from '../hemoglobin/rule-sets.js';
import { resolveAltitude } from './altitude-chain.js';
import { completedMonths } from './dates.js';
import type { ScreeningRecord } from './records.js';

/**
 * SIMULATED screening records for demonstrations and benchmarks — never real children. Individual
 * screening data is not public, so Yawar generates plausible records: sea-level-equivalent Hb by
 * age band drawn from normal distributions fitted to the Cajamarca ENDES 2015–2024 records
 * (data/anemia; mean/SD 10.34/1.32 g/dL at 6–11 m, 11.02/1.00 at 12–23 m, 11.42/0.84 at 24–35 m;
 * 36–59 m extrapolated to 11.7/0.8), plus the WHO 2024 altitude effect of the place of residence.
 * Children found anemic under NTS 213 get control tests at about 1, 3 and 6 months with decreasing
 * probability, so follow-up lists have something to show. Deterministic for a given seed.
 *
 * Residence: when the establishment's district has populated places with a known altitude, each
 * child lives in one of them (drawn uniformly) and its Hb carries that place's altitude effect.
 * A share of the records (`namedPlaceShare`, default 60 %) names the place, as an HIS record with
 * the child's address coded does; the others do not, and the altitude falls back to the
 * establishment's or the district capital's exactly as an import would (altitude-chain.ts).
 * The 60 % is an assumption to exercise every step of the chain, not a measured share.
 */
export interface SimulationPlace {
  readonly establishmentCode: string;
  readonly districtUbigeo: string;
  /** The district capital's altitude. */
  readonly altitudeM: number;
  /** The establishment's own altitude (RENAES COTA or DEM), when known. */
  readonly establishmentAltitudeM?: number | null;
  /** Populated places of the district with a known altitude (INEI code). */
  readonly populatedPlaces?: readonly { readonly code: string; readonly altitudeM: number }[];
  /** Relative number of children served (e.g. district children ÷ its establishments). */
  readonly weight: number;
}

/** Share of simulated records that name the child's populated place of residence. */
export const SIMULATED_NAMED_PLACE_SHARE = 0.6;

export interface SimulationOptions {
  readonly seed: number;
  readonly children: number;
  readonly places: readonly SimulationPlace[];
  /** First and last possible screening dates (ISO). */
  readonly from: string;
  readonly to: string;
  /** Share of records naming the populated place (0–1, default SIMULATED_NAMED_PLACE_SHARE). */
  readonly namedPlaceShare?: number;
}

const HB_BY_AGE: readonly { fromMonths: number; toMonths: number; mean: number; sd: number }[] = [
  { fromMonths: 6, toMonths: 11, mean: 10.34, sd: 1.32 },
  { fromMonths: 12, toMonths: 23, mean: 11.02, sd: 1.0 },
  { fromMonths: 24, toMonths: 35, mean: 11.42, sd: 0.84 },
  { fromMonths: 36, toMonths: 59, mean: 11.7, sd: 0.8 },
];

const CONTROL_SCHEDULE = [
  { days: 30, probability: 0.7, gain: 0.5 },
  { days: 90, probability: 0.5, gain: 1.0 },
  { days: 180, probability: 0.35, gain: 1.4 },
];

const DAY = 86_400_000;

export function simulateScreenings(options: SimulationOptions): ScreeningRecord[] {
  const random = mulberry32(options.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pickPlace = weightedPicker(options.places, random);
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const span = Date.parse(`${options.to}T00:00:00Z`) - start;
  const records: ScreeningRecord[] = [];
  for (let child = 1; child <= options.children; child++) {
    const place = pickPlace();
    const testTime = start + Math.floor(random() * (span / DAY)) * DAY;
    // Birth 6–35 months before the test (the pilot's target group); the age is then read off the
    // two dates exactly as an import computes it.
    const birthTime = testTime - Math.round((6.05 + random() * 29.8) * 30.4375) * DAY;
    const ageMonths = completedMonths(isoDate(birthTime), isoDate(testTime));
    const band =
      HB_BY_AGE.find((b) => ageMonths >= b.fromMonths && ageMonths <= b.toMonths) ?? HB_BY_AGE[0];
    const seaLevelHb = (band?.mean ?? 11) + (band?.sd ?? 1) * normal();
    const sex = random() < 0.5 ? ('F' as const) : ('M' as const);
    const homes = place.populatedPlaces ?? [];
    const home = homes.length > 0 ? homes[Math.floor(random() * homes.length)] : undefined;
    const named =
      home !== undefined && random() < (options.namedPlaceShare ?? SIMULATED_NAMED_PLACE_SHARE);
    const establishmentAltitude = place.establishmentAltitudeM ?? null;
    // Where the child really lives decides the Hb; what the record says decides the adjustment.
    const trueAltitude = home?.altitudeM ?? establishmentAltitude ?? place.altitudeM;
    const recorded = resolveAltitude({
      record: null,
      populatedPlace: named ? home.altitudeM : null,
      establishment: establishmentAltitude,
      districtCapital: place.altitudeM,
    }) ?? { altitudeM: place.altitudeM, altitudeSource: 'district_capital' as const };
    const base = {
      childKey: `sim_${String(child).padStart(7, '0')}`,
      birthDate: isoDate(birthTime),
      sex,
      altitudeM: recorded.altitudeM,
      altitudeSource: recorded.altitudeSource,
      residenceUbigeo: place.districtUbigeo,
      populatedPlaceCode: named ? home.code : null,
      establishmentCode: place.establishmentCode,
      weightKg: null,
      supplementationCode: null,
    };
    const measured = (seaLevel: number) =>
      Math.min(
        250,
        Math.max(
          30,
          Math.round(seaLevel * 10 + altitudeAdjustmentTenths(WHO_2024.altitude, trueAltitude)),
        ),
      );
    const first = {
      ...base,
      line: records.length + 2,
      testDate: isoDate(testTime),
      ageMonths,
      hbTenths: measured(seaLevelHb),
    };
    records.push(first);
    const classified = classifyHb(
      { ageMonths, hbGdl: first.hbTenths / 10, altitudeM: recorded.altitudeM },
      NTS_213_2024,
    );
    if (!classified.ok || classified.level === 'none') continue;
    for (const control of CONTROL_SCHEDULE) {
      if (random() > control.probability) break;
      const time = testTime + (control.days + Math.round(normal() * 5)) * DAY;
      if (time > start + span) break;
      const age = completedMonths(base.birthDate, isoDate(time));
      if (age > 59) break;
      records.push({
        ...base,
        line: records.length + 2,
        testDate: isoDate(time),
        ageMonths: age,
        hbTenths: measured(seaLevelHb + control.gain + 0.4 * normal()),
      });
    }
  }
  return records;
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Mulberry32: a small, fast, well-distributed 32-bit PRNG, enough for simulation (not for secrets). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weightedPicker<T extends { weight: number }>(
  items: readonly T[],
  random: () => number,
): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += Math.max(0, item.weight)));
  if (items.length === 0 || total <= 0)
    throw new Error('simulation needs places with positive weights');
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return items[low] as T;
  };
}
