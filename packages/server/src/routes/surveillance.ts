import {
  hbRuleListSchema,
  prevalenceQuery,
  prevalenceResponseSchema,
  reclassificationQuery,
  reclassificationResponseSchema,
  surveillanceExportQuery,
  surveillanceExportResponse,
  MEDIA_TYPES,
  type AnemiaLevel,
  type PrevalenceItem,
  type PrevalenceResponse,
} from '@yawar/api';
import {
  aggregateQueryProblem,
  DEFAULT_HB_RULE_SET,
  hasPermission,
  HB_RULE_SETS,
  hbRuleSet,
  permittedAgeWindows,
  scopeCovers,
  toCsv,
  type HbRuleSet,
} from '@yawar/core';
import {
  listDistricts,
  prevalenceCounts,
  protectedPrevalenceCounts,
  reclassification,
  type ProtectedPrevalenceRow,
} from '@yawar/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import {
  dataSourceOf,
  formulas,
  presentPrevalence,
  QUERY_POLICY,
  SUPPRESSION,
} from '../presenters/surveillance.js';
import { prevalenceWorkbook } from '../presenters/workbook.js';
import { departmentAggregate, REGISTRY } from '../security/access.js';

const ruleOf = (id: string): HbRuleSet => hbRuleSet(id) ?? DEFAULT_HB_RULE_SET;

/** Anemia surveillance: aggregated figures only, visible to every scope inside the department. */
export const surveillanceRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const filters = prevalenceQuery(context.defaultDepartment);
    const aggregate = departmentAggregate(
      'surveillance:read',
      (request) =>
        (request.query as { department?: string }).department ?? context.defaultDepartment,
    );

    /**
     * Estimated children 6–35 months per area (district estimates added up for provinces and the
     * department). Only for that age band: comparing another band with it would mix populations.
     */
    async function targetPopulation(
      query: z.infer<typeof filters>,
    ): Promise<Map<string, number | null>> {
      const population = new Map<string, number | null>();
      if (query.ageFrom !== 6 || query.ageTo !== 35) return population;
      const prefix = { district: 6, province: 4, department: 2 }[query.area as string];
      if (!prefix) return population;
      for (const district of await listDistricts(db, { department: query.department })) {
        const key = district.ubigeo.slice(0, prefix);
        const value = district.children6to35Months;
        population.set(
          key,
          value === null ? (population.get(key) ?? null) : (population.get(key) ?? 0) + value,
        );
      }
      return population;
    }

    /**
     * Only a caller who may read the children's records of the whole department (children:read,
     * scope covering it) may ask for any age window and day: the figures tell them nothing new.
     * Everyone else asks within QUERY_POLICY's fixed bands and whole months, so that no two
     * questions differ by a small cell (docs/methods/prevalence.md §4).
     */
    function assertQuerySpace(
      request: FastifyRequest,
      department: string,
      window: {
        ageFrom: number;
        ageTo: number;
        from?: string | undefined;
        to?: string | undefined;
      },
    ): void {
      if (window.ageFrom > window.ageTo)
        throw new ApiError(400, 'invalid_request', 'ageFrom is after ageTo');
      const user = request.session?.user;
      if (
        user &&
        hasPermission(user.role, 'children:read') &&
        scopeCovers(user.scope, { department })
      )
        return;
      const problem = aggregateQueryProblem(window, QUERY_POLICY);
      if (problem) throw new ApiError(400, problem.code, problem.message);
    }

    async function prevalence(
      query: z.infer<typeof filters>,
      request: FastifyRequest,
    ): Promise<PrevalenceResponse> {
      assertQuerySpace(request, query.department, query);
      const rule = ruleOf(query.rule);
      const window = { ...query, ageFromMonths: query.ageFrom, ageToMonths: query.ageTo };
      // A permitted window gets the one suppression every output path applies (primary and
      // complementary); a free window, only for who may see the records, gets the primary rule.
      const permitted = permittedAgeWindows(QUERY_POLICY).some(
        (w) => w.from === query.ageFrom && w.to === query.ageTo,
      );
      const protectedRows: ProtectedPrevalenceRow[] = permitted
        ? await protectedPrevalenceCounts(db, rule, window, QUERY_POLICY, SUPPRESSION)
        : (await prevalenceCounts(db, rule, window)).map((row) => ({ row, protection: null }));
      const counts = protectedRows.map((r) => r.row);
      const children = await targetPopulation(query);
      const source =
        dataSourceOf(counts) === 'records'
          ? `screening records, rule ${rule.id}`
          : `SIMULATED demo screening records, rule ${rule.id}`;
      // Coverage compares children screened with those living there: only per year or in all.
      const withCoverage = query.period === 'all' || query.period === 'year';
      // A microred filter narrows the rows (an establishment's or a microred's own), never the
      // department's totals: it applies to the levels that carry a microred.
      const rows =
        query.microred && (query.area === 'microred' || query.area === 'establishment')
          ? protectedRows.filter(({ row }) => row.microredCode === query.microred)
          : protectedRows;
      const items: PrevalenceItem[] = rows.map(({ row, protection }) =>
        presentPrevalence(
          row,
          source,
          children.get(row.areaCode) ?? null,
          withCoverage,
          protection,
        ),
      );
      return {
        rule: { id: rule.id, title: rule.title, source: rule.source },
        area: query.area,
        period: query.period,
        dataSource: dataSourceOf(counts),
        confidence: 0.95,
        suppressionRule: { id: SUPPRESSION.id, description: SUPPRESSION.reason },
        queryPolicy: { id: QUERY_POLICY.id, ageWindows: permittedAgeWindows(QUERY_POLICY) },
        formula: formulas(rule),
        items,
      };
    }

    app.get(
      '/api/surveillance/rules',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Hemoglobin rule sets',
          tags: ['surveillance'],
          response: { 200: hbRuleListSchema },
        },
      },
      () => ({
        items: HB_RULE_SETS.map((r) => ({
          id: r.id,
          title: r.title,
          effectiveFrom: r.effectiveFrom,
          effectiveTo: r.effectiveTo,
          source: r.source,
          isDefault: r.id === DEFAULT_HB_RULE_SET.id,
        })),
      }),
    );

    app.get(
      '/api/surveillance/prevalence',
      {
        config: { access: aggregate },
        schema: {
          summary:
            'Anemia prevalence by area and period under a rule set, with 95 % Wilson intervals and small-cell suppression',
          tags: ['surveillance'],
          querystring: filters,
          // Checked on the way out like every answer: ~10 ms on 20,800 rows (8.5 MB, establishments
          // by month), next to ~2 s of query; the bytes are the same as before the schema.
          response: { 200: prevalenceResponseSchema },
        },
      },
      (request) => prevalence(request.query, request),
    );

    app.get(
      '/api/surveillance/reclassification',
      {
        config: { access: aggregate },
        schema: {
          summary: 'How many children change anemia level between two rule sets',
          tags: ['surveillance'],
          querystring: reclassificationQuery(context.defaultDepartment),
          response: { 200: reclassificationResponseSchema },
        },
      },
      async (request) => {
        const q = request.query;
        assertQuerySpace(request, q.department, {
          ageFrom: q.ageFrom,
          ageTo: q.ageTo,
          from: q.fromDate,
          to: q.toDate,
        });
        const items = await reclassification(db, ruleOf(q.from), ruleOf(q.to), {
          department: q.department,
          from: q.fromDate,
          to: q.toDate,
          ageFromMonths: q.ageFrom,
          ageToMonths: q.ageTo,
        });
        const total = items.reduce((sum, i) => sum + i.children, 0);
        const changed = items
          .filter((i) => i.from !== i.to)
          .reduce((sum, i) => sum + i.children, 0);
        // levelSql yields only the four levels (rows it cannot classify are left out).
        const levels = items as { from: AnemiaLevel; to: AnemiaLevel; children: number }[];
        return { from: q.from, to: q.to, total, changed, items: levels };
      },
    );

    app.get(
      '/api/surveillance/export',
      {
        config: { access: aggregate },
        schema: {
          summary: 'The prevalence table as XLSX or CSV',
          tags: ['surveillance'],
          querystring: surveillanceExportQuery(context.defaultDepartment),
          response: { 200: surveillanceExportResponse },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await prevalence(query, request);
        const simulated = result.dataSource === 'records' ? '' : '-SIMULADO';
        // A microred filter shows in the file name, in ASCII (BAÑOS DEL INCA → BANOS-DEL-INCA).
        const microred =
          query.microred && (query.area === 'microred' || query.area === 'establishment')
            ? `-${query.microred
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '')
                .replace(/[^A-Za-z0-9]+/g, '-')}`
            : '';
        const name = `yawar-anemia${simulated}-${query.department}-${result.rule.id}-${query.area}${microred}-${query.period}`;
        if (format === 'csv') {
          const { header, rows } = tabular(result.items);
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(`\uFEFF${toCsv(header, rows)}`);
        }
        const buffer = await prevalenceWorkbook(result, tabular(result.items));
        return reply
          .header('content-type', MEDIA_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(buffer);
      },
    );
  };

/** The table as exported: one header row, one row per area and period (Spanish column names). */
function tabular(items: readonly PrevalenceItem[]) {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const header = [
    'codigo_area',
    'area',
    'periodo',
    'ninos_con_dosaje',
    'con_anemia',
    'leve',
    'moderada',
    'severa',
    'prevalencia_pct',
    'ic95_inferior_pct',
    'ic95_superior_pct',
    'suprimido',
    'motivo_supresion',
    'ninos_6_35m_estimados',
    'cobertura_pct',
    'anemicos_estimados',
    'simulado_pct',
    'red',
    'microrred',
  ];
  const rows = items.map((i) => [
    i.areaCode,
    i.areaName,
    i.period,
    i.n,
    i.cases,
    i.mild,
    i.moderate,
    i.severe,
    pct(i.estimate),
    pct(i.lower),
    pct(i.upper),
    i.suppressed ? 'si' : 'no',
    i.suppressionReason,
    i.children6to35Months,
    pct(i.coverage),
    i.estimatedAnemicChildren,
    pct(i.simulatedShare),
    i.network,
    i.microred,
  ]);
  return { header, rows };
}
