export * from './stock-classes.js';
export * from './history-records.js';
export * from './simulate-history.js';
export * from './status.js';
export * from './formula.js';
export * from './table.js';
