// Sources and layers the app adds on top of the offline base style. Ids are exported because the
// end-to-end test queries the rendered establishments layer by id.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { ESTABLISHMENT_CATEGORIES } from '@yawar/core';
import { CATEGORY_COLORS, CATEGORY_RANK } from './categoryStyle';

export const SOURCE_IDS = {
  districts: 'districts',
  provinces: 'provinces',
  establishments: 'establishments',
  selectedEstablishment: 'selected-establishment',
  /** The approximate outline of the selected microred (or nothing). */
  microredOutline: 'microred-outline',
} as const;

export const LAYER_IDS = {
  districtsFill: 'districts-fill',
  districtsLine: 'districts-line',
  districtSelected: 'district-selected',
  provincesLine: 'provinces-line',
  /** One circle per establishment with coordinates that passes the current filters. */
  establishments: 'establishments-circle',
  establishmentSelected: 'establishment-selected',
  microredOutlineFill: 'microred-outline-fill',
  /** Dashed: an envelope of the microred's establishments, not an official boundary. */
  microredOutlineLine: 'microred-outline-line',
} as const;

const categoryMatch = (
  valueFor: (code: (typeof ESTABLISHMENT_CATEGORIES)[number]) => string | number,
  fallback: string | number,
) =>
  [
    'match',
    ['get', 'category'],
    ...ESTABLISHMENT_CATEGORIES.flatMap((code) => [code, valueFor(code)]),
    fallback,
  ] as unknown as ExpressionSpecification;

const circleColor = categoryMatch((code) => CATEGORY_COLORS[code], CATEGORY_COLORS.SD);
const categoryRank = categoryMatch((code) => CATEGORY_RANK[code], 0);

/** Radius grows with zoom and with the category level (2.5 px for SD/I-1 up to ~7 px for III). */
const circleRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  ['+', 2.5, ['*', 0.5, categoryRank]],
  12,
  ['+', 5, ['*', 1, categoryRank]],
];

/** A filter that matches nothing, used until a district is selected. */
export const MATCH_NOTHING: ExpressionSpecification = ['==', ['get', 'ubigeo'], ''];

export const districtSelectedFilter = (ubigeo: string | null): ExpressionSpecification =>
  ubigeo === null ? MATCH_NOTHING : ['==', ['get', 'ubigeo'], ubigeo];

/** The selected microred's approximate outline: a faint fill and a dashed line (also on the surveillance map). */
export const microredOutlineLayers: LayerSpecification[] = [
  {
    id: LAYER_IDS.microredOutlineFill,
    type: 'fill',
    source: SOURCE_IDS.microredOutline,
    paint: { 'fill-color': '#6a4c93', 'fill-opacity': 0.08 },
  },
  {
    id: LAYER_IDS.microredOutlineLine,
    type: 'line',
    source: SOURCE_IDS.microredOutline,
    paint: { 'line-color': '#6a4c93', 'line-width': 2, 'line-dasharray': [3, 2] },
  },
];

export const overlayLayers: LayerSpecification[] = [
  {
    id: LAYER_IDS.districtsFill,
    type: 'fill',
    source: SOURCE_IDS.districts,
    paint: { 'fill-color': '#f8f6f1', 'fill-opacity': 0.95 },
  },
  {
    id: LAYER_IDS.districtsLine,
    type: 'line',
    source: SOURCE_IDS.districts,
    paint: { 'line-color': '#a7b1ba', 'line-width': 0.6 },
  },
  {
    id: LAYER_IDS.provincesLine,
    type: 'line',
    source: SOURCE_IDS.provinces,
    paint: {
      'line-color': '#4a5561',
      'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.4, 11, 2.5],
    },
  },
  {
    id: LAYER_IDS.districtSelected,
    type: 'line',
    source: SOURCE_IDS.districts,
    filter: MATCH_NOTHING,
    paint: { 'line-color': '#b3261e', 'line-width': 2.5 },
  },
  ...microredOutlineLayers,
  {
    id: LAYER_IDS.establishments,
    type: 'circle',
    source: SOURCE_IDS.establishments,
    layout: { 'circle-sort-key': categoryRank },
    paint: {
      'circle-color': circleColor,
      'circle-radius': circleRadius,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 12, 1.2],
      'circle-opacity': 0.95,
    },
  },
  {
    id: LAYER_IDS.establishmentSelected,
    type: 'circle',
    source: SOURCE_IDS.selectedEstablishment,
    paint: {
      'circle-color': circleColor,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 7, 12, 11],
      'circle-stroke-color': '#b3261e',
      'circle-stroke-width': 3,
    },
  },
];
