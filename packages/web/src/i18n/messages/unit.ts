// Messages of the executing unit page ("Mi unidad", keys `eu.*`). Spanish is the reference;
// English is typed against it.

export const unitEs = {
  'eu.title': 'Unidad ejecutora {code}',
  'eu.kicker': 'Unidad ejecutora {code}',
  'eu.notFound': 'No existe la unidad ejecutora {code}.',
  'eu.parent': 'Dependencia',
  'eu.establishments': 'Establecimientos',
  'eu.withLaboratory': 'Con laboratorio',
  'eu.evidence': 'Evidencia',
  'eu.byCategory': 'Establecimientos por categoría',
  'eu.establishmentsTitle': 'Establecimientos de la unidad',
  'eu.noEstablishments': 'La unidad no tiene establecimientos registrados.',
  'eu.name': 'Nombre',
} as const;

export const unitEn: Record<keyof typeof unitEs, string> = {
  'eu.title': 'Executing unit {code}',
  'eu.kicker': 'Executing unit {code}',
  'eu.notFound': 'There is no executing unit {code}.',
  'eu.parent': 'Reports to',
  'eu.establishments': 'Facilities',
  'eu.withLaboratory': 'With laboratory',
  'eu.evidence': 'Evidence',
  'eu.byCategory': 'Facilities by category',
  'eu.establishmentsTitle': 'Facilities of the unit',
  'eu.noEstablishments': 'The unit has no registered facilities.',
  'eu.name': 'Name',
};
