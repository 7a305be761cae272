/**
 * The API contract: the zod schemas of every request and response. The server validates and
 * serialises with them and builds the OpenAPI document from them (/api/docs); the web app
 * imports their types only (`import type`, z.infer), so nothing here reaches its bundle.
 */
export * from './common.js';
export * from './inputs.js';
export * from './params.js';
export * from './audit.js';
export * from './health.js';
export * from './sources.js';
export * from './territory.js';
export * from './microreds.js';
export * from './establishments.js';
export * from './laboratory.js';
export * from './surveillance.js';
export * from './follow-up.js';
export * from './auth.js';
export * from './users.js';
export * from './units.js';
export * from './jobs.js';
export * from './imports.js';
export * from './formula-steps.js';
export * from './programming.js';
export * from './programming-sheet.js';
export * from './programming-intervention.js';
export * from './programming-consolidation.js';
export * from './programming-assistance.js';
export * from './supply.js';
export * from './supply-stock.js';
