export * from './apply-dem.js';
export * from './import-dem.js';
export * from './read-dem.js';
