// Messages of the screening (haemoglobin test) import page. Spanish is the reference; English is
// typed against it.

export const screeningImportEs = {
  'imp.open': 'Importar dosajes',
  'imp.title': 'Importar dosajes de hemoglobina',
  'imp.kicker': 'Vigilancia · registros de tamizaje',
  'imp.intro':
    'Cargue un archivo con una fila por dosaje, como los que se extraen del HIS-MINSA o del SIEN. Se revisa entero antes de guardar nada: o entran todas las filas, o ninguna.',
  'imp.file.title': 'Archivo',
  'imp.drop.prompt': 'Arrastre aquí el archivo o',
  'imp.drop.choose': 'elija uno',
  'imp.drop.replace': 'elegir otro',
  'imp.drop.hint': 'CSV (UTF-8, separado por comas) o XLSX (primera hoja), hasta 200 MB.',
  'imp.size.kb': '{n} KB',
  'imp.size.mb': '{n} MB',
  'imp.submit': 'Importar',
  'imp.uploading': 'Enviando…',
  'imp.uploadingDetail':
    'Enviando {size}. En conexiones lentas puede tardar varios minutos: no cierre esta página.',
  'imp.problem.unsupported': 'Solo se aceptan archivos .csv o .xlsx.',
  'imp.problem.empty': 'El archivo está vacío.',
  'imp.problem.tooLarge':
    'El archivo pesa {size} y el máximo es {max}. Divídalo en varios archivos (por ejemplo, por trimestre).',
  'imp.error.unsupported_file':
    'El servidor no reconoce el archivo como CSV ni XLSX. Guárdelo de nuevo en uno de esos formatos.',
  'imp.error.payload_too_large': 'El archivo supera los 200 MB que acepta el servidor.',
  'imp.error.start': 'No se pudo iniciar la importación. {message}',
  'imp.privacy.title': 'Privacidad.',
  'imp.privacy':
    'El servidor seudonimiza los números de documento al leerlos (HMAC con clave secreta): no se guardan, no se registran y no aparecen en los errores. El archivo tampoco se guarda; solo quedan los dosajes importados.',

  'imp.phase.queued': 'En cola',
  'imp.phase.reading': 'Leyendo',
  'imp.phase.validating': 'Validando',
  'imp.phase.writing': 'Guardando',
  'imp.phase.done': 'Terminado',
  'imp.progress.rows': '{done} de {total} filas',
  'imp.progress.rowsTotal': '{total} filas',
  'imp.progress.waiting': 'Preparando…',
  'imp.progress.reading': 'Archivo de {size}',
  'imp.progress.hint':
    'La importación sigue en el servidor aunque cierre esta página; al volver a esta dirección verá el avance.',
  'imp.reconnecting':
    'Se perdió la conexión con el servidor; reintentando. La importación sigue en el servidor.',
  'imp.job.loading': 'Consultando la importación…',
  'imp.job.errorTitle': 'No se pudo consultar la importación',
  'imp.job.forbidden':
    'Esta importación la inició otro usuario: solo esa persona puede ver su resultado.',
  'imp.job.notFound': 'No se encontró esta importación.',

  'imp.result.title': 'Importación completada',
  'imp.result.summary':
    'Se importaron {screenings} dosajes de {children} ({newChildren}), lote {batch}.',
  'imp.result.summaryOne': 'Se importó 1 dosaje de {children} ({newChildren}), lote {batch}.',
  'imp.result.children': '{n} niños',
  'imp.result.childrenOne': '1 niño',
  'imp.result.new': '{n} nuevos',
  'imp.result.newOne': '1 nuevo',
  'imp.result.detail':
    'Los dosajes ya cuentan en las cifras de vigilancia. El lote queda en la auditoría con sus totales, no con su contenido.',
  'imp.result.view': 'Ver la vigilancia',
  'imp.another': 'Importar otro archivo',

  'imp.errors.title': 'No se importó nada: el archivo tiene {n} errores',
  'imp.errors.titleOne': 'No se importó nada: el archivo tiene 1 error',
  'imp.errors.allOrNothing':
    'La importación es todo o nada: no se guardó ninguna fila, tampoco las correctas. Corrija los errores y vuelva a importar el archivo completo.',
  'imp.errors.download': 'Descargar el informe completo (CSV)',
  'imp.errors.shown': 'Se muestran los primeros {shown} de {total}; el informe los tiene todos.',
  'imp.errors.privacy': 'El informe indica fila, columna y motivo, nunca números de documento.',
  'imp.errors.row': 'Fila',
  'imp.errors.column': 'Columna',
  'imp.errors.reason': 'Motivo',
  'imp.errors.wholeRow': 'toda la fila',
  'imp.failed.title': 'La importación falló',
  'imp.failed.detail':
    'No se guardó nada. Vuelva a intentarlo; si se repite, envíe el mensaje siguiente al administrador de Yawar.',

  'imp.format.title': 'Formato del archivo',
  'imp.format.intro':
    'Encabezado en la primera fila, una fila por dosaje. Los nombres de columna van en minúsculas, tal como aquí.',
  'imp.format.required': 'Columnas obligatorias',
  'imp.format.optional': 'Columnas opcionales',
  'imp.format.optionalHint':
    'Sin altitud, se toma la del centro poblado, la del establecimiento o la de la capital del distrito de residencia.',
  'imp.format.duplicates':
    'Son errores: una fila repetida, un dosaje ya importado en otro lote, y un niño con fecha de nacimiento o sexo distintos de los ya registrados.',
  'imp.col.tipo_doc': 'DNI o CNV (también 1 = DNI y 6 = CNV, como en el HIS)',
  'imp.col.num_doc': 'DNI de 8 dígitos o CNV de 10',
  'imp.col.fecha_nacimiento': 'AAAA-MM-DD o DD/MM/AAAA',
  'imp.col.sexo': 'F o M',
  'imp.col.fecha_dosaje':
    'AAAA-MM-DD o DD/MM/AAAA; no futura; el niño debe tener de 6 a 59 meses cumplidos',
  'imp.col.hemoglobina': 'Valor medido en g/dL, sin ajustar por altitud (p. ej. 10.8)',
  'imp.col.codigo_renipress': 'Código RENIPRESS de un establecimiento registrado',
  'imp.template': 'Descargar plantilla CSV',
  'imp.template.hint':
    'Trae el encabezado y una fila de ejemplo con un DNI inventado ({dni}): reemplácela por sus datos.',
} as const;

export const screeningImportEn: Record<keyof typeof screeningImportEs, string> = {
  'imp.open': 'Import tests',
  'imp.title': 'Import haemoglobin tests',
  'imp.kicker': 'Surveillance · screening records',
  'imp.intro':
    'Upload a file with one row per test, as extracted from HIS-MINSA or SIEN. The whole file is checked before anything is saved: either every row goes in, or none does.',
  'imp.file.title': 'File',
  'imp.drop.prompt': 'Drop the file here or',
  'imp.drop.choose': 'choose one',
  'imp.drop.replace': 'choose another',
  'imp.drop.hint': 'CSV (UTF-8, comma-separated) or XLSX (first sheet), up to 200 MB.',
  'imp.size.kb': '{n} KB',
  'imp.size.mb': '{n} MB',
  'imp.submit': 'Import',
  'imp.uploading': 'Sending…',
  'imp.uploadingDetail':
    'Sending {size}. On slow connections this can take several minutes: do not close this page.',
  'imp.problem.unsupported': 'Only .csv or .xlsx files are accepted.',
  'imp.problem.empty': 'The file is empty.',
  'imp.problem.tooLarge':
    'The file is {size} and the maximum is {max}. Split it into several files (for instance by quarter).',
  'imp.error.unsupported_file':
    'The server does not recognise the file as CSV or XLSX. Save it again in one of those formats.',
  'imp.error.payload_too_large': 'The file is larger than the 200 MB the server accepts.',
  'imp.error.start': 'The import could not start. {message}',
  'imp.privacy.title': 'Privacy.',
  'imp.privacy':
    'The server pseudonymises document numbers as it reads them (keyed HMAC): they are not stored, not logged and never appear in errors. The file is not kept either; only the imported tests remain.',

  'imp.phase.queued': 'Queued',
  'imp.phase.reading': 'Reading',
  'imp.phase.validating': 'Validating',
  'imp.phase.writing': 'Saving',
  'imp.phase.done': 'Done',
  'imp.progress.rows': '{done} of {total} rows',
  'imp.progress.rowsTotal': '{total} rows',
  'imp.progress.waiting': 'Preparing…',
  'imp.progress.reading': '{size} file',
  'imp.progress.hint':
    'The import goes on on the server even if you close this page; come back to this address to see its progress.',
  'imp.reconnecting':
    'The connection to the server was lost; retrying. The import goes on on the server.',
  'imp.job.loading': 'Checking the import…',
  'imp.job.errorTitle': 'Could not check the import',
  'imp.job.forbidden': 'Another user started this import: only they can see its result.',
  'imp.job.notFound': 'This import was not found.',

  'imp.result.title': 'Import complete',
  'imp.result.summary':
    '{screenings} tests of {children} ({newChildren}) were imported, batch {batch}.',
  'imp.result.summaryOne': '1 test of {children} ({newChildren}) was imported, batch {batch}.',
  'imp.result.children': '{n} children',
  'imp.result.childrenOne': '1 child',
  'imp.result.new': '{n} new',
  'imp.result.newOne': '1 new',
  'imp.result.detail':
    'The tests now count in the surveillance figures. The batch is in the audit trail with its totals, not its contents.',
  'imp.result.view': 'View surveillance',
  'imp.another': 'Import another file',

  'imp.errors.title': 'Nothing was imported: the file has {n} errors',
  'imp.errors.titleOne': 'Nothing was imported: the file has 1 error',
  'imp.errors.allOrNothing':
    'An import is all or nothing: no row was saved, not even the correct ones. Fix the errors and import the whole file again.',
  'imp.errors.download': 'Download the full report (CSV)',
  'imp.errors.shown': 'The first {shown} of {total} are shown; the report has them all.',
  'imp.errors.privacy': 'The report gives row, column and reason, never document numbers.',
  'imp.errors.row': 'Row',
  'imp.errors.column': 'Column',
  'imp.errors.reason': 'Reason',
  'imp.errors.wholeRow': 'whole row',
  'imp.failed.title': 'The import failed',
  'imp.failed.detail':
    'Nothing was saved. Try again; if it happens again, send the message below to the Yawar administrator.',

  'imp.format.title': 'File layout',
  'imp.format.intro':
    'Header on the first line, one row per test. Column names are lower case, exactly as here.',
  'imp.format.required': 'Required columns',
  'imp.format.optional': 'Optional columns',
  'imp.format.optionalHint':
    'Without an altitude, that of the populated place, the establishment or the capital of the district of residence is used.',
  'imp.format.duplicates':
    'These are errors: a repeated row, a test already imported in another batch, and a child whose birth date or sex differs from the one on record.',
  'imp.col.tipo_doc': 'DNI or CNV (also 1 = DNI and 6 = CNV, as in HIS)',
  'imp.col.num_doc': '8-digit DNI or 10-digit CNV',
  'imp.col.fecha_nacimiento': 'YYYY-MM-DD or DD/MM/YYYY',
  'imp.col.sexo': 'F or M',
  'imp.col.fecha_dosaje':
    'YYYY-MM-DD or DD/MM/YYYY; not in the future; the child must be 6 to 59 completed months old',
  'imp.col.hemoglobina': 'Measured value in g/dL, not adjusted for altitude (e.g. 10.8)',
  'imp.col.codigo_renipress': 'RENIPRESS code of a registered establishment',
  'imp.template': 'Download CSV template',
  'imp.template.hint':
    'It has the header and one example row with a made-up DNI ({dni}): replace it with your data.',
};
