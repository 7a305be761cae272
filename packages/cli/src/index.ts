export * from './io.js';
export * from './program.js';
