import { UNIT_READERS, type RouteCase } from './common.js';

/** LLANGUAT, I-1, network CELENDIN, executing unit 785: in every "in" scope, in no "out" one. */
const CELENDIN_ESTABLISHMENT = '00004467';
const HISTORY_HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento\n';

/**
 * Rows of the authorization matrix for the supply routes. The stock status and the import are
 * asked with the permission alone (the answer, or every imported row, is then filtered or checked
 * by the caller's scope), so their "out" users get the same status as the "in" ones.
 */
export const SUPPLY_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/supply/resources',
    url: '/api/supply/resources',
    roles: [
      'admin',
      'national_analyst',
      'regional_planner',
      'unit_programmer',
      'lab_coordinator',
      'viewer',
    ],
    scoped: false,
    ok: 200,
  },
  {
    method: 'POST',
    route: '/api/supply/history/imports',
    url: '/api/supply/history/imports?fileName=matriz.csv',
    raw: { contentType: 'text/csv', body: HISTORY_HEADER },
    roles: ['admin', 'regional_planner', 'unit_programmer'],
    scoped: false,
    ok: 202,
  },
  {
    method: 'GET',
    route: '/api/supply/stock-status',
    url: '/api/supply/stock-status?department=06&level=executing_unit',
    roles: UNIT_READERS,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/supply/stock-status/export',
    url: '/api/supply/stock-status/export?department=06&format=csv',
    roles: UNIT_READERS,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/supply/stock-status/establishments/:code',
    url: `/api/supply/stock-status/establishments/${CELENDIN_ESTABLISHMENT}`,
    roles: UNIT_READERS,
    scoped: true,
    ok: 200,
  },
];
