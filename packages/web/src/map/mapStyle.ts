// The base style has a single background layer on purpose: regional networks may be closed, so
// the map must not depend on any tile server, glyph (font) server or sprite sheet. Everything
// else is GeoJSON the app adds itself (see layers.ts). For the same reason no `symbol` layers are
// used anywhere: they would need glyphs.
import type { StyleSpecification } from 'maplibre-gl';

export const BACKGROUND_COLOR = '#dde5ea';

export const baseStyle: StyleSpecification = {
  version: 8,
  name: 'yawar-offline',
  sources: {},
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
  ],
};
