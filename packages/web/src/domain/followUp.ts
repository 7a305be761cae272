// Pure helpers of the follow-up page: its URL, the state of each control, ages, the scope courtesy
// filter of the establishment picker and the CSV export.
import type { LabelledScope } from '@yawar/api';
import { microredCode, networkCode, scopeCovers } from '@yawar/core';
import type {
  EstablishmentProperties,
  FollowUpControl,
  FollowUpItem,
  FollowUpResponse,
  FollowUpStatus,
  RuleId,
} from '@yawar/api';

/** The statuses in the order the tabs show them: the most urgent first, as the server sorts. */
export const FOLLOW_UP_STATUSES = [
  'lost',
  'overdue',
  'on_track',
  'completed',
] as const satisfies readonly FollowUpStatus[];

export type StatusFilter = FollowUpStatus | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = [...FOLLOW_UP_STATUSES, 'all'];

const RULE_IDS: readonly RuleId[] = ['nts-213-2024', 'who-2024', 'who-2011'];

const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** Today in the browser's time zone: in Peru (UTC−5) the UTC date is tomorrow after 7 p.m. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface FollowUpQuery {
  status: StatusFilter;
  /** Null: today, whichever day the page is opened (a bookmark must not freeze the date). */
  today: string | null;
  /** Null: the server's default rule set. */
  rule: RuleId | null;
}

export function readFollowUpQuery(search: string): FollowUpQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const today = params.get('today');
  const rule = params.get('rule');
  return {
    status: STATUS_FILTERS.includes(status as StatusFilter) ? (status as StatusFilter) : 'all',
    today: isDay(today) ? today : null,
    rule: RULE_IDS.includes(rule as RuleId) ? (rule as RuleId) : null,
  };
}

/** Defaults are left out, so the plain page keeps a plain, shareable URL. */
export function writeFollowUpQuery(query: FollowUpQuery): string {
  const params = new URLSearchParams();
  if (query.status !== 'all') params.set('status', query.status);
  if (query.today) params.set('today', query.today);
  if (query.rule) params.set('rule', query.rule);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** RENIPRESS codes are digits (the server pads them to 8); anything else cannot exist. */
export const isEstablishmentCode = (code: string) => /^\d{1,8}$/.test(code);

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** Completed months between two `YYYY-MM-DD` dates, as ages are counted in the norm. */
export function ageInMonths(birthDate: string, asOf: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = asOf.split('-').map(Number);
  return Math.max(0, (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0));
}

/**
 * - done: a test counted for this control;
 * - missed: not done and its window (due date ± tolerance) is over;
 * - due: not done, the window is open now;
 * - upcoming: not done, the window has not opened yet.
 */
export type ControlState = 'done' | 'missed' | 'due' | 'upcoming';

/** `toleranceDays` comes from the schedule in the server's answer, never from a copy here. */
export function controlState(
  control: FollowUpControl,
  today: string,
  toleranceDays: number,
): ControlState {
  if (control.doneOn !== null) return 'done';
  const distance = dayNumber(today) - dayNumber(control.dueDate);
  if (distance > toleranceDays) return 'missed';
  if (distance >= -toleranceDays) return 'due';
  return 'upcoming';
}

/**
 * Whether the user's scope covers an establishment: the core's `scopeCovers`, which the server
 * applies. Only a courtesy that keeps a network coordinator's picker short: the server answers
 * 403 regardless.
 */
export function scopeIncludes(scope: LabelledScope, place: EstablishmentProperties): boolean {
  const department = place.districtUbigeo.slice(0, 2);
  return scopeCovers(scope, {
    department,
    network: place.network === null ? null : networkCode(department, place.network),
    microred:
      place.network === null || place.microred === null
        ? null
        : microredCode(department, place.network, place.microred),
    establishment: place.code,
    executingUnits: place.executingUnitCode ? [place.executingUnitCode] : [],
  });
}

/** Filters the list as the status tabs do. */
export const withStatus = (items: readonly FollowUpItem[], status: StatusFilter) =>
  status === 'all' ? [...items] : items.filter((item) => item.status === status);

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The list on screen as CSV, with the columns named and coded as in the server's exports
 * (Spanish snake_case headers, API codes, si/no), so a spreadsheet treats every file alike.
 */
export function followUpCsv(response: FollowUpResponse, items: readonly FollowUpItem[]): string {
  const header = [
    'codigo_renipress',
    'establecimiento',
    'red',
    'microrred',
    'ref_nino',
    'sexo',
    'fecha_nacimiento',
    'edad_meses',
    'fecha_diagnostico',
    'nivel_diagnostico',
    ...response.schedule.controlsAfterDays.flatMap((days) => [
      `control_${days}d_previsto`,
      `control_${days}d_hecho`,
      `control_${days}d_nivel`,
    ]),
    'proximo_control',
    'estado',
    'ultimo_nivel',
    'tratamiento_registrado',
    'regla',
    'calendario',
    'fecha_evaluacion',
    'simulado',
  ];
  const rows = items.map((item) => [
    response.establishment.code,
    response.establishment.name,
    response.establishment.network ?? null,
    response.establishment.microred ?? null,
    item.childRef,
    item.sex,
    item.birthDate,
    ageInMonths(item.birthDate, response.today),
    item.diagnosisDate,
    item.diagnosisLevel,
    ...response.schedule.controlsAfterDays.flatMap((_, index) => {
      const control = item.controls[index];
      return [control?.dueDate ?? null, control?.doneOn ?? null, control?.level ?? null];
    }),
    item.nextDue,
    item.status,
    item.lastLevel,
    item.treatmentRecorded ? 'si' : 'no',
    response.rule,
    response.schedule.id,
    response.today,
    item.simulated ? 'si' : 'no',
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** Like the server's export names: a simulated file says so in its name too. */
export function followUpFileName(response: FollowUpResponse, status: StatusFilter): string {
  const simulated = response.simulated ? '-SIMULADO' : '';
  const part = status === 'all' ? '' : `-${status}`;
  return `yawar-seguimiento${simulated}-${response.establishment.code}-${response.today}${part}.csv`;
}
