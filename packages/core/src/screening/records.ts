import { normaliseDocument, type DocumentKind } from '../access/documents.js';
import { readRecordsInSlices, type CellReader, type CsvSource } from '../reference/cells.js';
import { IssueLog, type ImportIssue } from '../reference/issues.js';
import { resolveAltitude, type AltitudeSource } from './altitude-chain.js';
import { completedMonths, parseCalendarDate } from './dates.js';
import { runToEnd, type Steps } from '../steps/steps.js';

/**
 * Screening records in the HIS/SIEN-style layout of docs/formats/screening-records.md, validated
 * row by row. Document numbers are pseudonymised here, by the function the caller injects, and
 * never copied into a record or an error message.
 */
export const SCREENING_REQUIRED_COLUMNS = [
  'tipo_doc',
  'num_doc',
  'fecha_nacimiento',
  'sexo',
  'fecha_dosaje',
  'hemoglobina',
  'codigo_renipress',
] as const;
export const SCREENING_OPTIONAL_COLUMNS = [
  'altitud_msnm',
  'ubigeo_residencia',
  'codigo_ccpp',
  'peso_kg',
  'codigo_suplemento',
] as const;

/** Children's screening ages handled by the surveillance module (rules cover from 6 months). */
export const SCREENING_AGE_MONTHS = Object.freeze({ min: 6, max: 59 });

export interface ScreeningRecord {
  readonly line: number;
  /** Pseudonym of the child's document (keyed HMAC); the number itself is gone. */
  readonly childKey: string;
  readonly birthDate: string;
  readonly sex: 'F' | 'M';
  readonly testDate: string;
  readonly ageMonths: number;
  /** Measured Hb, tenths of g/dL. */
  readonly hbTenths: number;
  readonly altitudeM: number;
  readonly altitudeSource: AltitudeSource;
  readonly residenceUbigeo: string | null;
  readonly populatedPlaceCode: string | null;
  readonly establishmentCode: string;
  readonly weightKg: number | null;
  readonly supplementationCode: string | null;
}

export interface ScreeningContext {
  readonly establishments: ReadonlyMap<
    string,
    { readonly districtUbigeo: string; readonly altitudeM: number | null }
  >;
  readonly districts: ReadonlyMap<string, { readonly capitalAltitudeM: number | null }>;
  readonly populatedPlaces: ReadonlyMap<
    string,
    { readonly districtUbigeo: string; readonly altitudeM: number | null }
  >;
  readonly pseudonymise: (kind: DocumentKind, raw: string) => string | null;
  /** Latest acceptable test date (ISO), normally today. */
  readonly today: string;
  /** When given, establishments the importing user may write for (their scope). */
  readonly isInScope?: (establishmentCode: string) => boolean;
}

export type ScreeningValidation =
  | { readonly ok: true; readonly records: readonly ScreeningRecord[] }
  | {
      readonly ok: false;
      /** The first errors (all of them unless the log caps them: `log.summary()` counts all). */
      readonly errors: readonly ImportIssue[];
      /** The rows that passed, so checks against the database can report in the same run. */
      readonly records: readonly ScreeningRecord[];
    };

/** The key that makes two rows the same test: one child, one day, one establishment, one value. */
export const screeningKey = (
  r: Pick<ScreeningRecord, 'childKey' | 'testDate' | 'establishmentCode' | 'hbTenths'>,
): string => `${r.childKey}|${r.testDate}|${r.establishmentCode}|${r.hbTenths}`;

/** `log` may cap the errors it keeps (IssueLogOptions.keep) and send each to a file as found. */
export function validateScreeningRecords(
  source: CsvSource,
  context: ScreeningContext,
  log: IssueLog = new IssueLog(),
): ScreeningValidation {
  return runToEnd(validateScreeningRecordsInSlices(source, context, log));
}

/**
 * `validateScreeningRecords`, yielding the rows done after every slice of `sliceRows`: a server
 * validating 300,000 rows (pseudonymising each) lets other requests run between slices.
 */
export function* validateScreeningRecordsInSlices(
  source: CsvSource,
  context: ScreeningContext,
  log: IssueLog = new IssueLog(),
  sliceRows = 2_000,
): Steps<ScreeningValidation> {
  const firstLineOf = new Map<string, number>();
  const read = (cells: CellReader): ScreeningRecord | undefined => {
    const record = readRecord(cells, context);
    if (!record) return undefined;
    const key = screeningKey(record);
    const first = firstLineOf.get(key);
    if (first !== undefined)
      return cells.fail(null, `duplicate of row ${first}: same child, date, establishment and Hb`);
    firstLineOf.set(key, cells.line);
    return record;
  };
  const records = yield* readRecordsInSlices(
    source,
    SCREENING_REQUIRED_COLUMNS,
    log,
    read,
    sliceRows,
  );
  return log.errorCount > 0 ? { ok: false, errors: log.errors, records } : { ok: true, records };
}

function readRecord(cells: CellReader, context: ScreeningContext): ScreeningRecord | undefined {
  const childKey = readChildKey(cells, context);
  const birthDate = readDate(cells, 'fecha_nacimiento');
  const sex = readSex(cells);
  const testDate = readDate(cells, 'fecha_dosaje');
  const hb = cells.optionalNumber('hemoglobina', 3, 25);
  const establishmentCode = cells.code('codigo_renipress', 8);
  const recordAltitude = cells.optionalNumber('altitud_msnm', -100, 6000);
  const residenceUbigeo = optionalCode(cells, 'ubigeo_residencia', 6);
  const populatedPlaceCode = optionalCode(cells, 'codigo_ccpp', 10);
  const weightKg = cells.optionalNumber('peso_kg', 2, 40);
  if (hb === null) cells.fail('hemoglobina', 'is empty');
  // Checks against the registries run whatever else is wrong in the row, so one pass reports all.
  const establishment = establishmentCode
    ? checkEstablishment(cells, context, establishmentCode)
    : undefined;
  if (residenceUbigeo && !context.districts.has(residenceUbigeo)) {
    cells.fail('ubigeo_residencia', `${residenceUbigeo} is not a known district`);
  }
  const place = populatedPlaceCode ? context.populatedPlaces.get(populatedPlaceCode) : undefined;
  if (populatedPlaceCode && !place)
    cells.fail('codigo_ccpp', `${populatedPlaceCode} is not a known populated place`);
  if (testDate && testDate > context.today)
    cells.fail('fecha_dosaje', `${testDate} is in the future`);
  if (
    !childKey ||
    !birthDate ||
    !sex ||
    !testDate ||
    hb == null ||
    !establishment ||
    !establishmentCode ||
    !cells.ok
  )
    return undefined;
  if (
    recordAltitude === undefined ||
    residenceUbigeo === undefined ||
    populatedPlaceCode === undefined ||
    weightKg === undefined
  ) {
    return undefined;
  }
  if (testDate < birthDate) return cells.fail('fecha_dosaje', 'is before the birth date');
  const ageMonths = completedMonths(birthDate, testDate);
  if (ageMonths < SCREENING_AGE_MONTHS.min || ageMonths > SCREENING_AGE_MONTHS.max) {
    return cells.fail(
      'fecha_nacimiento',
      `age at the test is ${ageMonths} months, outside ${SCREENING_AGE_MONTHS.min}–${SCREENING_AGE_MONTHS.max}`,
    );
  }
  // The chain of altitude-chain.ts: record, populated place, establishment, district capital.
  const district = residenceUbigeo ?? place?.districtUbigeo ?? establishment.districtUbigeo;
  const altitude = resolveAltitude({
    record: recordAltitude,
    populatedPlace: place?.altitudeM ?? null,
    establishment: establishment.altitudeM,
    districtCapital: context.districts.get(district)?.capitalAltitudeM ?? null,
  });
  if (!altitude)
    return cells.fail(
      'altitud_msnm',
      'is empty and no altitude is known for the place, establishment or district',
    );
  return {
    line: cells.line,
    childKey,
    birthDate,
    sex,
    testDate,
    ageMonths,
    hbTenths: Math.round(hb * 10),
    ...altitude,
    residenceUbigeo: residenceUbigeo ?? place?.districtUbigeo ?? null,
    populatedPlaceCode: populatedPlaceCode ?? null,
    establishmentCode,
    weightKg,
    supplementationCode: cells.optionalText('codigo_suplemento'),
  };
}

function checkEstablishment(
  cells: CellReader,
  context: ScreeningContext,
  code: string,
): { districtUbigeo: string; altitudeM: number | null } | undefined {
  const establishment = context.establishments.get(code);
  if (!establishment)
    return cells.fail('codigo_renipress', `${code} is not a registered establishment`);
  if (context.isInScope && !context.isInScope(code))
    return cells.fail('codigo_renipress', `${code} is outside your scope`);
  return establishment;
}

const DOCUMENT_KINDS: Readonly<Record<string, DocumentKind>> = {
  DNI: 'DNI',
  '1': 'DNI',
  CNV: 'CNV',
  '6': 'CNV',
};

function readChildKey(cells: CellReader, context: ScreeningContext): string | undefined {
  const kindText = cells.text('tipo_doc');
  const raw = cells.raw('num_doc');
  if (kindText === undefined) return undefined;
  const kind = DOCUMENT_KINDS[kindText.toUpperCase()];
  if (!kind) return cells.fail('tipo_doc', `"${kindText}" is not DNI or CNV`);
  if (normaliseDocument(kind, raw) === null) {
    // The number itself is personal data: the message says what is wrong, never what was written.
    return cells.fail(
      'num_doc',
      kind === 'DNI' ? 'is not a DNI (8 digits)' : 'is not a CNV number (10 digits)',
    );
  }
  return context.pseudonymise(kind, raw) ?? cells.fail('num_doc', 'could not be pseudonymised');
}

function readDate(cells: CellReader, column: string): string | undefined {
  const text = cells.text(column);
  if (text === undefined) return undefined;
  return (
    parseCalendarDate(text) ??
    cells.fail(column, `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`)
  );
}

function readSex(cells: CellReader): 'F' | 'M' | undefined {
  const text = cells.text('sexo');
  if (text === undefined) return undefined;
  const sex = { F: 'F', M: 'M', FEMENINO: 'F', MASCULINO: 'M', MUJER: 'F', HOMBRE: 'M' }[
    text.toUpperCase()
  ];
  return (sex as 'F' | 'M' | undefined) ?? cells.fail('sexo', `"${text}" is not F or M`);
}

function optionalCode(
  cells: CellReader,
  column: string,
  digits: number,
): string | null | undefined {
  return cells.raw(column) === '' ? null : cells.code(column, digits);
}
