// The microred level (red → microred → establishment): its selector on the map, surveillance and
// follow-up pages, and what its outline is. Spanish is the reference; English is typed against it.

export const microredEs = {
  'microred.label': 'Microrred',
  'microred.all': 'Todas las microrredes',
  'microred.group': 'Red {network}',
  'microred.outline.legend': 'Contorno aproximado de la microrred',
  'microred.outline.note':
    'Envolvente de sus establecimientos (ampliada 2 km): las microrredes no tienen límite oficial publicado.',
  'microred.establishments': 'Establecimientos de la microrred',
  'microred.summaryShort': 'Red {network} · Microrred {name}',
  'microred.filterHint': 'Filtra las filas por microrred (niveles microrred y establecimiento).',
  'surv.area.microred': 'Microrred',
  'surv.areaLower.microred': 'microrred',
};

export const microredEn: Record<keyof typeof microredEs, string> = {
  'microred.label': 'Microred',
  'microred.all': 'All microreds',
  'microred.group': 'Network {network}',
  'microred.outline.legend': 'Approximate outline of the microred',
  'microred.outline.note':
    'Envelope of its facilities (widened by 2 km): microreds have no published official boundary.',
  'microred.establishments': 'Facilities of the microred',
  'microred.summaryShort': 'Network {network} · Microred {name}',
  'microred.filterHint': 'Filters the rows by microred (microred and facility levels).',
  'surv.area.microred': 'Microred',
  'surv.areaLower.microred': 'microred',
};
