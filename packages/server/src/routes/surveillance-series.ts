import { ALTITUDE_SOURCES, type AltitudeSource } from '@yawar/core';
import {
  altitudeSourceShares,
  departmentName,
  endesPrevalenceByYear,
  ineiOfficialFigures,
  INEI_METHOD_RULE,
  type IneiMethod,
} from '@yawar/db';
import {
  altitudeSourcesQuery,
  altitudeSourcesResponseSchema,
  departmentScopedQuery,
  endesResponseSchema,
} from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { departmentAggregate } from '../security/access.js';

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

/**
 * ENDES and INEI series by method, and where the altitude behind each classification came from.
 * Aggregates only, visible to every scope inside the department (as the prevalence).
 */
export const surveillanceSeriesRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
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
          querystring: departmentScopedQuery(context.defaultDepartment),
          response: { 200: endesResponseSchema },
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
          querystring: altitudeSourcesQuery(context.defaultDepartment),
          response: { 200: altitudeSourcesResponseSchema },
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
