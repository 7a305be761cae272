export * from './disclosure.js';
export * from './errors.js';
export * from './normal-quantile.js';
export * from './prevalence-cell.js';
export * from './suppression.js';
export * from './weighted-prevalence.js';
export * from './wilson.js';
