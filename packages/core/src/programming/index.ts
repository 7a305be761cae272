export * from './rules.js';
export * from './workflow.js';
export * from './catalogue.js';
