export * from './grid.js';
export * from './hgt.js';
export * from './raster.js';
