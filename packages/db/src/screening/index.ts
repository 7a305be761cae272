export * from './import-file.js';
export * from './load.js';
export * from './prevalence.js';
export * from './altitude-sources.js';
export * from './rule-sql.js';
export * from './simulated.js';
export * from './endes.js';
export * from './follow-up.js';
