// Layers of the anemia choropleth. The fill colour is a `match` on the district ubigeo computed
// from the same scale as the legend (domain/anemiaScale.ts); the estimate also travels in the
// feature properties so hover texts and the end-to-end test read what is actually drawn.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../domain/anemiaScale';

export const SURVEILLANCE_SOURCE_ID = 'surveillance-districts';
export const HATCH_IMAGE_ID = 'no-data-hatch';

export const SURVEILLANCE_LAYER_IDS = {
  /** One polygon per district, coloured by its estimate; queried by the end-to-end test. */
  fill: 'surveillance-fill',
  hatch: 'surveillance-hatch',
  line: 'surveillance-line',
  hover: 'surveillance-hover',
  selected: 'surveillance-selected',
} as const;

/** `match` from ubigeo to colour; a district missing from the list is drawn as "no data". */
export function fillColorExpression(colors: ReadonlyMap<string, string>): ExpressionSpecification {
  if (colors.size === 0) return ['literal', NO_DATA_COLOR] as unknown as ExpressionSpecification;
  return [
    'match',
    ['get', 'ubigeo'],
    ...[...colors].flatMap(([ubigeo, color]) => [ubigeo, color]),
    NO_DATA_COLOR,
  ] as unknown as ExpressionSpecification;
}

export const ubigeoFilter = (ubigeo: string | null): ExpressionSpecification => [
  '==',
  ['get', 'ubigeo'],
  ubigeo ?? '',
];

export const surveillanceLayers: LayerSpecification[] = [
  {
    id: SURVEILLANCE_LAYER_IDS.fill,
    type: 'fill',
    source: SURVEILLANCE_SOURCE_ID,
    paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': 0.92 },
  },
  {
    // Suppressed or empty districts: a hatch over the grey, so "no data" never reads as "low".
    id: SURVEILLANCE_LAYER_IDS.hatch,
    type: 'fill',
    source: SURVEILLANCE_SOURCE_ID,
    filter: ['==', ['get', 'hasEstimate'], false],
    paint: { 'fill-pattern': HATCH_IMAGE_ID },
  },
  {
    id: SURVEILLANCE_LAYER_IDS.line,
    type: 'line',
    source: SURVEILLANCE_SOURCE_ID,
    paint: { 'line-color': '#ffffff', 'line-width': 0.7 },
  },
  {
    id: SURVEILLANCE_LAYER_IDS.hover,
    type: 'line',
    source: SURVEILLANCE_SOURCE_ID,
    filter: ubigeoFilter(null),
    paint: { 'line-color': '#1d2733', 'line-width': 1.5 },
  },
  {
    id: SURVEILLANCE_LAYER_IDS.selected,
    type: 'line',
    source: SURVEILLANCE_SOURCE_ID,
    filter: ubigeoFilter(null),
    paint: { 'line-color': '#1f6fb2', 'line-width': 3 },
  },
];

/** An 8×8 diagonal hatch drawn in memory: the offline style has no sprite sheet to take it from. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const offset = (y * size + x) * 4;
      const onLine = (x + y) % size === 0 || (x + y + 1) % size === 0;
      data.set(onLine ? [93, 107, 121, 200] : [0, 0, 0, 0], offset);
    }
  }
  return { width: size, height: size, data };
}
