export * from './catalogue.js';
export * from './history-import.js';
export * from './history-load.js';
export * from './history-simulated.js';
export * from './stock-status.js';
