// Programming messages: the anemia intervention tree. Spanish is the reference; English is typed against it.

export const treeEs = {
  'prog.tree.link': 'Ver árbol de intervención',
  'prog.tree.title': 'Árbol de intervención (anemia)',
  'prog.tree.intro':
    'Necesidad de hierro y de insumos de dosaje de hemoglobina a partir de los niños de 4 a 35 meses que atiende la unidad y de la anemia encontrada en sus tamizajes. Cada curso (6 meses de hierro, los dosajes de su calendario, las gotas desde los 4 meses) se cuenta por los niños que entran a la edad en el año: niños en la banda × 12 ÷ meses de la banda. El tratamiento usa la prevalencia como aproximación de la incidencia.',
  'prog.tree.linesUsing': 'Líneas de esta hoja con este método: {n}.',
  'prog.tree.pending': 'Pendiente de validación clínica: regímenes transcritos de la NTS 213.',
  'prog.tree.pendingDetail':
    'Las dosis y duraciones ({set}) aún no fueron revisadas por el equipo clínico: úselas solo para programar, nunca para indicar un tratamiento.',
  'prog.tree.noTree':
    'No se pudo construir el árbol para esta unidad: vea las advertencias. Las líneas con este método usan el CPMA constante.',
  'prog.tree.inputs': 'Datos de entrada',
  'prog.tree.nodes': 'Árbol',
  'prog.tree.products': 'Necesidad anual por producto',
  'prog.tree.children': 'Niños de 6 a 35 meses (estimado)',
  'prog.tree.childrenHint':
    'Σ de la estimación de niños de 6 a 35 meses de los distritos donde la unidad tiene establecimientos.',
  'prog.tree.window': 'Ventana de vigilancia',
  'prog.tree.windowHint':
    'Primer dosaje de cada niño en los 12 meses hasta el fin del historial de la ronda, clasificado según la NTS 213 (con ajuste por altitud).',
  'prog.tree.wastageHint': 'Factor de pérdida 1 ÷ (1 − merma) = {factor}',
  'prog.tree.tests': 'Dosajes de Hb al año',
  'prog.tree.bandsCaption': 'Niños, tamizados y prevalencia de anemia por edad',
  'prog.tree.band': 'Edad',
  'prog.tree.bandMonths': '{band} meses',
  'prog.tree.bandChildren': 'Niños (estimado)',
  'prog.tree.bandChildrenHint': '{total} niños × {months} ÷ 30 meses de edad = {value}',
  'prog.tree.tested': 'Tamizados',
  'prog.tree.anemic': 'Con anemia',
  'prog.tree.prevalence': 'Prevalencia',
  'prog.tree.prevalenceHint': '{anemic} con anemia ÷ {tested} tamizados = {value}',
  'prog.tree.prevalenceOverall':
    'Sin tamizajes a esta edad: se usa la prevalencia de toda la unidad, {anemic} ÷ {tested} = {value}',
  'prog.tree.prevalenceNone': 'Sin tamizajes en la ventana',
  'prog.tree.datum': 'dato',
  'prog.tree.product': 'Producto',
  'prog.tree.perYear': 'Cantidad al año',
  'prog.tree.perYearHint': 'Σ de los nodos de este producto en el árbol, sin redondear',
  'prog.tree.demand': 'Demanda del horizonte ({months} meses) por recurso del catálogo',
  'prog.tree.demandHint':
    'Cantidad anual ÷ contenido de una unidad de dispensación × {months} ÷ 12 meses = {value}',
  'prog.tree.lineMethod': 'Método de la línea',
  'prog.tree.notInSheet': 'No está en la hoja',
} as const;

export const treeEn: Record<keyof typeof treeEs, string> = {
  'prog.tree.link': 'See the intervention tree',
  'prog.tree.title': 'Intervention tree (anaemia)',
  'prog.tree.intro':
    'Need for iron and haemoglobin test supplies from the children 4–35 months the unit serves and the anaemia found in its screenings. Each course (6 months of iron, the tests of its schedule, the drops from 4 months) is counted by the children who reach the age in a year: children in the band × 12 ÷ months in the band. Treatment uses prevalence as a stand-in for incidence.',
  'prog.tree.linesUsing': 'Lines of this sheet with this method: {n}.',
  'prog.tree.pending': 'Pending clinical validation: regimens transcribed from NTS 213.',
  'prog.tree.pendingDetail':
    'The doses and durations ({set}) have not been reviewed by the clinical team yet: use them for programming only, never to prescribe a treatment.',
  'prog.tree.noTree':
    'The tree could not be built for this unit: see the warnings. Lines with this method use the constant AMC.',
  'prog.tree.inputs': 'Inputs',
  'prog.tree.nodes': 'Tree',
  'prog.tree.products': 'Yearly need per product',
  'prog.tree.children': 'Children 6–35 months (estimate)',
  'prog.tree.childrenHint':
    'Σ of the estimate of children 6–35 months of the districts where the unit has establishments.',
  'prog.tree.window': 'Surveillance window',
  'prog.tree.windowHint':
    "First test of each child in the 12 months up to the round's history end, classified under NTS 213 (altitude-adjusted).",
  'prog.tree.wastageHint': 'Loss factor 1 ÷ (1 − wastage) = {factor}',
  'prog.tree.tests': 'Hb tests a year',
  'prog.tree.bandsCaption': 'Children, screened and anaemia prevalence by age',
  'prog.tree.band': 'Age',
  'prog.tree.bandMonths': '{band} months',
  'prog.tree.bandChildren': 'Children (estimate)',
  'prog.tree.bandChildrenHint': '{total} children × {months} ÷ 30 months of age = {value}',
  'prog.tree.tested': 'Screened',
  'prog.tree.anemic': 'Anaemic',
  'prog.tree.prevalence': 'Prevalence',
  'prog.tree.prevalenceHint': '{anemic} anaemic ÷ {tested} screened = {value}',
  'prog.tree.prevalenceOverall':
    "No screening at this age: the unit's overall prevalence is used, {anemic} ÷ {tested} = {value}",
  'prog.tree.prevalenceNone': 'No screening in the window',
  'prog.tree.datum': 'input',
  'prog.tree.product': 'Product',
  'prog.tree.perYear': 'Quantity a year',
  'prog.tree.perYearHint': "Σ of this product's nodes in the tree, unrounded",
  'prog.tree.demand': 'Demand over the horizon ({months} months) per catalogue resource',
  'prog.tree.demandHint':
    'Yearly quantity ÷ content of one dispensing unit × {months} ÷ 12 months = {value}',
  'prog.tree.lineMethod': "Line's method",
  'prog.tree.notInSheet': 'Not in the sheet',
};
