import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { authApi } from '../api/authClient';
import type { DemoAccountsResponse } from '@yawar/api';
import { useAuth } from '../auth/AuthProvider';
import { PageLayout } from '../components/PageLayout';
import { useT, type Translate } from '../i18n/I18nProvider';
import { Navigate, safeNextPath, useLocation, useNavigate } from '../router/router';
import { DemoAccounts } from './DemoAccounts';

/**
 * One message per error code of POST /api/auth/login. A lockout answers exactly like a wrong
 * password (so the login form cannot tell who has an account); the message says how it works.
 */
function loginErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('login.error.other');
  switch (error.code) {
    case 'invalid_credentials':
      return t('login.error.invalid_credentials');
    case 'too_many_requests':
      return t('login.error.too_many_requests');
    case 'account_disabled':
      return t('login.error.account_disabled');
    case 'network_error':
      return t('status.networkError');
    default:
      return t('login.error.otherWithCode', { code: error.code });
  }
}

export function LoginPage() {
  const t = useT();
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const { search } = useLocation();
  const rawNext = new URLSearchParams(search).get('next');
  const next = safeNextPath(rawNext);

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [demo, setDemo] = useState<DemoAccountsResponse | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // Demo accounts are optional: a failure just means no demo box.
    authApi.demoAccounts(controller.signal).then(setDemo, () => undefined);
    return () => controller.abort();
  }, []);

  // Already logged in (a reload of /login, or the back button): go where the user was going.
  if (state.status === 'authenticated' && !submitting) return <Navigate to={next} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (cause) {
      setError(loginErrorMessage(cause, t));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageLayout title={t('login.title')}>
      <div className="login-layout">
        <form className="card login-card" onSubmit={(event) => void onSubmit(event)} noValidate>
          <h1 className="page-title">{t('login.title')}</h1>
          <p className="muted">{rawNext ? t('login.needed') : t('login.intro')}</p>
          {error && (
            <p className="form-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          {error && <p className="muted">{t('login.lockoutHint')}</p>}
          <label className="form-field">
            <span className="field-label">{t('login.username')}</span>
            <input
              className="text-input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              data-testid="login-username"
            />
          </label>
          <label className="form-field">
            <span className="field-label">{t('login.password')}</span>
            <input
              className="text-input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
            />
          </label>
          <button
            type="submit"
            className="button button-block"
            disabled={submitting || !username.trim() || !password}
            data-testid="login-submit"
          >
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        {demo && demo.items.length > 0 && (
          <DemoAccounts
            demo={demo}
            onPick={(account) => {
              setUsername(account);
              setPassword(demo.password ?? '');
              setError(null);
            }}
          />
        )}
      </div>
    </PageLayout>
  );
}
