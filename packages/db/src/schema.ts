import type { ColumnType, Generated } from 'kysely';
import type { AreaGeometry, ProgrammeStatus, RegistryDiscrepancy } from '@yawar/core';

/** Kysely's view of the tables created by ./migrations; keep the two in step. */
export interface Database {
  department: DepartmentTable;
  province: ProvinceTable;
  district: DistrictTable;
  populated_place: PopulatedPlaceTable;
  district_population_single_age: DistrictPopulationSingleAgeTable;
  health_network: HealthNetworkTable;
  microred: MicroredTable;
  executing_unit: ExecutingUnitTable;
  establishment: EstablishmentTable;
  establishment_lab_override: LabOverrideTable;
  import_run: ImportRunTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_event: AuditEventTable;
  screening_batch: ScreeningBatchTable;
  child: ChildTable;
  screening: ScreeningTable;
  strategic_resource: StrategicResourceTable;
  supply_batch: SupplyBatchTable;
  supply_history: SupplyHistoryTable;
  supply_series: SupplySeriesTable;
  programming_round: ProgrammingRoundTable;
  programme: ProgrammeTable;
  programme_line: ProgrammeLineTable;
  programme_event: ProgrammeEventTable;
  programme_observation: ProgrammeObservationTable;
  round_consolidation: RoundConsolidationTable;
  assistance_meeting: AssistanceMeetingTable;
  assistance_participant: AssistanceParticipantTable;
}

type Geometry = ColumnType<AreaGeometry | null, string | null, string | null>;
type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DepartmentTable {
  ubigeo: string;
  name: string;
  capital: string | null;
  area_km2: number | null;
  geometry: Geometry;
}

export interface ProvinceTable {
  ubigeo: string;
  department_ubigeo: string;
  name: string;
  capital: string | null;
  area_km2: number | null;
  geometry: Geometry;
}

export interface DistrictTable {
  ubigeo: string;
  province_ubigeo: string;
  name: string;
  capital: string | null;
  capital_altitude_m: number | null;
  capital_lat: number | null;
  capital_lon: number | null;
  area_km2: number | null;
  poverty_pct: number | null;
  extreme_poverty_pct: number | null;
  idh: number | null;
  population_2017: number | null;
  population_2022: number | null;
  children_6_35m: number | null;
  children_6_35m_method: string | null;
  geometry: Geometry;
}

/** Population by district and single year of age (migration 0006; INEI Census 2017, Tomo I, Cuadro N.° 1). */
export interface DistrictPopulationSingleAgeTable {
  district_ubigeo: string;
  age: number;
  population: number;
  source: string;
  year: number;
  file_name: string;
  loaded_at: Timestamp;
}

export interface PopulatedPlaceTable {
  code: string;
  district_ubigeo: string;
  name: string;
  area_type: 'urban' | 'rural';
  lat: number | null;
  lon: number | null;
  altitude_m: number | null;
  altitude_source: PlaceAltitudeSource | null;
  in_registry: ColumnType<boolean, boolean | undefined, boolean>;
}

export type PlaceAltitudeSource = 'dem' | 'record' | 'district_capital';
export type EstablishmentAltitudeSource = 'renaes' | 'dem' | 'district_capital';

export interface HealthNetworkTable {
  id: Generated<number>;
  department_ubigeo: string;
  name: string;
  /** RENAES "Código Red" (unique within its DISA); null where only the name is known. */
  code: string | null;
}

export interface MicroredTable {
  id: Generated<number>;
  network_id: number;
  name: string;
  /** RENAES "Código Microrred" (unique within its red). */
  code: string | null;
}

export interface ExecutingUnitTable {
  code: string;
  name: string;
  parent_directorate: string | null;
  department_ubigeo: string;
  evidence: string;
}

export interface EstablishmentTable {
  code: string;
  name: string;
  category: string;
  institution: string | null;
  network_id: number | null;
  microred_id: number | null;
  district_ubigeo: string;
  executing_unit_code: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  altitude_m: number | null;
  altitude_source: EstablishmentAltitudeSource | null;
  coordinate_status: 'ok' | 'missing' | 'outside_district';
  source: string;
  registry_discrepancies: ColumnType<RegistryDiscrepancy[], string | undefined, string>;
  /** Listed in MINSA's RENAES registry file (null: no RENAES file was imported). */
  in_renaes: boolean | null;
  in_registry: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface LabOverrideTable {
  establishment_code: string;
  has_laboratory: boolean;
  reason: string;
  origin: 'import' | 'manual';
  updated_at: Timestamp;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  department_ubigeo: string | null;
  sources: Json<string[]>;
  counts: Json<Record<string, unknown>>;
  actor: string;
  started_at: Timestamp;
  finished_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  scope_kind: string;
  scope_code: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_login_at: Date | null;
  password_changed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
}

/** Failed-login counter per (username as typed, client address); migration 0007. */
export interface LoginThrottleTable {
  username: string;
  address: string;
  attempts: number;
  locked_until: Date | null;
  last_attempt_at: Date;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | undefined, never>;
  actor: ColumnType<string, string, never>;
  actor_user_id: ColumnType<number | null, number | null, never>;
  action: ColumnType<string, string, never>;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  request_id: string | null;
  ip: string | null;
}

export interface ScreeningBatchTable {
  id: Generated<number>;
  file_name: string;
  origin: 'import' | 'simulated';
  rows: number;
  actor: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** `loading` while a load writes it (readers skip its rows), then `complete` (migration 0008). */
  state: Generated<'loading' | 'complete'>;
  heartbeat_at: Date | null;
}

export interface ChildTable {
  id: Generated<number>;
  pseudonym: string;
  birth_date: ColumnType<Date, string, string>;
  sex: 'F' | 'M';
  simulated: boolean;
  /** The load that created the child, removed with it if that load fails (migration 0008). */
  created_by_batch: number | null;
}

export interface ScreeningTable {
  id: Generated<number>;
  child_id: number;
  batch_id: number;
  test_date: ColumnType<Date, string, string>;
  age_months: number;
  hb_tenths: number;
  altitude_m: number;
  altitude_source: string;
  residence_ubigeo: string | null;
  populated_place_code: string | null;
  establishment_code: string;
  weight_kg: number | null;
  supplementation_code: string | null;
  simulated: boolean;
}

export interface StrategicResourceTable {
  code: string;
  name: string;
  form: string;
  concentration: string | null;
  dispensing_unit: string;
  pack_size: number;
  pack_description: string;
  unit_price: number | null;
  price_source: string;
  price_simulated: boolean;
  intervention: string;
  kind: 'medicine' | 'supply' | 'reagent';
  digemid_code: string | null;
  content_amount: number | null;
  content_unit: string | null;
  iron_mg_per_content_unit: number | null;
  vital: ColumnType<boolean, boolean | undefined, boolean>;
  source: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SupplyBatchTable {
  id: Generated<number>;
  file_name: string;
  origin: 'import' | 'simulated';
  rows: number;
  actor: string;
  created_at: Timestamp;
}

/** `month` is the first day of the month. */
export interface SupplyHistoryTable {
  id: Generated<string>;
  executing_unit_code: string;
  establishment_code: string | null;
  resource_code: string;
  month: ColumnType<Date, string, string>;
  consumption: number;
  stock_end: number | null;
  stockout_days: number;
  losses: number;
  in_transit: number;
  batch_id: number;
  simulated: boolean;
}

export interface ProgrammingRoundTable {
  id: Generated<number>;
  name: string;
  fiscal_year: number;
  opens_on: ColumnType<Date, string, string>;
  closes_on: ColumnType<Date, string, string>;
  horizon_start: ColumnType<Date, string, string>;
  history_end: ColumnType<Date, string, string>;
  parameters: Json<unknown>;
  regional_review: boolean;
  status: 'open' | 'consolidated';
  consolidated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

export interface ProgrammeTable {
  id: Generated<number>;
  round_id: number;
  executing_unit_code: string;
  status: ProgrammeStatus;
  version: ColumnType<number, number | undefined, number>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
  updated_by: string;
}

export interface ProgrammeLineTable {
  programme_id: number;
  resource_code: string;
  method: string;
  prefill_quantity: number;
  unit_quantity: number | null;
  justification: string | null;
  computed_method: string;
  cpma: number;
  demand: number;
  safety_stock: number;
  stock_available: number;
  in_transit: number;
  net_requirement: number;
  notices: string;
  unit_price: number | null;
  pack_size: number;
  updated_at: Timestamp;
}

export interface ProgrammeEventTable {
  id: Generated<number>;
  programme_id: number;
  version: number;
  action: string;
  from_status: string;
  to_status: string;
  note: string | null;
  lines: Json<unknown>;
  actor: string;
  at: Timestamp;
}

export interface ProgrammeObservationTable {
  id: Generated<number>;
  programme_id: number;
  resource_code: string | null;
  criticality: 'high' | 'medium' | 'low';
  note: string;
  status: 'open' | 'addressed' | 'resolved';
  response: string | null;
  created_by: string;
  created_at: Timestamp;
  addressed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  programme_version: number;
}

export interface RoundConsolidationTable {
  round_id: number;
  resource_code: string;
  units: number;
  quantity: number;
  packs: number;
  cost: number | null;
}

export interface AssistanceMeetingTable {
  id: Generated<number>;
  round_id: number;
  group_name: string;
  starts_on: ColumnType<Date, string, string>;
  ends_on: ColumnType<Date, string, string>;
  modality: 'in_person' | 'virtual';
  place: string | null;
  created_by: string;
}

export interface AssistanceParticipantTable {
  meeting_id: number;
  executing_unit_code: string;
  attended: boolean | null;
  feedback: string | null;
  updated_by: string | null;
}

/**
 * A unit's monthly series per product (see refreshSupplySeries): `series` is JSON
 * `{"u","r","x","i":[month indices],"c","s","d","l","t","n":[…per month]}`.
 */
export interface SupplySeriesTable {
  executing_unit_code: string;
  resource_code: string;
  simulated: boolean;
  series: string;
}
