// Colour and size per RENIPRESS category. Colours go from cool (first level of care) to warm
// (hospitals) so complexity reads at a glance; radius grows with level so the few hospitals are
// not hidden under hundreds of health posts.
import type { CategoryCode } from '@yawar/api';

export const CATEGORY_COLORS: Record<CategoryCode, string> = {
  'I-1': '#8ecae6',
  'I-2': '#3a9bd9',
  'I-3': '#1f6fb2',
  'I-4': '#2a9d8f',
  'II-1': '#f4a261',
  'II-2': '#e76f51',
  'II-E': '#c2410c',
  'III-1': '#b5179e',
  'III-2': '#7209b7',
  'III-E': '#560bad',
  SD: '#9aa5b1',
};

/** Drawing order and base radius (px at the department-wide zoom). */
export const CATEGORY_RANK: Record<CategoryCode, number> = {
  SD: 0,
  'I-1': 1,
  'I-2': 2,
  'I-3': 3,
  'I-4': 4,
  'II-1': 5,
  'II-2': 6,
  'II-E': 6,
  'III-1': 7,
  'III-2': 8,
  'III-E': 8,
};
