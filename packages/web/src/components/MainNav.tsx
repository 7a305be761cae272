import { scopeOverlapsDepartment } from '@yawar/core';
import { SURVEILLANCE_DEPARTMENT } from '../api/surveillanceClient';
import { hasPermission, ownUnitCode, useAuth } from '../auth/AuthProvider';
import { useT } from '../i18n/I18nProvider';
import { Link, useLocation } from '../router/router';

/**
 * Links the user may follow, by permission (the role's list from core access/roles.ts, sent by
 * GET /api/auth/me) and, where the server also checks it, by scope. Hiding a link is only a courtesy: every page asks the
 * server, which refuses with 403 whatever the menu showed.
 */
export function MainNav() {
  const t = useT();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const unit = ownUnitCode(user);
  // `section`: the link also stands for the pages under it (/seguimiento/<code>).
  const links: { to: string; label: string; testId: string; section?: boolean }[] = [
    { to: '/', label: t('nav.map'), testId: 'nav-map' },
  ];
  if (unit) {
    links.push({
      to: `/unidades/${encodeURIComponent(unit)}`,
      label: t('nav.myUnit'),
      testId: 'nav-my-unit',
    });
  }
  // The surveillance page is department aggregates: the server grants them to a scope that lies
  // in the department (core access/scope.ts scopeOverlapsDepartment), which an executing unit's
  // or establishment's scope does not (issue #10: a unit programmer got a full-page 403).
  if (
    hasPermission(user, 'surveillance:read') &&
    user &&
    scopeOverlapsDepartment(user.scope, SURVEILLANCE_DEPARTMENT)
  ) {
    links.push({ to: '/vigilancia', label: t('nav.surveillance'), testId: 'nav-surveillance' });
  }
  if (hasPermission(user, 'children:read')) {
    links.push({
      to: '/seguimiento',
      label: t('nav.followUp'),
      testId: 'nav-follow-up',
      section: true,
    });
  }
  if (hasPermission(user, 'screenings:import')) {
    links.push({ to: '/vigilancia/importar', label: t('nav.import'), testId: 'nav-import' });
  }
  if (hasPermission(user, 'programming:read')) {
    links.push({
      to: '/programacion',
      label: t('nav.programming'),
      testId: 'nav-programming',
      section: true,
    });
  }
  if (hasPermission(user, 'supply:read')) {
    links.push({ to: '/abastecimiento', label: t('nav.supply'), testId: 'nav-supply' });
  }
  if (hasPermission(user, 'supply:import')) {
    links.push({
      to: '/abastecimiento/importar',
      label: t('nav.supplyImport'),
      testId: 'nav-supply-import',
    });
  }
  if (hasPermission(user, 'users:manage')) {
    links.push({ to: '/admin/usuarios', label: t('nav.users'), testId: 'nav-users' });
  }
  if (hasPermission(user, 'audit:read')) {
    links.push({ to: '/admin/auditoria', label: t('nav.audit'), testId: 'nav-audit' });
  }
  // The map link alone is not worth a menu.
  if (links.length === 1) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      {links.map((link) => (
        <Link
          key={link.to}
          to={link.to}
          className="main-nav-link"
          data-testid={link.testId}
          aria-current={
            pathname === link.to || (link.section && pathname.startsWith(`${link.to}/`))
              ? 'page'
              : undefined
          }
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
