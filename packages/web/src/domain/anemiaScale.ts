// The choropleth's colour scale, shared by the map layer and its legend so they cannot disagree.
// Sequential orange–red (ColorBrewer OrRd, 6 classes): darker is more anemia, and the hues stay
// distinguishable for the common red–green colour-vision deficiencies.

/** Lower bounds of the classes, as proportions: 0–10, 10–20, … 40–50 and 50 % or more. */
export const SCALE_BREAKS = [0, 0.1, 0.2, 0.3, 0.4, 0.5] as const;
export const SCALE_COLORS = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
/** Districts whose estimate is suppressed or missing: grey under a hatch, never a pale colour. */
export const NO_DATA_COLOR = '#d3d8de';

export function colorFor(estimate: number | null): string {
  if (estimate === null || !Number.isFinite(estimate)) return NO_DATA_COLOR;
  let index = 0;
  for (const [i, lower] of SCALE_BREAKS.entries()) if (estimate >= lower) index = i;
  return SCALE_COLORS[index] ?? NO_DATA_COLOR;
}
