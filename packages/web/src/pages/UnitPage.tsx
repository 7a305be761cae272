import { useMemo } from 'react';
import { authApi } from '../api/authClient';
import type { ExecutingUnitResponse } from '@yawar/api';
import { ESTABLISHMENT_CATEGORIES as CATEGORY_CODES } from '@yawar/core';
import { ForbiddenState, NotFoundState } from '../components/ForbiddenState';
import { PageLayout } from '../components/PageLayout';
import { ErrorState, LoadingState } from '../components/StatusMessage';
import { useAuthedResource } from '../hooks/useAuthedResource';
import { useT } from '../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../map/categoryStyle';

export function UnitPage({ code }: { code: string }) {
  const t = useT();
  const { state, reload } = useAuthedResource(
    (signal) => authApi.executingUnit(code, signal),
    code,
  );
  return (
    <PageLayout title={t('eu.title', { code })}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'forbidden' && <ForbiddenState title="forbidden.unit" />}
      {state.status === 'not_found' && <NotFoundState detail={t('eu.notFound', { code })} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <UnitDetails data={state.data} />}
    </PageLayout>
  );
}

function UnitDetails({ data }: { data: ExecutingUnitResponse }) {
  const t = useT();
  const { unit } = data;
  // Level order (I-1 … III-E), as in the map legend, rather than the server's order.
  const categories = useMemo(
    () =>
      [...data.categories].sort(
        (a, b) => CATEGORY_CODES.indexOf(a.code) - CATEGORY_CODES.indexOf(b.code),
      ),
    [data.categories],
  );
  const establishments = useMemo(
    () =>
      [...data.establishments].sort(
        (a, b) =>
          CATEGORY_CODES.indexOf(b.category) - CATEGORY_CODES.indexOf(a.category) ||
          a.name.localeCompare(b.name, 'es'),
      ),
    [data.establishments],
  );
  const withLab = data.establishments.filter((item) => item.hasLaboratory).length;

  return (
    <article className="page-content" data-testid="unit-page">
      <header className="page-header">
        <p className="page-kicker">{t('eu.kicker', { code: unit.code })}</p>
        <h1 className="page-title" data-testid="unit-name">
          {unit.name}
        </h1>
        <dl className="meta-list">
          {unit.parentDirectorate && (
            <div>
              <dt>{t('eu.parent')}</dt>
              <dd>{unit.parentDirectorate}</dd>
            </div>
          )}
          <div>
            <dt>{t('eu.establishments')}</dt>
            <dd data-testid="unit-establishment-count">{data.establishments.length}</dd>
          </div>
          <div>
            <dt>{t('eu.withLaboratory')}</dt>
            <dd>{withLab}</dd>
          </div>
        </dl>
        {unit.evidence && (
          <p className="evidence">
            <span className="field-label">{t('eu.evidence')}</span>
            {unit.evidence}
          </p>
        )}
      </header>

      <section className="card" aria-labelledby="unit-categories">
        <h2 id="unit-categories" className="card-title">
          {t('eu.byCategory')}
        </h2>
        <ul className="category-counts">
          {categories.map((item) => (
            <li key={item.code} data-testid={`unit-category-${item.code}`}>
              <span
                className="swatch"
                style={{ background: CATEGORY_COLORS[item.code] }}
                aria-hidden="true"
              />
              <span title={t(`category.${item.code}`)}>{item.code}</span>
              <strong>{item.count}</strong>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="unit-establishments">
        <h2 id="unit-establishments" className="card-title">
          {t('eu.establishmentsTitle')}
        </h2>
        {establishments.length === 0 ? (
          <p className="muted">{t('eu.noEstablishments')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="unit-establishments">
              <thead>
                <tr>
                  <th scope="col">{t('details.code')}</th>
                  <th scope="col">{t('eu.name')}</th>
                  <th scope="col">{t('details.category')}</th>
                  <th scope="col">{t('details.network')}</th>
                  <th scope="col">{t('details.microred')}</th>
                  <th scope="col">{t('details.district')}</th>
                  <th scope="col">{t('details.laboratory')}</th>
                </tr>
              </thead>
              <tbody>
                {establishments.map((item) => (
                  <tr key={item.code} data-testid="unit-establishment-row">
                    <td className="mono">{item.code}</td>
                    <td>{item.name}</td>
                    <td>
                      <span className="category-cell" title={t(`category.${item.category}`)}>
                        <span
                          className="swatch"
                          style={{ background: CATEGORY_COLORS[item.category] }}
                          aria-hidden="true"
                        />
                        {item.category}
                      </span>
                    </td>
                    <td>{item.network ?? <span className="muted">—</span>}</td>
                    <td>{item.microred ?? <span className="muted">—</span>}</td>
                    <td>{item.districtName}</td>
                    <td>
                      {item.hasLaboratory ? (
                        <span className="pill pill-yes">{t('details.lab.yes')}</span>
                      ) : (
                        <span className="pill">{t('details.lab.no')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
