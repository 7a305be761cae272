import type { DemoAccountsResponse } from '@yawar/api';
import { useT } from '../i18n/I18nProvider';

/**
 * Shown only when the server has demo accounts enabled. They are labelled DEMO everywhere so
 * nobody mistakes a demonstration session for a real one.
 */
export function DemoAccounts({
  demo,
  onPick,
}: {
  demo: DemoAccountsResponse;
  onPick: (username: string) => void;
}) {
  const t = useT();
  return (
    <section className="card demo-card" data-testid="demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title" className="card-title">
        <span className="demo-badge">{t('auth.demo')}</span> {t('demo.title')}
      </h2>
      <p className="muted">{t('demo.intro')}</p>
      {demo.password && (
        <p className="demo-password">
          {t('demo.password')} <code data-testid="demo-password">{demo.password}</code>
        </p>
      )}
      <table className="data-table data-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('demo.account')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.scope')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('demo.use')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {demo.items.map((account) => (
            <tr key={account.username}>
              <td>
                <code>{account.username}</code>
              </td>
              <td>{t(`role.${account.role}`)}</td>
              <td>{account.scopeLabel}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onPick(account.username)}
                  data-testid={`demo-use-${account.username}`}
                >
                  {t('demo.use')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
