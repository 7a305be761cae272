// Messages of signing in and of the signed-in account: login, demo accounts, roles and scopes.
// Spanish is the reference; English is typed against it.

export const authEs = {
  'auth.login': 'Ingresar',
  'auth.logout': 'Salir',
  'auth.demo': 'DEMO',
  'auth.demoHint': 'Cuenta de demostración: no usar para trabajo real',

  'role.admin': 'Administrador',
  'role.national_analyst': 'Analista nacional (CENARES)',
  'role.regional_planner': 'Planificador regional (DIRESA)',
  'role.unit_programmer': 'Programador de unidad ejecutora',
  'role.lab_coordinator': 'Coordinador de laboratorio',
  'role.viewer': 'Visor (solo agregados)',
  'role.hint.admin': 'Gestiona usuarios y lee la auditoría.',
  'role.hint.national_analyst': 'Consulta todo el país.',
  'role.hint.regional_planner': 'Planifica para su región.',
  'role.hint.unit_programmer': 'Programa para una unidad ejecutora.',
  'role.hint.lab_coordinator': 'Registra qué establecimientos tienen laboratorio.',
  'role.hint.viewer': 'Ve solo cifras agregadas.',

  'scope.kind.national': 'Nacional',
  'scope.kind.department': 'Departamento',
  'scope.kind.network': 'Red',
  'scope.kind.microred': 'Microrred',
  'scope.kind.executing_unit': 'Unidad ejecutora',
  'scope.kind.establishment': 'Establecimiento',
  'scope.allKinds': 'Todos los tipos',
  'scope.filterKind': 'Tipo de ámbito',
  'scope.filterText': 'Filtrar ámbitos',
  'scope.filterPlaceholder': 'Nombre o código',
  'scope.more': 'Se muestran {shown} de {total}; precise el filtro',
  'scope.count': '{n} ámbitos',
  'scope.selected': 'Elegido: {label}',

  'login.title': 'Ingresar a Yawar',
  'login.intro': 'Use la cuenta que le asignó el administrador.',
  'login.needed': 'Inicie sesión para continuar.',
  'login.username': 'Usuario',
  'login.password': 'Contraseña',
  'login.submit': 'Ingresar',
  'login.submitting': 'Ingresando…',
  'login.error.invalid_credentials': 'Usuario o contraseña incorrectos.',
  'login.error.account_locked':
    'La cuenta está bloqueada por demasiados intentos fallidos. Podrá intentarlo de nuevo después de las {time}.',
  'login.error.account_lockedNoTime':
    'La cuenta está bloqueada por demasiados intentos fallidos. Inténtelo más tarde.',
  'login.error.too_many_requests':
    'Demasiados intentos seguidos. Espere unos minutos antes de volver a intentarlo.',
  'login.error.account_disabled': 'La cuenta está desactivada. Consulte con el administrador.',
  'login.error.other': 'No se pudo iniciar sesión.',
  'login.error.otherWithCode': 'No se pudo iniciar sesión (código {code}).',

  'demo.title': 'Cuentas de demostración',
  'demo.intro':
    'Para conocer Yawar sin una cuenta propia. Cada una tiene un rol y un ámbito distintos; no las use para trabajo real.',
  'demo.password': 'Contraseña de todas:',
  'demo.account': 'Cuenta',
  'demo.use': 'Usar',
} as const;

export const authEn: Record<keyof typeof authEs, string> = {
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.demo': 'DEMO',
  'auth.demoHint': 'Demonstration account: not for real work',

  'role.admin': 'Administrator',
  'role.national_analyst': 'National analyst (CENARES)',
  'role.regional_planner': 'Regional planner (DIRESA)',
  'role.unit_programmer': 'Executing-unit programmer',
  'role.lab_coordinator': 'Laboratory coordinator',
  'role.viewer': 'Viewer (aggregates only)',
  'role.hint.admin': 'Manages users and reads the audit trail.',
  'role.hint.national_analyst': 'Sees the whole country.',
  'role.hint.regional_planner': 'Plans for their region.',
  'role.hint.unit_programmer': 'Programmes for one executing unit.',
  'role.hint.lab_coordinator': 'Records which facilities have a laboratory.',
  'role.hint.viewer': 'Sees aggregate figures only.',

  'scope.kind.national': 'National',
  'scope.kind.department': 'Department',
  'scope.kind.network': 'Network',
  'scope.kind.microred': 'Microred',
  'scope.kind.executing_unit': 'Executing unit',
  'scope.kind.establishment': 'Facility',
  'scope.allKinds': 'All kinds',
  'scope.filterKind': 'Kind of scope',
  'scope.filterText': 'Filter scopes',
  'scope.filterPlaceholder': 'Name or code',
  'scope.more': 'Showing {shown} of {total}; refine the filter',
  'scope.count': '{n} scopes',
  'scope.selected': 'Chosen: {label}',

  'login.title': 'Log in to Yawar',
  'login.intro': 'Use the account your administrator gave you.',
  'login.needed': 'Log in to continue.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.error.invalid_credentials': 'Wrong username or password.',
  'login.error.account_locked':
    'The account is locked after too many failed attempts. You can try again after {time}.',
  'login.error.account_lockedNoTime':
    'The account is locked after too many failed attempts. Try again later.',
  'login.error.too_many_requests': 'Too many attempts in a row. Wait a few minutes and try again.',
  'login.error.account_disabled': 'The account is disabled. Ask your administrator.',
  'login.error.other': 'Could not log in.',
  'login.error.otherWithCode': 'Could not log in (code {code}).',

  'demo.title': 'Demonstration accounts',
  'demo.intro':
    'To try Yawar without an account of your own. Each has a different role and scope; do not use them for real work.',
  'demo.password': 'Password for all of them:',
  'demo.account': 'Account',
  'demo.use': 'Use',
};
