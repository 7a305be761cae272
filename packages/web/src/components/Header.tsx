import { useFormatNumber, useT } from '../i18n/I18nProvider';
import { LanguageToggle } from './LanguageToggle';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

export interface HeaderCounts {
  districts: number;
  /** Establishments matching the filters that are drawn on the map. */
  shown: number;
  /** Establishments matching the filters that have no coordinates. */
  missingCoordinates: number;
  totalEstablishments: number;
}

export function Header({
  departmentName,
  counts,
}: {
  departmentName: string | null;
  counts: HeaderCounts | null;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <div>
          <h1 className="brand-title">{t('app.title')}</h1>
          <p className="brand-subtitle">
            {t('app.subtitle')}
            {departmentName ? ` · ${t('app.department', { name: departmentName })}` : ''}
          </p>
        </div>
      </div>
      <MainNav />
      {counts && (
        <dl className="header-counts">
          <div className="count">
            <dt>{t('counts.districts')}</dt>
            {/* Test hooks hold the bare number, without locale separators. */}
            <dd className="count-value" data-testid="count-districts">
              {counts.districts}
            </dd>
          </div>
          <div className="count">
            <dt>{t('counts.shown')}</dt>
            <dd>
              <span className="count-value" data-testid="count-establishments-shown">
                {counts.shown}
              </span>{' '}
              <span className="count-total">
                {t('counts.ofTotal', { total: counts.totalEstablishments })}
              </span>
              {counts.missingCoordinates > 0 && (
                <span className="count-note" data-testid="count-establishments-missing-coordinates">
                  {counts.missingCoordinates === 1
                    ? t('counts.missingCoordinatesOne')
                    : t('counts.missingCoordinates', {
                        n: formatNumber(counts.missingCoordinates),
                      })}
                </span>
              )}
            </dd>
          </div>
        </dl>
      )}
      <LanguageToggle />
      <UserMenu />
    </header>
  );
}
