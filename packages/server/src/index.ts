export * from './app.js';
export * from './context.js';
export * from './errors.js';
export * from './serve.js';
