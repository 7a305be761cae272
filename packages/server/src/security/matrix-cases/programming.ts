import type { RouteCase } from './common.js';

/** Rows of the authorization matrix for the programming routes. */
export const PROGRAMMING_ROUTE_CASES: RouteCase[] = [];
