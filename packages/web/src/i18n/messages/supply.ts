// Messages of the supply pages. Spanish is the reference; English is typed against it.

export const supplyEs = {
  'nav.supply': 'Abastecimiento',
  'nav.supplyImport': 'Importar historial',

  'sup.title': 'Disponibilidad de recursos estratégicos',
  'sup.kicker': 'Abastecimiento · DIGEMID',
  'sup.intro':
    'Stock de cada establecimiento frente a su consumo: clases de stock de DIGEMID (desabastecido, sin rotación, substock, normostock, sobrestock) y disponibilidad por área.',
  'sup.simulated': 'SIMULADO',
  'sup.simulatedHint':
    'Historial de consumo y stock generado para demostración: no describe a ningún establecimiento real.',
  'sup.simulatedBanner':
    'Ningún número de esta página sirve para decidir una compra o una redistribución.',
  'sup.noData':
    'Todavía no hay historial de consumo y stock en su ámbito. Importe el historial para ver la disponibilidad.',
  'sup.noDataMonth': 'No hay datos para {month}.',
  'sup.import.open': 'Importar historial',
  'sup.export.csv': 'Exportar CSV',
  'sup.export.xlsx': 'Exportar XLSX',
  'sup.export.hint': 'Descarga la tabla por {level} con el mes y la regla actuales.',

  'sup.ruleSet.digemid-ficha28-2025':
    'DIGEMID Ficha 28 (18/12/2025): sin rotación solo de medicamentos vitales (RM 1288-2018), soluciones de 1 L o más disponibles desde 1 mes',
  'sup.ruleSet.digemid-ficha28-2024':
    'DIGEMID Ficha 28, lectura anterior: todo sin rotación en el denominador, MED redondeado a 1 decimal',
  'sup.ruleSet.digemid-ficha28-unrounded':
    'DIGEMID Ficha 28, lectura anterior con el MED comparado sin redondear (módulos anteriores de ToolkitSISMED)',
  'sup.filter.month': 'Mes evaluado',
  'sup.filter.monthLatest': 'Último con datos ({month})',
  'sup.filter.ruleSet': 'Regla',
  'sup.filter.level': 'Tabla por',
  'sup.level.establishment': 'Establecimiento',
  'sup.level.microred': 'Microrred',
  'sup.level.network': 'Red',
  'sup.level.executing_unit': 'Unidad ejecutora',
  'sup.levelLower.establishment': 'establecimiento',
  'sup.levelLower.microred': 'microrred',
  'sup.levelLower.network': 'red',
  'sup.levelLower.executing_unit': 'unidad ejecutora',
  'sup.unassigned': 'Sin {level} asignada',

  'sup.availability.optimo': 'Óptimo',
  'sup.availability.alto': 'Alto',
  'sup.availability.regular': 'Regular',
  'sup.availability.bajo': 'Bajo',
  'sup.availability.none': 'Sin evaluar',

  'sup.class.desabastecido': 'Desabastecido',
  'sup.class.sin_rotacion': 'Sin rotación',
  'sup.class.substock': 'Substock',
  'sup.class.normostock': 'Normostock',
  'sup.class.sobrestock': 'Sobrestock',
  'sup.class.sin_dato': 'Sin dato',
  'sup.classHint.desabastecido': 'Stock final del mes = 0.',
  'sup.classHint.sin_rotacion':
    'Con stock pero sin consumo en los últimos {months} meses (CPMA = 0).',
  'sup.classHint.substock': 'Menos de {low} meses de existencia (MED).',
  'sup.classHint.normostock': 'Entre {low} y {high} meses de existencia (MED).',
  'sup.classHint.sobrestock': 'Más de {high} meses de existencia (MED).',
  'sup.classHint.sin_dato': 'Sin stock informado en el mes: no se evalúa.',

  'sup.kf.title': 'Cifras del departamento',
  'sup.kf.availability': 'Disponibilidad',
  'sup.kf.availabilityFormula':
    '{formula}\n{aggregation}\nPromedio de {establishments} establecimientos con productos evaluados = {value}. Niveles: {levels}.',
  'sup.kf.establishments': 'Establecimientos',
  'sup.kf.establishmentsNote': '{evaluated} con productos evaluados',
  'sup.kf.products': 'Productos evaluados',
  'sup.kf.productsNote': '{available} disponibles (normostock + sobrestock)',
  'sup.kf.productsFormula':
    'Suma de productos con stock informado en {month} en todos los establecimientos: {evaluated}; disponibles: {available}.',
  'sup.kf.classes': 'Productos por clase de stock',
  'sup.kf.classFormula': '{hint}\n{count} de {evaluated} productos evaluados en {month}.',
  'sup.kf.rule': 'Regla y fuente',

  'sup.map.title': 'Establecimientos por nivel de disponibilidad',
  'sup.map.subtitle': '{month} · {rule}',
  'sup.map.hint': 'Seleccione un establecimiento en el mapa o en la tabla para ver sus productos.',
  'sup.map.noCoordinates': 'Sin coordenadas, no dibujados: {n}.',
  'sup.legend.title': 'Disponibilidad',
  'sup.legend.range': '{label}: {from} % o más',
  'sup.legend.below': '{label}: menos de {to} %',
  'sup.hover.availability': 'Disponibilidad {value} ({level})',
  'sup.hover.products': '{available} de {evaluated} productos disponibles',

  'sup.table.title': 'Disponibilidad por {level}',
  'sup.table.titleIn': 'Establecimientos de {area}',
  'sup.table.count': '{n} filas',
  'sup.table.back': 'Volver a la tabla por {level}',
  'sup.table.empty': 'No hay áreas con datos en su ámbito.',
  'sup.table.drill': 'Ver sus establecimientos',
  'sup.table.open': 'Ver productos',
  'sup.col.area': 'Área',
  'sup.col.establishments': 'EESS',
  'sup.col.evaluated': 'Productos evaluados',
  'sup.col.availability': 'Disponibilidad',
  'sup.cell.availabilityFormula':
    '{formula}\n{available} de {evaluated} productos disponibles en {establishments} establecimiento(s); promedio de los establecimientos = {value}.',
  'sup.cell.count': '{hint}\n{count} productos en {area}.',

  'sup.eess.title': 'Productos de {name}',
  'sup.eess.subtitle': '{code} · {category} · {district} · UE {unit}',
  'sup.eess.close': 'Cerrar',
  'sup.eess.loading': 'Cargando los productos…',
  'sup.eess.empty': 'Este establecimiento no tiene historial hasta {month}.',
  'sup.eess.emptyAny': 'Este establecimiento no tiene historial de consumo y stock.',
  'sup.eess.summary':
    'Disponibilidad {value} ({level}): {available} de {evaluated} productos en normostock o sobrestock, {month}.',
  'sup.col.product': 'Producto',
  'sup.col.stock': 'Stock final',
  'sup.col.cpma': 'CPMA',
  'sup.col.med': 'MED (meses)',
  'sup.col.class': 'Clase',
  'sup.col.months': 'Consumo de los {n} meses',
  'sup.eess.stockUnknown': 'sin dato',
  'sup.eess.vital': 'vital (RM 1288-2018)',
  'sup.eess.notEvaluated':
    'Sin rotación y no vital: no se evalúa en la disponibilidad (Ficha 28 de DIGEMID, 18/12/2025)',
  'sup.eess.monthsUsed': '{used} de {n} meses con consumo',
  'sup.eess.showMonths': 'Ver meses',
  'sup.eess.hideMonths': 'Ocultar meses',

  'sup.methods.title': 'Cómo se calcula',
  'sup.methods.rule': 'Regla',
  'sup.methods.source': 'Fuente de la regla',
  'sup.methods.cpma': 'CPMA',
  'sup.methods.med': 'MED',
  'sup.methods.classes': 'Clases',
  'sup.methods.availability': 'Disponibilidad',
  'sup.methods.aggregation': 'Áreas',
  'sup.methods.levels': 'Niveles',
  'sup.methods.data': 'Datos',
  'sup.methods.scope':
    'Solo se muestran los establecimientos de su ámbito. Los almacenes de las unidades ejecutoras no son establecimientos y no se evalúan.',

  'sup.imp.title': 'Importar historial de consumo y stock',
  'sup.imp.kicker': 'Abastecimiento · historial mensual',
  'sup.imp.intro':
    'Un archivo con una fila por establecimiento (o almacén de la unidad ejecutora), producto y mes. Se valida todo el archivo: si una fila tiene un error, no se importa nada.',
  'sup.imp.note':
    'Volver a importar el mismo archivo no cambia nada; un mes ya importado con otros valores se actualiza.',
  'sup.imp.result.title': 'Importación completada',
  'sup.imp.result.summary':
    'Se importaron {rows} filas, lote {batch}: {inserted} nuevas, {updated} actualizadas, {unchanged} sin cambios.',
  'sup.imp.result.detail':
    '{establishments} establecimientos, {warehouses} almacenes y {products} productos, de {from} a {to}.',
  'sup.imp.result.view': 'Ver la disponibilidad',
  'sup.imp.warnings.title': 'Advertencias ({n})',
  'sup.imp.warnings.hint':
    'Las filas se importaron; revise estos datos en el registro de establecimientos.',
  'sup.imp.errors.privacy': 'El informe indica fila, columna y motivo de cada error.',
  'sup.imp.format.intro':
    'CSV (UTF-8, separado por comas) o XLSX (primera hoja) con una fila de encabezado. Cantidades en la unidad de despacho del producto.',
  'sup.imp.format.duplicates':
    'Una misma unidad ejecutora, establecimiento, producto y mes no puede repetirse en el archivo.',
  'sup.imp.format.optionalHint':
    'perdidas y en_transito valen 0 si están vacías; tasa_reporte se acepta y no se usa.',
  'sup.imp.template': 'Descargar plantilla CSV',
  'sup.imp.template.hint':
    'La plantilla trae una fila de ejemplo de un establecimiento y otra del almacén de la unidad (establecimiento vacío).',
  'sup.imp.col.unidad_ejecutora': 'Código SIAF de la unidad ejecutora (p. ej. 785)',
  'sup.imp.col.establecimiento':
    'Código RENIPRESS (8 dígitos); vacío = almacén de la unidad ejecutora',
  'sup.imp.col.producto': 'Código del catálogo de recursos estratégicos',
  'sup.imp.col.mes': 'AAAA-MM, no futuro',
  'sup.imp.col.consumo': 'Cantidad dispensada en el mes, ≥ 0',
  'sup.imp.col.stock_final': 'Stock al cierre del mes, ≥ 0; vacío si no se informó',
  'sup.imp.col.dias_desabastecimiento': 'Días del mes sin stock, de 0 a los días del mes',
  'sup.imp.catalogue': 'Códigos de producto',
} as const;

export const supplyEn: Record<keyof typeof supplyEs, string> = {
  'nav.supply': 'Supply',
  'nav.supplyImport': 'Import history',

  'sup.title': 'Availability of strategic resources',
  'sup.kicker': 'Supply · DIGEMID',
  'sup.intro':
    "Each establishment's stock against its consumption: DIGEMID stock classes (stocked out, no rotation, understock, normal stock, overstock) and availability by area.",
  'sup.simulated': 'SIMULATED',
  'sup.simulatedHint':
    'Consumption and stock history generated for demonstration: it describes no real establishment.',
  'sup.simulatedBanner': 'No number on this page may be used to decide a purchase or a transfer.',
  'sup.noData':
    'There is no consumption and stock history in your scope yet. Import the history to see availability.',
  'sup.noDataMonth': 'No data for {month}.',
  'sup.import.open': 'Import history',
  'sup.export.csv': 'Export CSV',
  'sup.export.xlsx': 'Export XLSX',
  'sup.export.hint': 'Downloads the table by {level} with the current month and rule.',

  'sup.ruleSet.digemid-ficha28-2025':
    'DIGEMID Ficha 28 (18/12/2025): no-movement items only when vital (RM 1288-2018), solutions of 1 L or more available from 1 month',
  'sup.ruleSet.digemid-ficha28-2024':
    'DIGEMID Ficha 28, earlier reading: every no-movement item in the denominator, MED rounded to 1 decimal',
  'sup.ruleSet.digemid-ficha28-unrounded':
    'DIGEMID Ficha 28, earlier reading with MED compared unrounded (earlier ToolkitSISMED modules)',
  'sup.filter.month': 'Month',
  'sup.filter.monthLatest': 'Latest with data ({month})',
  'sup.filter.ruleSet': 'Rule',
  'sup.filter.level': 'Table by',
  'sup.level.establishment': 'Establishment',
  'sup.level.microred': 'Microred',
  'sup.level.network': 'Network',
  'sup.level.executing_unit': 'Executing unit',
  'sup.levelLower.establishment': 'establishment',
  'sup.levelLower.microred': 'microred',
  'sup.levelLower.network': 'network',
  'sup.levelLower.executing_unit': 'executing unit',
  'sup.unassigned': 'No {level} assigned',

  'sup.availability.optimo': 'Optimal',
  'sup.availability.alto': 'High',
  'sup.availability.regular': 'Fair',
  'sup.availability.bajo': 'Low',
  'sup.availability.none': 'Not evaluated',

  'sup.class.desabastecido': 'Stocked out',
  'sup.class.sin_rotacion': 'No rotation',
  'sup.class.substock': 'Understock',
  'sup.class.normostock': 'Normal stock',
  'sup.class.sobrestock': 'Overstock',
  'sup.class.sin_dato': 'No data',
  'sup.classHint.desabastecido': 'Stock at the end of the month = 0.',
  'sup.classHint.sin_rotacion': 'Stock but no consumption in the last {months} months (CPMA = 0).',
  'sup.classHint.substock': 'Less than {low} months of stock (MED).',
  'sup.classHint.normostock': 'Between {low} and {high} months of stock (MED).',
  'sup.classHint.sobrestock': 'More than {high} months of stock (MED).',
  'sup.classHint.sin_dato': 'No stock reported for the month: not evaluated.',

  'sup.kf.title': 'Department figures',
  'sup.kf.availability': 'Availability',
  'sup.kf.availabilityFormula':
    '{formula}\n{aggregation}\nMean of {establishments} establishments with products evaluated = {value}. Levels: {levels}.',
  'sup.kf.establishments': 'Establishments',
  'sup.kf.establishmentsNote': '{evaluated} with products evaluated',
  'sup.kf.products': 'Products evaluated',
  'sup.kf.productsNote': '{available} available (normal stock + overstock)',
  'sup.kf.productsFormula':
    'Products with stock reported for {month} across all establishments: {evaluated}; available: {available}.',
  'sup.kf.classes': 'Products by stock class',
  'sup.kf.classFormula': '{hint}\n{count} of {evaluated} products evaluated in {month}.',
  'sup.kf.rule': 'Rule and source',

  'sup.map.title': 'Establishments by availability level',
  'sup.map.subtitle': '{month} · {rule}',
  'sup.map.hint': 'Select an establishment on the map or in the table to see its products.',
  'sup.map.noCoordinates': 'Without coordinates, not drawn: {n}.',
  'sup.legend.title': 'Availability',
  'sup.legend.range': '{label}: {from} % or more',
  'sup.legend.below': '{label}: below {to} %',
  'sup.hover.availability': 'Availability {value} ({level})',
  'sup.hover.products': '{available} of {evaluated} products available',

  'sup.table.title': 'Availability by {level}',
  'sup.table.titleIn': 'Establishments of {area}',
  'sup.table.count': '{n} rows',
  'sup.table.back': 'Back to the table by {level}',
  'sup.table.empty': 'No area with data in your scope.',
  'sup.table.drill': 'See its establishments',
  'sup.table.open': 'See products',
  'sup.col.area': 'Area',
  'sup.col.establishments': 'Est.',
  'sup.col.evaluated': 'Products evaluated',
  'sup.col.availability': 'Availability',
  'sup.cell.availabilityFormula':
    '{formula}\n{available} of {evaluated} products available in {establishments} establishment(s); mean of the establishments = {value}.',
  'sup.cell.count': '{hint}\n{count} products in {area}.',

  'sup.eess.title': 'Products of {name}',
  'sup.eess.subtitle': '{code} · {category} · {district} · EU {unit}',
  'sup.eess.close': 'Close',
  'sup.eess.loading': 'Loading the products…',
  'sup.eess.empty': 'This establishment has no history up to {month}.',
  'sup.eess.emptyAny': 'This establishment has no consumption and stock history.',
  'sup.eess.summary':
    'Availability {value} ({level}): {available} of {evaluated} products in normal stock or overstock, {month}.',
  'sup.col.product': 'Product',
  'sup.col.stock': 'Closing stock',
  'sup.col.cpma': 'CPMA',
  'sup.col.med': 'MED (months)',
  'sup.col.class': 'Class',
  'sup.col.months': 'Consumption over the {n} months',
  'sup.eess.stockUnknown': 'no data',
  'sup.eess.vital': 'vital (RM 1288-2018)',
  'sup.eess.notEvaluated':
    'No movement and not vital: left out of availability (DIGEMID Ficha 28, 18/12/2025)',
  'sup.eess.monthsUsed': '{used} of {n} months with consumption',
  'sup.eess.showMonths': 'Show months',
  'sup.eess.hideMonths': 'Hide months',

  'sup.methods.title': 'How it is computed',
  'sup.methods.rule': 'Rule',
  'sup.methods.source': 'Source of the rule',
  'sup.methods.cpma': 'CPMA',
  'sup.methods.med': 'MED',
  'sup.methods.classes': 'Classes',
  'sup.methods.availability': 'Availability',
  'sup.methods.aggregation': 'Areas',
  'sup.methods.levels': 'Levels',
  'sup.methods.data': 'Data',
  'sup.methods.scope':
    "Only the establishments of your scope are shown. Executing units' warehouses are not establishments and are not evaluated.",

  'sup.imp.title': 'Import consumption and stock history',
  'sup.imp.kicker': 'Supply · monthly history',
  'sup.imp.intro':
    "A file with one row per establishment (or the executing unit's warehouse), product and month. The whole file is validated: if one row has an error, nothing is imported.",
  'sup.imp.note':
    'Importing the same file again changes nothing; a month already imported with other values is updated.',
  'sup.imp.result.title': 'Import completed',
  'sup.imp.result.summary':
    'Imported {rows} rows, batch {batch}: {inserted} new, {updated} updated, {unchanged} unchanged.',
  'sup.imp.result.detail':
    '{establishments} establishments, {warehouses} warehouses and {products} products, from {from} to {to}.',
  'sup.imp.result.view': 'See availability',
  'sup.imp.warnings.title': 'Warnings ({n})',
  'sup.imp.warnings.hint':
    'The rows were imported; check these entries in the establishment registry.',
  'sup.imp.errors.privacy': 'The report gives the row, column and reason of every error.',
  'sup.imp.format.intro':
    "CSV (UTF-8, comma-separated) or XLSX (first sheet) with a header row. Quantities in the product's dispensing unit.",
  'sup.imp.format.duplicates':
    'The same executing unit, establishment, product and month may not appear twice in the file.',
  'sup.imp.format.optionalHint':
    'perdidas and en_transito are 0 when empty; tasa_reporte is accepted and not used.',
  'sup.imp.template': 'Download CSV template',
  'sup.imp.template.hint':
    "The template has an example row for an establishment and one for the unit's warehouse (empty establishment).",
  'sup.imp.col.unidad_ejecutora': 'SIAF code of the executing unit (e.g. 785)',
  'sup.imp.col.establecimiento':
    "RENIPRESS code (8 digits); empty = the executing unit's warehouse",
  'sup.imp.col.producto': 'Code in the strategic-resource catalogue',
  'sup.imp.col.mes': 'YYYY-MM, not in the future',
  'sup.imp.col.consumo': 'Quantity dispensed in the month, ≥ 0',
  'sup.imp.col.stock_final': 'Stock at the end of the month, ≥ 0; empty if not reported',
  'sup.imp.col.dias_desabastecimiento':
    'Days of the month without stock, 0 to the days of the month',
  'sup.imp.catalogue': 'Product codes',
};
