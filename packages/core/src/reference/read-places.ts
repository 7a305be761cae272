import { readRecords, type CsvSource } from './cells.js';
import type { IssueLog } from './issues.js';
import type { AreaType, LaboratoryOverride, PopulatedPlaceRecord } from './types.js';

const AREA_TYPES: Readonly<Record<string, AreaType>> = {
  urban: 'urban',
  urbano: 'urban',
  rural: 'rural',
};

/** INEI centros poblados (castagnetto layout: inei_ccpp, inei_distrito, ccpp, tipo, latitude, longitude). */
export function readPopulatedPlaces(
  source: CsvSource,
  districtCodes: ReadonlySet<string>,
  log: IssueLog,
): PopulatedPlaceRecord[] {
  const seen = new Set<string>();
  const columns = ['inei_ccpp', 'inei_distrito', 'ccpp', 'tipo', 'latitude', 'longitude'];
  return readRecords(source, columns, log, (cells) => {
    const code = cells.code('inei_ccpp', 10);
    const districtUbigeo = cells.code('inei_distrito', 6);
    const name = cells.text('ccpp');
    const type = cells.text('tipo');
    const lat = cells.optionalNumber('latitude', -90, 90);
    const lon = cells.optionalNumber('longitude', -180, 180);
    if (!code || !districtUbigeo || !name || !type || lat === undefined || lon === undefined)
      return undefined;
    const areaType = AREA_TYPES[type.toLowerCase()];
    if (!areaType) return cells.fail('tipo', `"${type}" is neither Urban nor Rural`);
    if (!districtCodes.has(districtUbigeo))
      return cells.fail('inei_distrito', `${districtUbigeo} is not a district of this department`);
    if (!code.startsWith(districtUbigeo))
      return cells.fail('inei_ccpp', `${code} does not start with its district ${districtUbigeo}`);
    if ((lat === null) !== (lon === null))
      return cells.fail('latitude', 'one coordinate is missing');
    if (seen.has(code)) return cells.fail('inei_ccpp', `${code} appears more than once`);
    seen.add(code);
    return { code, districtUbigeo, name, areaType, lat, lon };
  });
}

const YES_NO: Readonly<Record<string, boolean>> = {
  si: true,
  sí: true,
  yes: true,
  '1': true,
  no: false,
  '0': false,
};

/** Planners' corrections of the laboratory rule: codigo_renipress, tiene_laboratorio (si/no), motivo. */
export function readLaboratoryOverrides(
  source: CsvSource,
  establishmentCodes: ReadonlySet<string>,
  log: IssueLog,
): LaboratoryOverride[] {
  return readRecords(source, ['codigo_renipress', 'tiene_laboratorio', 'motivo'], log, (cells) => {
    const code = cells.code('codigo_renipress', 8);
    const answer = cells.text('tiene_laboratorio');
    const reason = cells.text('motivo');
    if (!code || answer === undefined || !reason) return undefined;
    const hasLaboratory = YES_NO[answer.toLowerCase()];
    if (hasLaboratory === undefined)
      return cells.fail('tiene_laboratorio', `"${answer}" is not si/no`);
    if (!establishmentCodes.has(code))
      return cells.fail('codigo_renipress', `${code} is not an establishment of this department`);
    return { establishmentCode: code, hasLaboratory, reason };
  });
}
