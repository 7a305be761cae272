import type { MessageKey } from '../i18n/dictionary';
import { useAuth, ownUnitCode } from '../auth/AuthProvider';
import { useT } from '../i18n/I18nProvider';
import { Link } from '../router/router';

/**
 * The server said 403. Say plainly that this is about permissions (not a bug), and what the user's
 * scope is, so they know whom to ask.
 */
export function ForbiddenState({ title }: { title: MessageKey }) {
  const t = useT();
  const { user } = useAuth();
  const unit = ownUnitCode(user);
  return (
    <section className="notice-page" data-testid="forbidden" role="alert">
      <p className="notice-code">403</p>
      <h1 className="notice-title">{t(title)}</h1>
      {user && <p className="notice-detail">{t('forbidden.scope', { scope: user.scope.label })}</p>}
      <p className="notice-detail">{t('forbidden.ask')}</p>
      <p className="notice-actions">
        <Link className="button" to="/">
          {t('nav.map')}
        </Link>
        {unit && (
          <Link className="button button-outline" to={`/unidades/${encodeURIComponent(unit)}`}>
            {t('nav.myUnit')}
          </Link>
        )}
      </p>
    </section>
  );
}

export function NotFoundState({ detail }: { detail?: string }) {
  const t = useT();
  return (
    <section className="notice-page" data-testid="not-found">
      <p className="notice-code">404</p>
      <h1 className="notice-title">{t('notFound.title')}</h1>
      <p className="notice-detail">{detail ?? t('notFound.detail')}</p>
      <p className="notice-actions">
        <Link className="button" to="/">
          {t('nav.map')}
        </Link>
      </p>
    </section>
  );
}
