import { authApi, auditQuery } from '../api/authClient';
import type { AuditPage as AuditPageData } from '@yawar/api';
import type { AuditFilters } from '../domain/auditFilters';
import { AuditChanges } from '../components/audit/AuditChanges';
import { AuditFiltersForm, EMPTY_AUDIT_FILTERS } from '../components/audit/AuditFiltersForm';
import { ForbiddenState } from '../components/ForbiddenState';
import { PageLayout } from '../components/PageLayout';
import { ErrorState, LoadingState } from '../components/StatusMessage';
import { es as spanish, type MessageKey } from '../i18n/dictionary';
import { useAuthedResource } from '../hooks/useAuthedResource';
import { useFormatDateTime, useFormatNumber, useT } from '../i18n/I18nProvider';
import { useLocation, useNavigate } from '../router/router';

const PAGE_SIZE = 50;
const PATH = '/admin/auditoria';

/** Filters and page live in the URL, so a filtered view can be bookmarked, shared and reloaded. */
function readQuery(search: string): { filters: AuditFilters; page: number } {
  const params = new URLSearchParams(search);
  const filters = { ...EMPTY_AUDIT_FILTERS };
  for (const key of Object.keys(filters) as (keyof AuditFilters)[]) {
    filters[key] = params.get(key) ?? '';
  }
  const page = Number(params.get('page'));
  return { filters, page: Number.isInteger(page) && page > 0 ? page : 1 };
}

export function AuditPage() {
  const t = useT();
  const { search } = useLocation();
  const navigate = useNavigate();
  const { filters, page } = readQuery(search);
  const { state, reload } = useAuthedResource(
    (signal) => authApi.audit(filters, page, PAGE_SIZE, signal),
    search,
  );
  const go = (next: AuditFilters, nextPage: number) =>
    navigate(`${PATH}${auditQuery(next, nextPage > 1 ? nextPage : undefined)}`);

  return (
    <PageLayout title={t('audit.title')}>
      {state.status === 'forbidden' ? (
        <ForbiddenState title="forbidden.page" />
      ) : (
        <div className="page-content page-content-wide" data-testid="audit-page">
          <header className="page-header page-header-row">
            <div>
              <h1 className="page-title">{t('audit.title')}</h1>
              <p className="muted">{t('audit.intro')}</p>
            </div>
            <a
              className="button button-outline"
              href={authApi.auditExportUrl(filters)}
              download
              data-testid="audit-export"
            >
              {t('audit.export')}
            </a>
          </header>
          {/* Keyed by the query so Back/Forward resets the inputs to the URL's filters. */}
          <AuditFiltersForm key={search} filters={filters} onApply={(next) => go(next, 1)} />
          {state.status === 'loading' && <LoadingState />}
          {(state.status === 'error' || state.status === 'not_found') && (
            <ErrorState error={state.error} onRetry={reload} />
          )}
          {state.status === 'ready' && (
            <AuditResults
              data={state.data}
              page={page}
              onPage={(nextPage) => go(filters, nextPage)}
            />
          )}
        </div>
      )}
    </PageLayout>
  );
}

function AuditResults({
  data,
  page,
  onPage,
}: {
  data: AuditPageData;
  page: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  // Every action has a label (messages/audit.ts); one recorded by a newer server shows its code.
  const actionLabel = (action: string): string => {
    const key = `audit.action.${action}`;
    return key in spanish ? t(key as MessageKey) : action;
  };
  const formatDateTime = useFormatDateTime();
  const formatNumber = useFormatNumber();
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  return (
    <section className="card card-flush">
      {data.items.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.changes')}</th>
                <th scope="col">{t('audit.request')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td className="nowrap">{formatDateTime(entry.at)}</td>
                  <td>{entry.actor ?? <span className="muted">{t('audit.system')}</span>}</td>
                  <td data-testid="audit-action" data-action={entry.action}>
                    <span className="cell-main">{actionLabel(entry.action)}</span>
                    <code className="cell-sub">{entry.action}</code>
                  </td>
                  <td>
                    {entry.entity}
                    {entry.entityId && <span className="cell-sub mono">{entry.entityId}</span>}
                  </td>
                  <td>
                    <AuditChanges entry={entry} />
                  </td>
                  <td className="cell-sub mono">
                    {entry.ip && <span>{entry.ip}</span>}
                    {entry.requestId && (
                      <span title={entry.requestId}>{entry.requestId.slice(0, 8)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t('audit.pages')}>
        <span className="muted" data-testid="audit-total">
          {t('audit.pageOf', {
            page: formatNumber(page),
            pages: formatNumber(pages),
            total: formatNumber(data.total),
          })}
        </span>
        <button
          type="button"
          className="button button-outline button-small"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t('audit.previous')}
        </button>
        <button
          type="button"
          className="button button-outline button-small"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
          data-testid="audit-next"
        >
          {t('audit.next')}
        </button>
      </nav>
    </section>
  );
}
