import {
  DEFAULT_STOCK_RULE_SET,
  aggregateStockStatus,
  countClasses,
  scopeCovers,
  scopeOverlapsDepartment,
  stockFormulaSteps,
  stockRuleSet,
  toCsv,
  totalStockStatus,
  type Scope,
  type StockRuleSet,
} from '@yawar/core';
import {
  departmentName,
  establishmentLocation,
  executingUnitLocation,
  listResources,
  stockEstablishmentPlace,
  stockStatus,
  supplyHistoryIsSimulated,
  supplyHistoryUnits,
  type YawarDatabase,
} from '@yawar/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  establishmentStockSchema,
  MEDIA_TYPES,
  stockEstablishmentParams,
  stockEstablishmentQuery,
  stockExportQuery,
  stockExportResponse,
  stockStatusQuery,
  stockStatusSchema,
  type StockStatusFilters,
} from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors.js';
import { permission, scopedList } from '../../security/access.js';
import {
  availabilityLevels,
  dataSourceText,
  presentArea,
  presentEstablishment,
  presentRuleSet,
  presentRuleSets,
  stockFormulas,
  stockWorkbook,
  tabular,
} from '../../presenters/stock-status.js';

/**
 * Stock status and availability (DIGEMID classes) of a department's establishments. Every caller
 * with supply:read may ask; the answer holds only the establishments their scope covers (a unit
 * programmer sees their unit's, a network's coordinator their network's), and a scope with no
 * place in the department is refused.
 */
export const stockStatusRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const filters = stockStatusQuery(context.defaultDepartment);

    async function status(request: FastifyRequest, query: StockStatusFilters) {
      const scope = sessionScope(request);
      if (!(await scopeReachesDepartment(db, scope, query.department))) {
        throw new ApiError(403, 'forbidden', 'the department is outside your scope');
      }
      const rules = ruleSetOf(query.ruleSet);
      const result = await stockStatus(db, {
        department: query.department,
        month: query.month ?? null,
        ruleSet: rules,
        visible: (location) => scopeCovers(scope, location),
      });
      const simulated =
        result.establishments.some((e) => e.simulated) ||
        (result.establishments.length === 0 &&
          (await supplyHistoryIsSimulated(db, query.department)));
      const name = (await departmentName(db, query.department)) ?? query.department;
      return { query, rules, result, simulated, name };
    }

    app.get(
      '/api/supply/stock-status',
      {
        config: { access: scopedList('supply:read') },
        schema: {
          summary:
            'Availability and DIGEMID stock classes by area (establishment, microred, network, executing unit) as of a month, within your scope',
          tags: ['supply'],
          querystring: filters,
          response: { 200: stockStatusSchema },
        },
      },
      async (request) => {
        const { query, rules, result, simulated, name } = await status(request, request.query);
        return {
          department: query.department,
          month: result.month,
          latestMonth: result.latestMonth,
          level: query.level,
          ruleSet: presentRuleSet(rules),
          ruleSets: presentRuleSets(),
          availabilityLevels: availabilityLevels(),
          simulated,
          dataSource: dataSourceText(simulated),
          formula: stockFormulas(rules),
          total: presentArea(totalStockStatus(query.department, name, result.establishments)),
          items: sortAreas(aggregateStockStatus(result.establishments, query.level)).map(
            presentArea,
          ),
          establishments: result.establishments.map(presentEstablishment),
        };
      },
    );

    app.get(
      '/api/supply/stock-status/export',
      {
        config: { access: scopedList('supply:read') },
        schema: {
          summary: 'The stock-status table of a level as XLSX (with its method sheet) or CSV',
          tags: ['supply'],
          querystring: stockExportQuery(context.defaultDepartment),
          response: { 200: stockExportResponse },
        },
      },
      async (request, reply) => {
        const { format, ...rest } = request.query;
        const { query, rules, result, simulated } = await status(request, rest);
        const table = tabular(sortAreas(aggregateStockStatus(result.establishments, query.level)));
        const label = simulated ? '-SIMULADO' : '';
        const name = `yawar-abastecimiento${label}-${query.department}-${result.month ?? 'sin-datos'}-${rules.id}-${query.level}`;
        if (format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(`\uFEFF${toCsv(table.header, table.rows)}`);
        }
        const buffer = await stockWorkbook(
          { ruleSet: rules, month: result.month, simulated, level: query.level },
          table,
        );
        return reply
          .header('content-type', MEDIA_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(buffer);
      },
    );

    app.get(
      '/api/supply/stock-status/establishments/:code',
      {
        config: {
          access: permission('supply:read', (request) =>
            supplySiteLocation(db, (request.params as { code: string }).code),
          ),
        },
        schema: {
          summary:
            "An establishment's products as of a month: stock, CPMA with its months, MED, class, and each formula with its numbers",
          tags: ['supply'],
          params: stockEstablishmentParams,
          querystring: stockEstablishmentQuery,
          response: { 200: establishmentStockSchema },
        },
      },
      async (request) => {
        const rules = ruleSetOf(request.query.ruleSet);
        const code = request.params.code;
        const place = await stockEstablishmentPlace(db, code);
        if (!place) throw notFound(`establishment ${code}`);
        const result = await stockStatus(db, {
          department: place.department,
          month: request.query.month ?? null,
          ruleSet: rules,
          establishment: code,
        });
        const resources = new Map((await listResources(db)).map((r) => [r.code, r]));
        // No history (yet, or up to that month): the same shape, nothing evaluated.
        const status = result.establishments[0] ?? null;
        const month = status ? result.month : (request.query.month ?? null);
        const simulated = status?.simulated ?? false;
        const { executingUnit, ...rest } = place;
        return {
          establishment: {
            code: rest.code,
            name: rest.name,
            category: rest.category,
            districtName: rest.districtName,
            lat: rest.lat,
            lon: rest.lon,
            network: rest.network,
            microred: rest.microred,
            executingUnit: status?.executingUnit ?? executingUnit,
          },
          month,
          latestMonth: result.latestMonth,
          ruleSet: presentRuleSet(rules),
          simulated,
          dataSource: dataSourceText(simulated),
          formula: stockFormulas(rules),
          evaluated: status?.evaluated ?? 0,
          available: status?.available ?? 0,
          ratio: status?.ratio ?? null,
          level: status?.level ?? null,
          counts: { ...(status?.counts ?? countClasses([])) },
          products: (status?.products ?? []).map((p) => ({
            resourceCode: p.resourceCode,
            name: resources.get(p.resourceCode)?.name ?? p.resourceCode,
            dispensingUnit: resources.get(p.resourceCode)?.dispensingUnit ?? '',
            stock: p.stock,
            cpma: p.cpma,
            monthsWithConsumption: p.monthsWithConsumption,
            consumptionTotal: p.consumptionTotal,
            window: p.window.map((w) => ({ ...w })),
            med: p.classification?.med ?? null,
            medCompared: p.classification?.medCompared ?? null,
            stockClass: p.stockClass,
            vital: p.vital,
            largeVolume: p.largeVolume,
            evaluated: p.evaluated,
            simulated: p.simulated,
            steps: stockFormulaSteps(p, month ?? '', rules).map((s) => ({ ...s })),
          })),
        };
      },
    );
  };

const ruleSetOf = (id: string): StockRuleSet => stockRuleSet(id) ?? DEFAULT_STOCK_RULE_SET;

/** Worst first is for the page to choose; here, a stable order by name (unassigned last). */
function sortAreas<T extends { areaCode: string; areaName: string }>(items: T[]): T[] {
  return items.sort((a, b) =>
    a.areaCode === '' ? 1 : b.areaCode === '' ? -1 : a.areaName.localeCompare(b.areaName, 'es'),
  );
}

function sessionScope(request: FastifyRequest): Scope {
  const user = request.session?.user;
  if (!user) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
  return user.scope;
}

/** Whether any part of a scope lies in the department (an executing unit or establishment by its own department). */
async function scopeReachesDepartment(
  db: YawarDatabase,
  scope: Scope,
  department: string,
): Promise<boolean> {
  if (scopeOverlapsDepartment(scope, department)) return true;
  if (scope.kind === 'executing_unit')
    return (await executingUnitLocation(db, scope.code))?.department === department;
  if (scope.kind === 'establishment')
    return (await establishmentLocation(db, scope.code))?.department === department;
  return false;
}

/**
 * Where an establishment sits, counted under its unit on record and under every unit its supply
 * history names (an establishment with no unit on record is imported under the unit that serves
 * it, whose programmer must then see it).
 */
async function supplySiteLocation(db: YawarDatabase, code: string) {
  const location = await establishmentLocation(db, code);
  if (!location) return null;
  const units = await supplyHistoryUnits(db, code);
  return {
    ...location,
    executingUnits: [...new Set([...(location.executingUnits ?? []), ...units])],
  };
}
