import { useState } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { useT } from '../i18n/I18nProvider';
import { Link, loginPath, useLocation, useNavigate } from '../router/router';

/** Who is logged in (name, role, scope, DEMO) and the way out; or the way in. */
export function UserMenu() {
  const t = useT();
  const { state, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [leaving, setLeaving] = useState(false);

  // Nothing until the session check answers, so the header does not flash "Ingresar".
  if (state.status === 'loading') return <div className="user-menu" aria-hidden="true" />;

  if (state.status === 'anonymous') {
    if (location.pathname === '/login') return <div className="user-menu" />;
    return (
      <div className="user-menu">
        <Link
          className="button button-small"
          to={loginPath(location.pathname + location.search)}
          data-testid="login-link"
        >
          {t('auth.login')}
        </Link>
      </div>
    );
  }

  const { user } = state;
  const onLogout = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch (cause) {
      // The local session is gone anyway (see AuthProvider.logout); nothing to show the user.
      console.warn('Logout request failed', cause);
    } finally {
      setLeaving(false);
    }
    navigate('/', { replace: true });
  };

  return (
    <div className="user-menu">
      <div className="user-identity" data-testid="current-user">
        <span className="user-name">
          <span className="user-name-text" title={user.displayName}>
            {user.displayName}
          </span>
          {user.isDemo && (
            <span className="demo-badge" data-testid="demo-badge" title={t('auth.demoHint')}>
              {t('auth.demo')}
            </span>
          )}
        </span>
        <span
          className="user-role"
          title={`${t(`scope.kind.${user.scope.kind}`)}: ${user.scope.label}`}
        >
          {t(`role.${user.role}`)} · {user.scope.label}
        </span>
      </div>
      <button
        type="button"
        className="button button-small button-outline"
        onClick={() => void onLogout()}
        disabled={leaving}
        data-testid="logout"
      >
        {t('auth.logout')}
      </button>
    </div>
  );
}
