import { useState, type FormEvent } from 'react';
import { authApi } from '../../api/authClient';
import type { LabelledScope, User } from '@yawar/api';
import type { Role } from '@yawar/core';
import { apiErrorMessage } from '../../i18n/apiErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { RoleSelect } from './RoleSelect';
import { ScopePicker } from './ScopePicker';

export function CreateUserForm({
  scopes,
  onCreated,
  onCancel,
  onUnauthenticated,
}: {
  scopes: readonly LabelledScope[];
  onCreated: (user: User, password: string) => void;
  onCancel: () => void;
  onUnauthenticated: (error: unknown) => boolean;
}) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [scope, setScope] = useState<LabelledScope | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!scope) {
      setError(t('users.scopeRequired'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const created = await authApi.createUser({
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        scope: { kind: scope.kind, code: scope.code },
      });
      onCreated(created.user, created.password);
    } catch (cause) {
      if (!onUnauthenticated(cause)) setError(apiErrorMessage(cause, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card user-form"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="create-user-form"
    >
      <h2 className="card-title">{t('users.create')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-grid">
        <div className="form-column">
          <label className="form-field">
            <span className="field-label">{t('users.username')}</span>
            <input
              className="text-input"
              required
              autoCapitalize="none"
              spellCheck={false}
              pattern="[a-zA-Z0-9._\-]+"
              title={t('users.usernameHint')}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              data-testid="create-username"
            />
            <span className="field-hint">{t('users.usernameHint')}</span>
          </label>
          <label className="form-field">
            <span className="field-label">{t('users.displayName')}</span>
            <input
              className="text-input"
              required
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              data-testid="create-display-name"
            />
          </label>
          <RoleSelect value={role} onChange={setRole} testId="create-role" />
        </div>
        <div className="form-column">
          <ScopePicker scopes={scopes} value={scope} onChange={setScope} testId="create-scope" />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving} data-testid="create-submit">
          {saving ? t('form.saving') : t('users.createSubmit')}
        </button>
        <button type="button" className="button button-outline" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
