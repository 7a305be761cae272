// Messages of the user administration page and its one-time password. Spanish is the reference;
// English is typed against it.

export const usersEs = {
  'users.title': 'Usuarios',
  'users.intro': '{n} cuentas. Cada usuario tiene un rol y un único ámbito.',
  'users.create': 'Nuevo usuario',
  'users.createSubmit': 'Crear usuario',
  'users.username': 'Usuario',
  'users.usernameHint': 'Letras, números, punto, guion y guion bajo.',
  'users.displayName': 'Nombre completo',
  'users.role': 'Rol',
  'users.scope': 'Ámbito',
  'users.scopeRequired': 'Elija un ámbito.',
  'users.user': 'Usuario',
  'users.status': 'Estado',
  'users.lockedUntil': 'Bloqueado hasta',
  'users.lastLogin': 'Último ingreso',
  'users.actions': 'Acciones',
  'users.active': 'Activo',
  'users.disabled': 'Desactivado',
  'users.never': 'Nunca',
  'users.edit': 'Editar',
  'users.enable': 'Activar',
  'users.disable': 'Desactivar',
  'users.resetPassword': 'Restablecer contraseña',
  'users.resetConfirm':
    '¿Generar una contraseña nueva para {username}? La actual dejará de funcionar.',
  'users.disableConfirm':
    '¿Desactivar a {username}? No podrá ingresar hasta que una administración lo vuelva a activar.',
  'users.actionFailed': 'No se pudo modificar {username}: {message}',

  'password.title': 'Contraseña de {username}',
  'password.label': 'Contraseña generada',
  'password.copy': 'Copiar',
  'password.copied': 'Copiada',
  'password.copyManual': 'Texto seleccionado: cópielo con Ctrl+C.',
  'password.warning':
    'Entréguela por un canal seguro. No se volverá a mostrar: si se pierde, habrá que restablecerla.',
  'password.dismiss': 'Ya la copié, cerrar',
} as const;

export const usersEn: Record<keyof typeof usersEs, string> = {
  'users.title': 'Users',
  'users.intro': '{n} accounts. Each user has one role and one scope.',
  'users.create': 'New user',
  'users.createSubmit': 'Create user',
  'users.username': 'Username',
  'users.usernameHint': 'Letters, digits, dot, hyphen and underscore.',
  'users.displayName': 'Full name',
  'users.role': 'Role',
  'users.scope': 'Scope',
  'users.scopeRequired': 'Choose a scope.',
  'users.user': 'User',
  'users.status': 'Status',
  'users.lockedUntil': 'Locked until',
  'users.lastLogin': 'Last login',
  'users.actions': 'Actions',
  'users.active': 'Active',
  'users.disabled': 'Disabled',
  'users.never': 'Never',
  'users.edit': 'Edit',
  'users.enable': 'Enable',
  'users.disable': 'Disable',
  'users.resetPassword': 'Reset password',
  'users.resetConfirm':
    'Generate a new password for {username}? The current one will stop working.',
  'users.disableConfirm':
    'Disable {username}? They will not be able to log in until an administrator enables them again.',
  'users.actionFailed': 'Could not change {username}: {message}',

  'password.title': 'Password for {username}',
  'password.label': 'Generated password',
  'password.copy': 'Copy',
  'password.copied': 'Copied',
  'password.copyManual': 'Text selected: copy it with Ctrl+C.',
  'password.warning':
    'Hand it over through a secure channel. It will not be shown again: if it is lost, reset it.',
  'password.dismiss': 'I have copied it, close',
};
