// Messages of the anaemia surveillance page. Spanish is the reference; English is typed against it.

export const surveillanceEs = {
  'surv.title': 'Vigilancia de anemia',
  'surv.kicker': 'Cajamarca · niños tamizados con dosaje de hemoglobina',
  'surv.intro':
    'Prevalencia de anemia por área y periodo, con su intervalo de confianza. Pase el cursor sobre cualquier cifra para ver cómo se calculó.',
  'surv.simulated': 'SIMULADO',
  'surv.simulatedHint':
    'Cifras calculadas sobre registros de tamizaje simulados para demostración: no describen a niños reales.',
  'surv.simulatedBanner':
    'Esta base de demostración solo contiene tamizajes simulados. Ninguna cifra de esta página sirve para decidir.',
  'surv.simulatedShare': 'Registros simulados: {share} de los niños.',
  'surv.dataSource.simulated': 'Registros de tamizaje SIMULADOS (datos de demostración)',
  'surv.dataSource.records': 'Registros de tamizaje de los establecimientos (HIS/SIEN)',
  'surv.dataSource.mixed': 'Registros de tamizaje reales y SIMULADOS mezclados',
  'surv.empty': 'No hay niños tamizados con estos filtros.',
  'surv.noData': 'Sin datos suficientes',
  'surv.notApplicable':
    'No corresponde a este nivel, periodo o grupo de edad (la población estimada es la de 6 a 35 meses).',

  'surv.filter.rule': 'Regla de clasificación',
  'surv.filter.default': 'vigente',
  'surv.filter.granularity': 'Tendencia por',
  'surv.filter.age': 'Edad',
  'surv.filter.ageBand': '{from} a {to} meses',
  'surv.filter.area': 'Nivel de la tabla',
  'surv.period.all': 'todo el rango',
  'surv.period.year': 'Año',
  'surv.period.quarter': 'Trimestre',
  'surv.period.month': 'Mes',
  'surv.area.district': 'Distrito',
  'surv.area.province': 'Provincia',
  'surv.area.network': 'Red de salud',
  'surv.area.establishment': 'Establecimiento',
  'surv.area.department': 'Departamento',
  'surv.level.none': 'Sin anemia',
  'surv.level.mild': 'Leve',
  'surv.level.moderate': 'Moderada',
  'surv.level.severe': 'Severa',

  'surv.kf.title': 'Cifras del departamento',
  'surv.kf.prevalence': 'Prevalencia de anemia',
  'surv.kf.n': 'Niños tamizados',
  'surv.kf.cases': 'Con anemia',
  'surv.kf.estimatedAnemic': 'Niños anémicos estimados (6–35 m)',
  'surv.kf.ofChildren': 'de ≈ {children} niños de 6 a 35 meses',
  'surv.kf.rule': 'Regla y fuente',
  'surv.interval': 'IC {confidence} %: {lower}–{upper} %',
  'surv.estimateWithInterval': '{estimate} ({lower}–{upper})',
  'surv.severitySummary': 'leve {mild} · moderada {moderate} · severa {severe}',

  'surv.formula.n':
    'Niños tamizados = {n}: cada niño cuenta una vez, con su primer dosaje del periodo, dentro del grupo de edad elegido.',
  'surv.formula.cases':
    'Casos = leve + moderada + severa = {mild} + {moderate} + {severe} = {cases}.',
  'surv.formula.severity':
    'Niños con anemia leve / moderada / severa según los puntos de corte de la regla elegida.',
  'surv.formula.estimate': '{formula}. Aquí: {cases} ÷ {n} = {estimate}.',
  'surv.formula.interval': 'Intervalo de confianza {confidence} %: {formula}.',
  'surv.formula.adjustment': 'Ajuste de la hemoglobina: {formula}.',
  'surv.formula.children':
    'Niños de 6 a 35 meses del distrito: estimación a partir de la población censal (INEI), no un conteo.',
  'surv.formula.estimatedAnemic':
    'Niños anémicos estimados = prevalencia × niños de 6 a 35 meses = {estimate} × {children} ≈ {result}.',
  'surv.formula.coverage':
    'Cobertura = niños tamizados ÷ niños de 6 a 35 meses estimados = {n} ÷ {children} = {coverage}.',
  'surv.ruleLine': 'Regla: {rule} ({source}).',
  'surv.sourceLine': 'Fuente: {source}.',
  'surv.periodLine': 'Periodo: {period}.',
  'surv.suppressedBecause': 'Cifra suprimida: {reason}. Regla: {rule}',
  'surv.suppression.small_denominator': 'muy pocos niños tamizados para una estimación fiable',
  'surv.suppression.small_numerator': 'muy pocos casos: podrían identificar a niños',
  'surv.suppression.complementary':
    'oculta para que una cifra suprimida de otro grupo de edad no pueda obtenerse por resta',
  'surv.suppression.unknown': 'no hay datos suficientes',

  'surv.map.title': 'Prevalencia por distrito',
  'surv.map.subtitle': '{rule} · {ages} · todo el rango de fechas',
  'surv.map.hint':
    'Pase el cursor sobre un distrito para ver su prevalencia, o haga clic para ver todas sus cifras aquí.',
  'surv.map.districtOf': 'Distrito · provincia de {province}',
  'surv.hover.counts': '{cases} con anemia de {n} tamizados',
  'surv.legend.title': 'Prevalencia de anemia',
  'surv.legend.hint':
    'Color según la prevalencia estimada con la regla {rule}. Gris rayado: cifra suprimida o sin niños tamizados.',
  'surv.legend.range': '{from}–{to} %',
  'surv.legend.orMore': '{from} % o más',

  'surv.trend.title': 'Tendencia en el departamento',
  'surv.trend.screening': 'Tamizaje, regla {rule}',
  'surv.trend.caption':
    'Línea: prevalencia del tamizaje por {granularity}; banda: intervalo de confianza {confidence} %. Rombos: cifra oficial de INEI para el departamento; cuadrados: INEI nacional; círculos: submuestra ENDES nacional (validación de reglas). Son encuestas, otra fuente: no se unen con el tamizaje. Las celdas departamentales de la submuestra no se dibujan (ver la tabla).',
  'surv.endes.label': 'ENDES (INEI), submuestra ~10 %, no oficial',
  'surv.endes.suppressed':
    'Cifra suprimida: menos de 25 casos no ponderados (convención DHS para encuestas).',
  'surv.endes.design':
    'n = {n} niños; efecto de diseño = {deff}; prevalencia ponderada por el diseño de la encuesta.',

  'surv.table.title': 'Prevalencia por {area}',
  'surv.areaLower.district': 'distrito',
  'surv.areaLower.province': 'provincia',
  'surv.areaLower.network': 'red de salud',
  'surv.areaLower.establishment': 'establecimiento',
  'surv.table.count': '{n} filas · mismas filas que la exportación',
  'surv.col.n': 'Tamizados',
  'surv.col.cases': 'Con anemia',
  'surv.col.estimate': 'Prevalencia (IC 95 %)',
  'surv.col.severity': 'Severidad',
  'surv.col.severityShort': 'Leve / mod. / sev.',
  'surv.col.children': 'Niños 6–35 m (est.)',
  'surv.col.estimatedAnemic': 'Anémicos estimados',
  'surv.col.coverage': 'Cobertura',

  'surv.reclass.title': 'Cambio de regla',
  'surv.reclass.compare': 'Comparar con',
  'surv.reclass.before': 'Pasar de {from} a {to} cambia la clase de',
  'surv.reclass.after': 'niños (de {total}, {share} %).',
  'surv.reclass.hint':
    '{changed} de {total} niños tamizados quedan en otra clase (sin anemia, leve, moderada, severa) con la segunda regla. Mismos niños y filtros; primer dosaje de cada niño.',
  'surv.reclass.caption': 'Filas: clase con {from}. Columnas: clase con {to}.',
  'surv.reclass.fromTo': 'Antes \\ después',
  'surv.reclass.cellHint': '{children} niños: {from} con {fromRule}, {to} con {toRule}.',

  'surv.export.xlsx': 'Exportar XLSX',
  'surv.export.csv': 'Exportar CSV',
  'surv.export.hint': 'Descarga la tabla por {area} con los filtros actuales.',

  'surv.methods.title': 'Método y fuentes',
  'surv.methods.rule': 'Regla de clasificación',
  'surv.methods.prevalence': 'Prevalencia',
  'surv.methods.interval': 'Intervalo de confianza {confidence} %',
  'surv.methods.adjustment': 'Ajuste de la hemoglobina',
  'surv.methods.suppression': 'Supresión de cifras pequeñas',
  'surv.methods.children': 'Niños de 6 a 35 meses',
  'surv.methods.source': 'Datos',
} as const;

export const surveillanceEn: Record<keyof typeof surveillanceEs, string> = {
  'surv.title': 'Anemia surveillance',
  'surv.kicker': 'Cajamarca · children screened with a haemoglobin test',
  'surv.intro':
    'Anemia prevalence by area and period, with its confidence interval. Hover over any figure to see how it was computed.',
  'surv.simulated': 'SIMULATED',
  'surv.simulatedHint':
    'Figures computed from screening records simulated for demonstration: they describe no real children.',
  'surv.simulatedBanner':
    'This demonstration database holds simulated screenings only. No figure on this page is fit for decisions.',
  'surv.simulatedShare': 'Simulated records: {share} of the children.',
  'surv.dataSource.simulated': 'SIMULATED screening records (demonstration data)',
  'surv.dataSource.records': 'Screening records from the facilities (HIS/SIEN)',
  'surv.dataSource.mixed': 'Real and SIMULATED screening records mixed',
  'surv.empty': 'No children screened with these filters.',
  'surv.noData': 'Not enough data',
  'surv.notApplicable':
    'Not applicable at this level, period or age band (the population estimate is for 6 to 35 months).',

  'surv.filter.rule': 'Classification rule',
  'surv.filter.default': 'in force',
  'surv.filter.granularity': 'Trend by',
  'surv.filter.age': 'Age',
  'surv.filter.ageBand': '{from} to {to} months',
  'surv.filter.area': 'Table level',
  'surv.period.all': 'the whole range',
  'surv.period.year': 'Year',
  'surv.period.quarter': 'Quarter',
  'surv.period.month': 'Month',
  'surv.area.district': 'District',
  'surv.area.province': 'Province',
  'surv.area.network': 'Health network',
  'surv.area.establishment': 'Facility',
  'surv.area.department': 'Department',
  'surv.level.none': 'No anemia',
  'surv.level.mild': 'Mild',
  'surv.level.moderate': 'Moderate',
  'surv.level.severe': 'Severe',

  'surv.kf.title': 'Department figures',
  'surv.kf.prevalence': 'Anemia prevalence',
  'surv.kf.n': 'Children screened',
  'surv.kf.cases': 'With anemia',
  'surv.kf.estimatedAnemic': 'Estimated anemic children (6–35 m)',
  'surv.kf.ofChildren': 'of ≈ {children} children aged 6 to 35 months',
  'surv.kf.rule': 'Rule and source',
  'surv.interval': '{confidence} % CI: {lower}–{upper} %',
  'surv.estimateWithInterval': '{estimate} ({lower}–{upper})',
  'surv.severitySummary': 'mild {mild} · moderate {moderate} · severe {severe}',

  'surv.formula.n':
    'Children screened = {n}: each child counts once, with their first test in the period, within the chosen age band.',
  'surv.formula.cases':
    'Cases = mild + moderate + severe = {mild} + {moderate} + {severe} = {cases}.',
  'surv.formula.severity':
    'Children with mild / moderate / severe anemia under the cut-offs of the chosen rule.',
  'surv.formula.estimate': '{formula}. Here: {cases} ÷ {n} = {estimate}.',
  'surv.formula.interval': '{confidence} % confidence interval: {formula}.',
  'surv.formula.adjustment': 'Haemoglobin adjustment: {formula}.',
  'surv.formula.children':
    'District children aged 6 to 35 months: an estimate from the census population (INEI), not a count.',
  'surv.formula.estimatedAnemic':
    'Estimated anemic children = prevalence × children aged 6 to 35 months = {estimate} × {children} ≈ {result}.',
  'surv.formula.coverage':
    'Coverage = children screened ÷ estimated children aged 6 to 35 months = {n} ÷ {children} = {coverage}.',
  'surv.ruleLine': 'Rule: {rule} ({source}).',
  'surv.sourceLine': 'Source: {source}.',
  'surv.periodLine': 'Period: {period}.',
  'surv.suppressedBecause': 'Figure suppressed: {reason}. Rule: {rule}',
  'surv.suppression.small_denominator': 'too few children screened for a reliable estimate',
  'surv.suppression.small_numerator': 'too few cases: they could identify children',
  'surv.suppression.complementary':
    'hidden so that a suppressed figure of another age band cannot be recovered by subtraction',
  'surv.suppression.unknown': 'not enough data',

  'surv.map.title': 'Prevalence by district',
  'surv.map.subtitle': '{rule} · {ages} · whole date range',
  'surv.map.hint':
    'Hover over a district to see its prevalence, or click it to see all its figures here.',
  'surv.map.districtOf': 'District · province of {province}',
  'surv.hover.counts': '{cases} with anemia of {n} screened',
  'surv.legend.title': 'Anemia prevalence',
  'surv.legend.hint':
    'Colour by the prevalence estimated under {rule}. Hatched grey: suppressed figure or no children screened.',
  'surv.legend.range': '{from}–{to} %',
  'surv.legend.orMore': '{from} % or more',

  'surv.trend.title': 'Trend in the department',
  'surv.trend.screening': 'Screening, rule {rule}',
  'surv.trend.caption':
    'Line: screening prevalence by {granularity}; band: {confidence} % confidence interval. Diamonds: INEI’s official figure for the department; squares: INEI national; circles: national ENDES subsample (rule validation). Surveys, another source: never joined to the screening line. The subsample’s departmental cells are not drawn (see the table).',
  'surv.endes.label': 'ENDES (INEI), ~10 % subsample, unofficial',
  'surv.endes.suppressed':
    'Figure suppressed: fewer than 25 unweighted cases (the DHS convention for surveys).',
  'surv.endes.design':
    'n = {n} children; design effect = {deff}; prevalence weighted by the survey design.',

  'surv.table.title': 'Prevalence by {area}',
  'surv.areaLower.district': 'district',
  'surv.areaLower.province': 'province',
  'surv.areaLower.network': 'health network',
  'surv.areaLower.establishment': 'facility',
  'surv.table.count': '{n} rows · the same rows as the export',
  'surv.col.n': 'Screened',
  'surv.col.cases': 'With anemia',
  'surv.col.estimate': 'Prevalence (95 % CI)',
  'surv.col.severity': 'Severity',
  'surv.col.severityShort': 'Mild / mod. / sev.',
  'surv.col.children': 'Children 6–35 m (est.)',
  'surv.col.estimatedAnemic': 'Estimated anemic',
  'surv.col.coverage': 'Coverage',

  'surv.reclass.title': 'Changing the rule',
  'surv.reclass.compare': 'Compare with',
  'surv.reclass.before': 'Switching from {from} to {to} changes the class of',
  'surv.reclass.after': 'children (of {total}, {share} %).',
  'surv.reclass.hint':
    '{changed} of {total} screened children fall in another class (none, mild, moderate, severe) under the second rule. Same children and filters; first test of each child.',
  'surv.reclass.caption': 'Rows: class under {from}. Columns: class under {to}.',
  'surv.reclass.fromTo': 'Before \\ after',
  'surv.reclass.cellHint': '{children} children: {from} under {fromRule}, {to} under {toRule}.',

  'surv.export.xlsx': 'Export XLSX',
  'surv.export.csv': 'Export CSV',
  'surv.export.hint': 'Downloads the table by {area} with the current filters.',

  'surv.methods.title': 'Method and sources',
  'surv.methods.rule': 'Classification rule',
  'surv.methods.prevalence': 'Prevalence',
  'surv.methods.interval': '{confidence} % confidence interval',
  'surv.methods.adjustment': 'Haemoglobin adjustment',
  'surv.methods.suppression': 'Small-number suppression',
  'surv.methods.children': 'Children aged 6 to 35 months',
  'surv.methods.source': 'Data',
};
