// Programming messages: rounds, their parameters and computation, statuses and shared words. Spanish is the reference; English is typed against it.

export const roundsEs = {
  'nav.programming': 'Programación',

  'prog.title': 'Programación de recursos estratégicos',
  'prog.kicker': 'Programación anual · CENARES',
  'prog.intro':
    'Necesidades anuales de recursos estratégicos por unidad ejecutora: el sistema propone una cantidad a partir del consumo, la unidad la revisa y justifica, y CENARES observa, aprueba y consolida.',
  'prog.yes': 'Sí',
  'prog.no': 'No',
  'prog.close': 'Cerrar',
  'prog.soles': 'S/ {n}',
  'prog.unitCode': 'UE {code}',
  'prog.simulated': 'SIMULADO',
  'prog.simulated.history':
    'El historial de consumo es simulado para demostración: las cantidades no describen a ninguna unidad real.',
  'prog.simulated.price':
    'Precio unitario simulado para demostración: el costo no sirve para presupuestar.',
  'prog.simulated.banner':
    'El consumo y el stock de esta programación son datos simulados de demostración. Ninguna cantidad de esta página sirve para decidir una compra.',
  'prog.simulated.pricesBanner':
    'Algunos precios unitarios son simulados: los costos no sirven para presupuestar.',
  'prog.simulated.screenings':
    'Los tamizajes de hemoglobina de esta unidad son simulados para demostración: la prevalencia no describe a ningún niño real.',
  'prog.simulated.screeningsBanner':
    'La prevalencia de anemia viene de tamizajes simulados de demostración: las cantidades del árbol no sirven para decidir una compra.',

  'prog.status.draft': 'Borrador',
  'prog.status.submitted': 'Enviada',
  'prog.status.in_review': 'En revisión',
  'prog.status.returned': 'Devuelta',
  'prog.status.approved': 'Aprobada',
  'prog.status.consolidated': 'Consolidada',
  'prog.statusHint.draft': 'La unidad está preparando su programación.',
  'prog.statusHint.submitted':
    'Enviada por la unidad; espera la validación regional (DIRESA/GERESA).',
  'prog.statusHint.in_review': 'En revisión por CENARES.',
  'prog.statusHint.returned': 'Devuelta a la unidad con observaciones por atender.',
  'prog.statusHint.approved': 'Aprobada por CENARES; entra en el consolidado.',
  'prog.statusHint.consolidated': 'Incluida en el consolidado nacional de la ronda.',
  'prog.roundStatus.open': 'Abierta',
  'prog.roundStatus.consolidated': 'Consolidada',
  'prog.roundStatus.partial': 'Abierta · consolidada en parte',

  'prog.rounds.title': 'Rondas de programación',
  'prog.rounds.empty': 'Todavía no hay rondas de programación.',
  'prog.rounds.notFound': 'No hay una ronda {id} entre las que puede ver.',
  'prog.rounds.name': 'Ronda',
  'prog.rounds.fiscalYear': 'Año fiscal',
  'prog.rounds.dates': 'Plazo',
  'prog.rounds.dateRange': '{from} – {to}',
  'prog.rounds.periods': 'Periodos',
  'prog.rounds.horizonFrom': 'Horizonte desde {month}',
  'prog.rounds.historyTo': 'Historial hasta {month}',
  'prog.rounds.regionalReview': 'Validación regional',
  'prog.rounds.status': 'Estado',
  'prog.rounds.counts': 'Programaciones por estado',

  'prog.programmes.scope': 'Programaciones de las unidades ejecutoras de su ámbito.',
  'prog.programmes.empty': 'No hay programaciones de su ámbito en esta ronda.',
  'prog.programmes.unit': 'Unidad ejecutora',
  'prog.programmes.status': 'Estado',
  'prog.programmes.lines': 'Productos',
  'prog.programmes.openObservations': 'Observaciones abiertas',
  'prog.programmes.totalCost': 'Costo total',
  'prog.programmes.updated': 'Última actualización',

  'prog.round.new': 'Nueva ronda',
  'prog.round.create': 'Crear ronda',
  'prog.round.name': 'Nombre',
  'prog.round.fiscalYear': 'Año fiscal',
  'prog.round.opensOn': 'Abre el',
  'prog.round.closesOn': 'Cierra el',
  'prog.round.horizonStart': 'Inicio del horizonte (AAAA-MM)',
  'prog.round.historyEnd': 'Fin del historial (AAAA-MM)',
  'prog.round.regionalReview': 'Validación regional',
  'prog.round.regionalReviewHint':
    'La DIRESA/GERESA valida cada programación antes de que llegue a CENARES.',
  'prog.round.parameters': 'Parámetros del cálculo',
  'prog.round.problem.name': 'Escriba el nombre de la ronda.',
  'prog.round.problem.fiscal_year': 'El año fiscal debe ser un año entre 2000 y 2100.',
  'prog.round.problem.dates':
    'Revise el plazo: la fecha de cierre no puede ser anterior a la de apertura.',
  'prog.round.problem.months': 'Escriba los meses como AAAA-MM (por ejemplo 2026-06).',
  'prog.round.problem.history_after_horizon':
    'El historial debe terminar antes de que empiece el horizonte.',
  'prog.round.problem.parameters':
    'Revise los parámetros: algún valor falta o está fuera de su rango (α, β y γ entre 0 y 1; coberturas entre 0 y 100 %; merma desde 0 y por debajo de 100 %).',
  'prog.param.horizonMonths': 'Meses del horizonte',
  'prog.param.safetyStockMonths': 'Meses de stock de seguridad',
  'prog.param.historyWindowMonths': 'Meses de historial para el CPMA',
  'prog.param.growthPercent': 'Crecimiento (%)',
  'prog.param.growthHint': 'Se aplica a la demanda pronosticada: 3 significa +3 %.',
  'prog.param.defaultMethod': 'Método por defecto',
  'prog.param.alpha': 'Holt-Winters α (nivel)',
  'prog.param.beta': 'Holt-Winters β (tendencia)',
  'prog.param.gamma': 'Holt-Winters γ (estacionalidad)',
  'prog.param.hwHint':
    'α, β y γ solo se usan en las líneas con el método Holt-Winters, que necesita al menos 24 meses de historial.',
  'prog.param.treatmentCoveragePercent': 'Cobertura de tratamiento (%)',
  'prog.param.preventionCoveragePercent': 'Cobertura de prevención (%)',
  'prog.param.wastagePercent': 'Merma (%)',
  'prog.param.wastageHint': 'Cada producto se multiplica por 1 ÷ (1 − merma).',
  'prog.param.interventionHint':
    'Metas del árbol de intervención (anemia), solo para las líneas con ese método: porcentaje de niños con anemia que reciben tratamiento, de niños sin anemia que reciben suplementación preventiva, y merma de los productos.',
  'prog.param.treatmentCoverage': 'Cobertura de tratamiento',
  'prog.param.preventionCoverage': 'Cobertura de prevención',
  'prog.param.wastage': 'Merma',

  'prog.compute.title': 'Cálculo de las cantidades propuestas',
  'prog.compute.hint':
    'Recalcula la cantidad propuesta de cada producto de cada unidad con el historial de consumo y los parámetros de la ronda. Las cantidades que las unidades ya escribieron se conservan.',
  'prog.compute.start': 'Calcular',
  'prog.compute.running': 'Calculando…',
  'prog.compute.confirm':
    '¿Recalcular las cantidades propuestas de todas las programaciones de la ronda?',
  'prog.compute.waiting': 'En cola…',
  'prog.compute.progress': '{done} de {total} programaciones calculadas',
  'prog.compute.done': 'Cálculo terminado: {total} programaciones.',
  'prog.compute.computed': 'Cálculo terminado: {n} programaciones calculadas.',
  'prog.compute.skipped':
    '{n} no se recalcularon porque la unidad ya no puede modificarlas (por estado: {reasons}); conservan sus cantidades.',
  'prog.compute.failed': 'El cálculo no terminó.',
  'prog.error.version_conflict':
    'Alguien guardó esta programación antes que usted; se volvió a cargar.',
  'prog.error.invalid_transition':
    'La programación cambió de estado y esa acción ya no es posible. Recargue la página.',
  'prog.error.not_editable': 'La programación ya no se puede editar en su estado actual.',
  'prog.error.nothing_to_consolidate': 'No hay programaciones aprobadas que consolidar.',
  'prog.error.units_pending':
    'Hay unidades sin programación aprobada: recargue la página para verlas y confirme de nuevo.',
  'prog.error.import_invalid': 'No se importó nada: el archivo tiene errores.',
  'prog.error.transition_blocked': 'La acción está bloqueada.',
  'prog.error.invalid_quantity': 'La cantidad debe ser un número entero de envases del producto.',
  'prog.error.invalid_observation':
    'La observación ya no se puede cambiar en el estado actual de la programación. Recargue la página.',
  'prog.error.invalid_parameters': 'Revise los parámetros de la ronda: alguno está fuera de rango.',
  'prog.error.invalid_meeting': 'Revise la reunión: fechas o unidades no válidas.',
  'prog.error.round_name_taken': 'Ya existe una ronda con ese nombre.',
  'prog.error.unknown_resource': 'Ese producto no está en la programación.',
} as const;

export const roundsEn: Record<keyof typeof roundsEs, string> = {
  'nav.programming': 'Programming',

  'prog.title': 'Programming of strategic resources',
  'prog.kicker': 'Annual programming · CENARES',
  'prog.intro':
    'Annual needs of strategic resources per executing unit: the system proposes a quantity from consumption, the unit reviews and justifies it, and CENARES comments, approves and consolidates.',
  'prog.yes': 'Yes',
  'prog.no': 'No',
  'prog.close': 'Close',
  'prog.soles': 'S/ {n}',
  'prog.unitCode': 'EU {code}',
  'prog.simulated': 'SIMULATED',
  'prog.simulated.history':
    'The consumption history is simulated for demonstration: the quantities describe no real unit.',
  'prog.simulated.price': 'Simulated unit price for demonstration: the cost cannot be budgeted.',
  'prog.simulated.banner':
    'Consumption and stock of this programme are simulated demonstration data. No quantity on this page can support a purchase.',
  'prog.simulated.pricesBanner': 'Some unit prices are simulated: the costs cannot be budgeted.',
  'prog.simulated.screenings':
    "This unit's haemoglobin screenings are simulated for demonstration: the prevalence describes no real child.",
  'prog.simulated.screeningsBanner':
    'The anaemia prevalence comes from simulated demonstration screenings: the quantities of the tree cannot support a purchase.',

  'prog.status.draft': 'Draft',
  'prog.status.submitted': 'Submitted',
  'prog.status.in_review': 'In review',
  'prog.status.returned': 'Returned',
  'prog.status.approved': 'Approved',
  'prog.status.consolidated': 'Consolidated',
  'prog.statusHint.draft': 'The unit is preparing its programme.',
  'prog.statusHint.submitted':
    'Submitted by the unit; awaiting regional validation (DIRESA/GERESA).',
  'prog.statusHint.in_review': 'Under review by CENARES.',
  'prog.statusHint.returned': 'Returned to the unit with comments to address.',
  'prog.statusHint.approved': 'Approved by CENARES; part of the consolidation.',
  'prog.statusHint.consolidated': "Included in the round's national consolidation.",
  'prog.roundStatus.open': 'Open',
  'prog.roundStatus.consolidated': 'Consolidated',
  'prog.roundStatus.partial': 'Open · partly consolidated',

  'prog.rounds.title': 'Programming rounds',
  'prog.rounds.empty': 'There are no programming rounds yet.',
  'prog.rounds.notFound': 'There is no round {id} among those you can see.',
  'prog.rounds.name': 'Round',
  'prog.rounds.fiscalYear': 'Fiscal year',
  'prog.rounds.dates': 'Window',
  'prog.rounds.dateRange': '{from} – {to}',
  'prog.rounds.periods': 'Periods',
  'prog.rounds.horizonFrom': 'Horizon from {month}',
  'prog.rounds.historyTo': 'History up to {month}',
  'prog.rounds.regionalReview': 'Regional validation',
  'prog.rounds.status': 'Status',
  'prog.rounds.counts': 'Programmes by status',

  'prog.programmes.scope': 'Programmes of the executing units in your scope.',
  'prog.programmes.empty': 'No programme in your scope in this round.',
  'prog.programmes.unit': 'Executing unit',
  'prog.programmes.status': 'Status',
  'prog.programmes.lines': 'Products',
  'prog.programmes.openObservations': 'Open comments',
  'prog.programmes.totalCost': 'Total cost',
  'prog.programmes.updated': 'Last update',

  'prog.round.new': 'New round',
  'prog.round.create': 'Create round',
  'prog.round.name': 'Name',
  'prog.round.fiscalYear': 'Fiscal year',
  'prog.round.opensOn': 'Opens on',
  'prog.round.closesOn': 'Closes on',
  'prog.round.horizonStart': 'Horizon start (YYYY-MM)',
  'prog.round.historyEnd': 'History end (YYYY-MM)',
  'prog.round.regionalReview': 'Regional validation',
  'prog.round.regionalReviewHint':
    'The DIRESA/GERESA validates each programme before it reaches CENARES.',
  'prog.round.parameters': 'Computation parameters',
  'prog.round.problem.name': 'Enter the name of the round.',
  'prog.round.problem.fiscal_year': 'The fiscal year must be a year between 2000 and 2100.',
  'prog.round.problem.dates':
    'Check the window: the closing date cannot be before the opening date.',
  'prog.round.problem.months': 'Write months as YYYY-MM (for example 2026-06).',
  'prog.round.problem.history_after_horizon': 'The history must end before the horizon starts.',
  'prog.round.problem.parameters':
    'Check the parameters: a value is missing or out of range (α, β and γ between 0 and 1; coverages between 0 and 100 %; wastage from 0 and below 100 %).',
  'prog.param.horizonMonths': 'Horizon months',
  'prog.param.safetyStockMonths': 'Safety stock months',
  'prog.param.historyWindowMonths': 'History months for the AMC',
  'prog.param.growthPercent': 'Growth (%)',
  'prog.param.growthHint': 'Applied to the forecast demand: 3 means +3 %.',
  'prog.param.defaultMethod': 'Default method',
  'prog.param.alpha': 'Holt-Winters α (level)',
  'prog.param.beta': 'Holt-Winters β (trend)',
  'prog.param.gamma': 'Holt-Winters γ (season)',
  'prog.param.hwHint':
    'α, β and γ are only used on lines with the Holt-Winters method, which needs at least 24 months of history.',
  'prog.param.treatmentCoveragePercent': 'Treatment coverage (%)',
  'prog.param.preventionCoveragePercent': 'Prevention coverage (%)',
  'prog.param.wastagePercent': 'Wastage (%)',
  'prog.param.wastageHint': 'Each product is multiplied by 1 ÷ (1 − wastage).',
  'prog.param.interventionHint':
    'Targets of the (anaemia) intervention tree, only for lines with that method: share of anaemic children treated, share of non-anaemic children given preventive supplementation, and product wastage.',
  'prog.param.treatmentCoverage': 'Treatment coverage',
  'prog.param.preventionCoverage': 'Prevention coverage',
  'prog.param.wastage': 'Wastage',

  'prog.compute.title': 'Computation of the proposed quantities',
  'prog.compute.hint':
    "Recomputes the proposed quantity of every product of every unit from the consumption history and the round's parameters. Quantities the units already entered are kept.",
  'prog.compute.start': 'Compute',
  'prog.compute.running': 'Computing…',
  'prog.compute.confirm': 'Recompute the proposed quantities of every programme of the round?',
  'prog.compute.waiting': 'Queued…',
  'prog.compute.progress': '{done} of {total} programmes computed',
  'prog.compute.done': 'Computation finished: {total} programmes.',
  'prog.compute.computed': 'Computation finished: {n} programmes computed.',
  'prog.compute.skipped':
    '{n} were not recomputed because the unit can no longer change them (by status: {reasons}); they keep their quantities.',
  'prog.compute.failed': 'The computation did not finish.',
  'prog.error.version_conflict': 'Someone saved this programme before you; it has been reloaded.',
  'prog.error.invalid_transition':
    'The programme changed status and that action is no longer possible. Reload the page.',
  'prog.error.not_editable': 'The programme can no longer be edited in its current status.',
  'prog.error.nothing_to_consolidate': 'There are no approved programmes to consolidate.',
  'prog.error.units_pending':
    'Some units have no approved programme: reload the page to see them and confirm again.',
  'prog.error.import_invalid': 'Nothing was imported: the file has errors.',
  'prog.error.transition_blocked': 'The action is blocked.',
  'prog.error.invalid_quantity': "The quantity must be a whole number of the product's packs.",
  'prog.error.invalid_observation':
    "The comment can no longer change in the programme's current status. Reload the page.",
  'prog.error.invalid_parameters': "Check the round's parameters: one is out of range.",
  'prog.error.invalid_meeting': 'Check the meeting: invalid dates or units.',
  'prog.error.round_name_taken': 'A round with that name already exists.',
  'prog.error.unknown_resource': 'That product is not in the programme.',
};
