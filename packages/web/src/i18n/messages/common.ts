// Messages shared by every page: application title, language switch, loading and error states,
// navigation, access denied, not found, form buttons, generic errors, footer, and the
// measurement units (`unit.*`: metres, km², percent). Spanish is the reference; English is typed
// against it.

export const commonEs = {
  'app.title': 'Yawar',
  'app.subtitle': 'Red de establecimientos de salud',
  'app.department': 'Departamento de {name}',
  'language.toggle': 'English',
  'language.toggleLabel': 'Cambiar idioma a inglés',

  'status.loading': 'Cargando datos…',
  'status.loadingDetail':
    'Descargando límites y establecimientos. En conexiones lentas puede tardar un momento.',
  'status.errorTitle': 'No se pudieron cargar los datos',
  'status.errorCode': 'Código: {code}',
  'status.retry': 'Reintentar',
  'status.networkError': 'No hay conexión con el servidor.',

  'unit.metres': '{n} m s. n. m.',
  'unit.km2': '{n} km²',
  'unit.percent': '{n} %',

  'footer.sources': 'Fuente: {sources}',
  'footer.server': 'Yawar {version} · base de datos {database}',

  'nav.label': 'Secciones',
  'nav.map': 'Mapa',
  'nav.myUnit': 'Mi unidad',
  'nav.surveillance': 'Vigilancia',
  'nav.followUp': 'Seguimiento',
  'nav.import': 'Importar dosajes',
  'nav.users': 'Usuarios',
  'nav.audit': 'Auditoría',

  'forbidden.unit': 'No tiene acceso a esta unidad',
  'forbidden.page': 'No tiene acceso a esta página',
  'forbidden.establishment': 'No tiene acceso a este establecimiento',
  'forbidden.scope': 'Su ámbito es: {scope}.',
  'forbidden.ask': 'Si necesita este acceso, pídalo al administrador de Yawar.',
  'notFound.title': 'Página no encontrada',
  'notFound.detail': 'La dirección no corresponde a ninguna página de Yawar.',

  'form.save': 'Guardar',
  'form.saving': 'Guardando…',
  'form.cancel': 'Cancelar',

  'errors.unexpected': 'Ocurrió un error inesperado.',
  'errors.forbidden': 'No tiene permiso para esta acción.',
  'errors.unauthenticated': 'Su sesión terminó. Vuelva a ingresar.',
  'errors.csrf': 'La sesión cambió en otra pestaña. Recargue la página e inténtelo de nuevo.',
  'errors.withCode': '{message} (código {code})',
} as const;

export const commonEn: Record<keyof typeof commonEs, string> = {
  'app.title': 'Yawar',
  'app.subtitle': 'Health facility network',
  'app.department': 'Department of {name}',
  'language.toggle': 'Español',
  'language.toggleLabel': 'Switch language to Spanish',

  'status.loading': 'Loading data…',
  'status.loadingDetail':
    'Downloading boundaries and facilities. This may take a moment on slow connections.',
  'status.errorTitle': 'The data could not be loaded',
  'status.errorCode': 'Code: {code}',
  'status.retry': 'Retry',
  'status.networkError': 'Cannot reach the server.',

  'unit.metres': '{n} m a.s.l.',
  'unit.km2': '{n} km²',
  'unit.percent': '{n} %',

  'footer.sources': 'Source: {sources}',
  'footer.server': 'Yawar {version} · {database} database',

  'nav.label': 'Sections',
  'nav.map': 'Map',
  'nav.myUnit': 'My unit',
  'nav.surveillance': 'Surveillance',
  'nav.followUp': 'Follow-up',
  'nav.import': 'Import tests',
  'nav.users': 'Users',
  'nav.audit': 'Audit',

  'forbidden.unit': 'You do not have access to this unit',
  'forbidden.page': 'You do not have access to this page',
  'forbidden.establishment': 'You do not have access to this establishment',
  'forbidden.scope': 'Your scope is: {scope}.',
  'forbidden.ask': 'If you need this access, ask the Yawar administrator.',
  'notFound.title': 'Page not found',
  'notFound.detail': 'This address is not a Yawar page.',

  'form.save': 'Save',
  'form.saving': 'Saving…',
  'form.cancel': 'Cancel',

  'errors.unexpected': 'Something unexpected went wrong.',
  'errors.forbidden': 'You are not allowed to do this.',
  'errors.unauthenticated': 'Your session has ended. Log in again.',
  'errors.csrf': 'The session changed in another tab. Reload the page and try again.',
  'errors.withCode': '{message} (code {code})',
};
