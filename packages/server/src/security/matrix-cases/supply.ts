import type { RouteCase } from './common.js';

/** Rows of the authorization matrix for the supply routes. */
export const SUPPLY_ROUTE_CASES: RouteCase[] = [];
