export * from './rules.js';
export * from './workflow.js';
export * from './catalogue.js';
export * from './sheet-layout.js';
export * from './anemia-lines.js';
export * from './requirement.js';
export * from './programme-line.js';
