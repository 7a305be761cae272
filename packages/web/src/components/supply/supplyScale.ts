// Colours of the availability levels and stock classes, shared by the map, its legend, the key
// figures and the tables so they cannot disagree. Levels run red (bajo) to blue (óptimo), a
// scale that stays readable with the common red–green colour-vision deficiencies.
import type { AvailabilityLevel, StockClass } from '@yawar/api';

export const LEVEL_ORDER: readonly AvailabilityLevel[] = ['optimo', 'alto', 'regular', 'bajo'];

export const LEVEL_COLORS: Readonly<Record<AvailabilityLevel, string>> = {
  optimo: '#2c7bb6',
  alto: '#abd9e9',
  regular: '#fdae61',
  bajo: '#d7191c',
};
/** Establishments with nothing evaluated: grey, never a pale level colour. */
export const NO_LEVEL_COLOR = '#b8c0c8';

export const levelColor = (level: AvailabilityLevel | null): string =>
  level === null ? NO_LEVEL_COLOR : LEVEL_COLORS[level];

export const STOCK_CLASS_ORDER: readonly StockClass[] = [
  'desabastecido',
  'substock',
  'normostock',
  'sobrestock',
  'sin_rotacion',
  'sin_dato',
];

export const CLASS_COLORS: Readonly<Record<StockClass, string>> = {
  desabastecido: '#b2182b',
  substock: '#ef8a62',
  normostock: '#4393c3',
  sobrestock: '#5e3c99',
  sin_rotacion: '#8c6d31',
  sin_dato: '#9aa5b1',
};
