import { useState } from 'react';
import { authApi } from '../api/authClient';
import type { LabelledScope, User, UserPatch } from '@yawar/api';
import { useAuth } from '../auth/AuthProvider';
import { ForbiddenState } from '../components/ForbiddenState';
import { PageLayout } from '../components/PageLayout';
import { ErrorState, LoadingState } from '../components/StatusMessage';
import { CreateUserForm } from '../components/users/CreateUserForm';
import { OneTimePassword } from '../components/users/OneTimePassword';
import { UserRow } from '../components/users/UserRow';
import { useAuthedResource } from '../hooks/useAuthedResource';
import { apiErrorMessage, isUnauthenticated } from '../i18n/apiErrorMessage';
import { useT } from '../i18n/I18nProvider';

interface UsersData {
  users: User[];
  scopes: LabelledScope[];
}

export function UsersPage() {
  const t = useT();
  const { state, reload, setData } = useAuthedResource<UsersData>(async (signal) => {
    const [users, scopes] = await Promise.all([authApi.users(signal), authApi.scopes(signal)]);
    return { users: users.items, scopes: scopes.items };
  }, 'users');
  return (
    <PageLayout title={t('users.title')}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'forbidden' && <ForbiddenState title="forbidden.page" />}
      {(state.status === 'error' || state.status === 'not_found') && (
        <ErrorState error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && <UsersAdmin data={state.data} onChange={setData} />}
    </PageLayout>
  );
}

function UsersAdmin({ data, onChange }: { data: UsersData; onChange: (data: UsersData) => void }) {
  const t = useT();
  const { user: me, sessionExpired } = useAuth();
  const [creating, setCreating] = useState(false);
  const [shownPassword, setShownPassword] = useState<{ username: string; password: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  /** True when handled as "session expired" (the page then goes to the login form). */
  const handleUnauthenticated = (cause: unknown) => {
    if (!isUnauthenticated(cause)) return false;
    sessionExpired();
    return true;
  };
  const replaceUser = (updated: User) =>
    onChange({
      ...data,
      users: data.users.map((item) => (item.id === updated.id ? updated : item)),
    });

  const update = async (target: User, patch: UserPatch): Promise<boolean> => {
    setBusyId(target.id);
    setError(null);
    try {
      replaceUser((await authApi.updateUser(target.id, patch)).user);
      return true;
    } catch (cause) {
      if (!handleUnauthenticated(cause)) {
        setError(
          t('users.actionFailed', {
            username: target.username,
            message: apiErrorMessage(cause, t),
          }),
        );
      }
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const resetPassword = async (target: User) => {
    if (!window.confirm(t('users.resetConfirm', { username: target.username }))) return;
    setBusyId(target.id);
    setError(null);
    try {
      const { password } = await authApi.resetPassword(target.id);
      setShownPassword({ username: target.username, password });
      // A reset also unlocks the account on the server; show it.
      replaceUser({ ...target, lockedUntil: null });
    } catch (cause) {
      if (!handleUnauthenticated(cause)) {
        setError(
          t('users.actionFailed', {
            username: target.username,
            message: apiErrorMessage(cause, t),
          }),
        );
      }
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page-content page-content-wide" data-testid="users-page">
      <header className="page-header page-header-row">
        <div>
          <h1 className="page-title">{t('users.title')}</h1>
          <p className="muted">{t('users.intro', { n: data.users.length })}</p>
        </div>
        {!creating && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreating(true);
              setShownPassword(null);
            }}
            data-testid="create-user-open"
          >
            {t('users.create')}
          </button>
        )}
      </header>

      {shownPassword && (
        <OneTimePassword
          username={shownPassword.username}
          password={shownPassword.password}
          onDismiss={() => setShownPassword(null)}
        />
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="users-error">
          {error}
        </p>
      )}
      {creating && (
        <CreateUserForm
          scopes={data.scopes}
          onCancel={() => setCreating(false)}
          onUnauthenticated={handleUnauthenticated}
          onCreated={(user, password) => {
            onChange({ ...data, users: [...data.users, user] });
            setShownPassword({ username: user.username, password });
            setCreating(false);
          }}
        />
      )}

      <section className="card card-flush">
        <div className="table-scroll">
          <table className="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.user')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.scope')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.lockedUntil')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === me?.id}
                  scopes={data.scopes}
                  busy={busyId === user.id}
                  onUpdate={(patch) => update(user, patch)}
                  onResetPassword={() => void resetPassword(user)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
