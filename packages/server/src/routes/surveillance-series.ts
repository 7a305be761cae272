import { ALTITUDE_SOURCES, type AltitudeSource } from '@yawar/core';
import {
  altitudeSourceShares,
  departmentName,
  endesPrevalenceByYear,
  ineiOfficialFigures,
  INEI_METHOD_RULE,
  type IneiMethod,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDate } from '@yawar/api';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { departmentAggregate } from '../security/access.js';
import { departmentParam } from '@yawar/api';

const date = calendarDate;
const age = z.coerce.number().int().min(6).max(59);

/** The two methods INEI publishes, with the rule set that implements each (labels in Spanish). */
const METHODS: readonly { method: IneiMethod; rule: 'nts-213-2024' | 'who-2011'; label: string }[] =
  [
    {
      method: 'rm-251-2024',
      rule: INEI_METHOD_RULE['rm-251-2024'],
      label: 'Método RM 251-2024/MINSA (NTS 213)',
    },
    {
      method: 'previous',
      rule: INEI_METHOD_RULE.previous,
      label: 'Método anterior (OMS 2011 con ajuste CDC)',
    },
  ];

const ruleEnum = z.enum(['nts-213-2024', 'who-2011']);
const methodEnum = z.enum(['rm-251-2024', 'previous']);
const scopeEnum = z.enum(['national', 'department']);
const sourceCounts = z.object(
  Object.fromEntries(ALTITUDE_SOURCES.map((s) => [s, z.number()])) as Record<
    AltitudeSource,
    z.ZodNumber
  >,
);

const endesResponse = z.object({
  source: z.string(),
  note: z.string(),
  /** The subsample validates the rules; it is not an estimate (national or departmental). */
  role: z.literal('validation'),
  series: z.array(z.object({ rule: ruleEnum, method: methodEnum, label: z.string() })),
  items: z.array(
    z.object({
      year: z.number(),
      scope: scopeEnum,
      rule: ruleEnum,
      n: z.number(),
      estimate: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      suppressed: z.boolean(),
      designEffect: z.number().nullable(),
    }),
  ),
  officialSource: z.string(),
  official: z.array(
    z.object({
      year: z.number(),
      scope: scopeEnum,
      areaName: z.string(),
      method: methodEnum,
      methodLabel: z.string(),
      rule: ruleEnum,
      value: z.number(),
      /** Decimals of the percentage as published: 0 where only a whole percent is known. */
      decimals: z.union([z.literal(0), z.literal(1)]),
      publisher: z.string(),
      report: z.string(),
      tablePage: z.string(),
      citedVia: z.string(),
      note: z.string(),
    }),
  ),
});

const altitudeResponse = z.object({
  area: z.string(),
  dataSource: z.enum(['simulated', 'records', 'mixed']),
  sources: z.array(z.enum(ALTITUDE_SOURCES)),
  note: z.string(),
  items: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      n: z.number(),
      counts: sourceCounts,
      /** Proportions (0–1) of `n`; they add up to 1. */
      shares: sourceCounts,
      simulatedShare: z.number(),
    }),
  ),
});

/**
 * ENDES and INEI series by method, and where the altitude behind each classification came from.
 * Aggregates only, visible to every scope inside the department (as the prevalence).
 */
export const surveillanceSeriesRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const department = departmentParam(context.defaultDepartment);
    const aggregate = departmentAggregate(
      'surveillance:read',
      (request) =>
        (request.query as { department?: string }).department ?? context.defaultDepartment,
    );

    app.get(
      '/api/surveillance/endes',
      {
        config: { access: aggregate },
        schema: {
          summary:
            "ENDES survey-weighted series per year under both INEI methods (real ~10 % subsample, a validation of the rules) beside INEI's published figures",
          tags: ['surveillance'],
          querystring: z.object({ department }),
          response: { 200: endesResponse },
        },
      },
      async (request) => {
        const code = request.query.department;
        const name = (await departmentName(db, code)) ?? '';
        return {
          source: 'ENDES (INEI), submuestra real de ~10 % (data/anemia); no es la cifra oficial',
          note: 'Validación de las reglas, no una estimación: prevalencia ponderada con PESO; IC 95 % por linealización de Taylor con conglomerados HV001 (sin estratos: HV022 no está en la submuestra); celdas con < 25 casos no ponderados se suprimen (DHS). Las celdas departamentales reúnen unas decenas de niños al año.',
          role: 'validation' as const,
          series: METHODS.map(({ method, rule, label }) => ({ rule, method, label })),
          items: endesPrevalenceByYear(name).map((y) => ({
            year: y.year,
            scope: y.scope,
            rule: y.ruleId,
            n: y.cell.n,
            estimate: y.cell.estimate,
            lower: y.cell.lower,
            upper: y.cell.upper,
            suppressed: y.cell.suppressed,
            designEffect: y.designEffect,
          })),
          officialSource:
            'INEI, cifras publicadas de la ENDES (data/anemia/inei_anemia_6_35m_oficial.csv; fuente de cada cifra en data/anemia/PROVENANCE.md)',
          official: ineiOfficialFigures(code).map((f) => ({
            year: f.year,
            scope: f.areaCode === '00' ? ('national' as const) : ('department' as const),
            areaName: f.areaName,
            method: f.method,
            methodLabel: f.methodLabel,
            rule: f.ruleId,
            value: f.value,
            decimals: f.decimals,
            publisher: f.publisher,
            report: f.report,
            tablePage: f.tablePage,
            citedVia: f.citedVia,
            note: f.note,
          })),
        };
      },
    );

    app.get(
      '/api/surveillance/altitude-sources',
      {
        config: { access: aggregate },
        schema: {
          summary:
            'Per area, the share of children whose classification used the altitude of the record, the populated place, the establishment or the district capital',
          tags: ['surveillance'],
          querystring: z.object({
            department,
            area: z
              .enum(['department', 'province', 'district', 'network', 'establishment'])
              .default('district'),
            from: date.optional(),
            to: date.optional(),
            ageFrom: age.default(6),
            ageTo: age.default(59),
          }),
          response: { 200: altitudeResponse },
        },
      },
      async (request) => {
        const q = request.query;
        if (q.ageFrom > q.ageTo)
          throw new ApiError(400, 'invalid_request', 'ageFrom is after ageTo');
        const rows = await altitudeSourceShares(db, {
          department: q.department,
          area: q.area,
          from: q.from,
          to: q.to,
          ageFromMonths: q.ageFrom,
          ageToMonths: q.ageTo,
        });
        const simulated = rows.reduce((sum, r) => sum + r.simulated, 0);
        const total = rows.reduce((sum, r) => sum + r.n, 0);
        return {
          area: q.area,
          dataSource:
            simulated === 0
              ? ('records' as const)
              : simulated >= total
                ? ('simulated' as const)
                : ('mixed' as const),
          sources: [...ALTITUDE_SOURCES],
          note: 'Altitud usada para ajustar la Hb, en orden: la del registro, la del centro poblado de residencia, la del establecimiento, la de la capital del distrito. Cuenta el primer dosaje de cada niño, como la prevalencia.',
          items: rows.map((r) => ({
            areaCode: r.areaCode,
            areaName: r.areaName,
            n: r.n,
            counts: r.counts,
            shares: Object.fromEntries(
              ALTITUDE_SOURCES.map((s) => [s, r.n > 0 ? r.counts[s] / r.n : 0]),
            ) as Record<AltitudeSource, number>,
            simulatedShare: r.n > 0 ? Math.min(1, r.simulated / r.n) : 0,
          })),
        };
      },
    );
  };
