// Messages of the surveillance page's ENDES/INEI series and altitude-source panel. Spanish is the
// reference; English is typed against it.

export const surveillanceSeriesEs = {
  'surv.series.method.rm-251-2024': 'método RM 251-2024/MINSA (NTS 213)',
  'surv.series.method.previous': 'método anterior (OMS 2011 con ajuste CDC)',
  'surv.series.officialDepartment': 'INEI Cajamarca, cifra oficial, {method}',
  'surv.series.officialNational': 'INEI nacional, cifra oficial, {method}',
  'surv.series.subsampleNational': 'ENDES submuestra ~10 % (validación de reglas), {method}',
  'surv.series.officialTitle':
    'INEI {year}, {area}: {value} % ({method}). Cifra oficial publicada.',
  'surv.series.officialSource':
    'Fuente: {publisher}, {report} ({tablePage}). Tomada de: {citedVia}',
  'surv.series.subsampleTitle':
    'ENDES {year}, submuestra nacional: {estimate} % (IC 95 %: {lower}–{upper} %), {method}. Validación de las reglas de Yawar, no es la cifra oficial.',
  'surv.series.heading': 'ENDES e INEI por método',
  'surv.series.intro':
    'Desde su informe de 2024, INEI publica la anemia de 6 a 35 meses con el método de la RM 251-2024/MINSA y también con el método anterior. Cada serie de Yawar sobre la submuestra ENDES se compara con la cifra oficial del mismo método.',
  'surv.series.year': 'Año',
  'surv.series.subsample': 'Submuestra ENDES, nacional (validación)',
  'surv.series.ineiNational': 'INEI nacional (oficial)',
  'surv.series.ineiDepartment': 'INEI Cajamarca (oficial)',
  'surv.series.subsampleDepartment': 'Submuestra, Cajamarca',
  'surv.series.validationOnly': 'validación, no es estimación',
  'surv.series.subsampleDepartmentCell': '{estimate} % con n = {n}',
  'surv.series.subsampleDepartmentHint':
    'Unas decenas de niños de la submuestra: sirven para comprobar las reglas, no para estimar la prevalencia del departamento. Use la cifra oficial de INEI.',
  'surv.series.notPublished': 'no publicada o no incorporada',
  'surv.series.missing':
    'Años sin cifra oficial: INEI no la publicó con ese método o Yawar aún no la ha incorporado con su fuente (data/anemia/PROVENANCE.md).',
  'surv.alt.title': 'Origen de la altitud usada para ajustar la Hb',
  'surv.alt.intro':
    'Cuanto más se apoya una cifra en la altitud del establecimiento o de la capital del distrito, más puede alejarse de la altitud real donde vive el niño.',
  'surv.alt.source.record': 'Registro',
  'surv.alt.source.populated_place': 'Centro poblado',
  'surv.alt.source.establishment': 'Establecimiento',
  'surv.alt.source.district_capital': 'Capital del distrito',
  'surv.alt.department': 'Departamento',
  'surv.alt.selected': 'Distrito seleccionado: {name}',
  'surv.alt.byDistrict': 'Por distrito ({n})',
  'surv.alt.share': '{source}: {share} % ({count} de {n} niños)',
  'surv.alt.fallback': '{share} % con altitud aproximada (establecimiento o capital)',
  'surv.alt.empty': 'Sin niños tamizados con estos filtros.',
  'surv.alt.unavailable': 'No se pudo cargar el origen de la altitud.',
} as const;

export const surveillanceSeriesEn: Record<keyof typeof surveillanceSeriesEs, string> = {
  'surv.series.method.rm-251-2024': 'RM 251-2024/MINSA method (NTS 213)',
  'surv.series.method.previous': 'previous method (WHO 2011 with CDC adjustment)',
  'surv.series.officialDepartment': 'INEI Cajamarca, official figure, {method}',
  'surv.series.officialNational': 'INEI national, official figure, {method}',
  'surv.series.subsampleNational': 'ENDES ~10 % subsample (rule validation), {method}',
  'surv.series.officialTitle':
    'INEI {year}, {area}: {value} % ({method}). Published official figure.',
  'surv.series.officialSource':
    'Source: {publisher}, {report} ({tablePage}). Taken from: {citedVia}',
  'surv.series.subsampleTitle':
    'ENDES {year}, national subsample: {estimate} % (95 % CI: {lower}–{upper} %), {method}. A validation of Yawar’s rules, not the official figure.',
  'surv.series.heading': 'ENDES and INEI by method',
  'surv.series.intro':
    'Since its 2024 report, INEI publishes anaemia at 6–35 months under the RM 251-2024/MINSA method and under the previous one. Each Yawar series on the ENDES subsample is compared with the official figure of the same method.',
  'surv.series.year': 'Year',
  'surv.series.subsample': 'ENDES subsample, national (validation)',
  'surv.series.ineiNational': 'INEI national (official)',
  'surv.series.ineiDepartment': 'INEI Cajamarca (official)',
  'surv.series.subsampleDepartment': 'Subsample, Cajamarca',
  'surv.series.validationOnly': 'validation, not an estimate',
  'surv.series.subsampleDepartmentCell': '{estimate} % with n = {n}',
  'surv.series.subsampleDepartmentHint':
    'A few dozen children of the subsample: they check the rules, they do not estimate the department’s prevalence. Use INEI’s official figure.',
  'surv.series.notPublished': 'not published or not yet included',
  'surv.series.missing':
    'Years without an official figure: INEI did not publish one under that method, or Yawar has not yet added it with its source (data/anemia/PROVENANCE.md).',
  'surv.alt.title': 'Where the altitude used to adjust Hb came from',
  'surv.alt.intro':
    'The more a figure rests on the establishment’s or the district capital’s altitude, the further it may be from the altitude where the child lives.',
  'surv.alt.source.record': 'Record',
  'surv.alt.source.populated_place': 'Populated place',
  'surv.alt.source.establishment': 'Establishment',
  'surv.alt.source.district_capital': 'District capital',
  'surv.alt.department': 'Department',
  'surv.alt.selected': 'Selected district: {name}',
  'surv.alt.byDistrict': 'By district ({n})',
  'surv.alt.share': '{source}: {share} % ({count} of {n} children)',
  'surv.alt.fallback': '{share} % with an approximate altitude (establishment or capital)',
  'surv.alt.empty': 'No children screened with these filters.',
  'surv.alt.unavailable': 'The altitude sources could not be loaded.',
};
