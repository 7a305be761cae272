export * from './altitude.js';
export * from './classify.js';
export * from './rule-sets.js';
