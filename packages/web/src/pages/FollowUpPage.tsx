import { useMemo } from 'react';
import { followUpApi } from '../api/followUpClient';
import type { EstablishmentFeature, FollowUpResponse, HbRule, RuleId } from '@yawar/api';
import { hasPermission, useAuth } from '../auth/AuthProvider';
import { FollowUpControls } from '../components/followUp/FollowUpControls';
import { FollowUpNote } from '../components/followUp/FollowUpNote';
import { FollowUpTable } from '../components/followUp/FollowUpTable';
import { StatusTabs } from '../components/followUp/StatusTabs';
import { ForbiddenState, NotFoundState } from '../components/ForbiddenState';
import { PageLayout } from '../components/PageLayout';
import { ErrorState, LoadingState } from '../components/StatusMessage';
import { SimulatedBadge } from '../components/surveillance/Explained';
import {
  followUpCsv,
  followUpFileName,
  isEstablishmentCode,
  localToday,
  readFollowUpQuery,
  scopeIncludes,
  withStatus,
  writeFollowUpQuery,
  type FollowUpQuery,
  type StatusFilter,
} from '../domain/followUp';
import { useAuthedResource } from '../hooks/useAuthedResource';
import { useFollowUpBase } from '../hooks/useFollowUpBase';
import { useLastReady } from '../hooks/useSurveillanceData';
import { useFormatDate, useFormatNumber, useT } from '../i18n/I18nProvider';
import { loginPath, Navigate, useLocation, useNavigate } from '../router/router';

const PATH = '/seguimiento';

/**
 * The permission is checked from the session before loading anything (the picker's data is
 * public); the server still refuses the list (403) to anyone without it or outside their scope.
 */
export function FollowUpPage({ code }: { code: string | null }) {
  const t = useT();
  const { state, user } = useAuth();
  const { pathname, search } = useLocation();
  return (
    <PageLayout title={t('fu.title')}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'anonymous' && <Navigate to={loginPath(pathname + search)} />}
      {state.status === 'authenticated' &&
        (hasPermission(user, 'children:read') ? (
          <FollowUp code={code} />
        ) : (
          <ForbiddenState title="forbidden.page" />
        ))}
    </PageLayout>
  );
}

function FollowUp({ code }: { code: string | null }) {
  const t = useT();
  const { user } = useAuth();
  const { search } = useLocation();
  const navigate = useNavigate();
  const { state: base, reload } = useFollowUpBase();
  const query = readFollowUpQuery(search);
  const today = query.today ?? localToday();

  const go = (nextCode: string | null, next: FollowUpQuery, replace: boolean) =>
    navigate(
      `${PATH}${nextCode ? `/${encodeURIComponent(nextCode)}` : ''}${writeFollowUpQuery(next)}`,
      { replace },
    );
  // A new establishment is a new entry in the history (Back returns to the previous one); the
  // date, rule and status only refine the view, and replace it.
  const refine = (next: FollowUpQuery) => go(code, next, true);

  const establishments = base.status === 'ready' ? base.data.establishments : null;
  // The picker offers what the user may open; others would only answer "no access".
  const inScope = useMemo(
    () =>
      establishments && user
        ? establishments.filter((feature) => scopeIncludes(user.scope, feature.properties))
        : [],
    [establishments, user],
  );

  if (base.status === 'forbidden') return <ForbiddenState title="forbidden.page" />;
  if (base.status === 'loading') return <LoadingState />;
  if (base.status === 'error' || base.status === 'not_found') {
    return <ErrorState error={base.error} onRetry={reload} />;
  }
  const selected = code
    ? base.data.establishments.find((feature) => feature.properties.code === code.padStart(8, '0'))
    : undefined;

  return (
    <div className="page-content page-content-wide follow-up" data-testid="follow-up-page">
      <header className="page-header">
        <p className="page-kicker">{t('fu.kicker')}</p>
        <h1 className="page-title">{t('fu.title')}</h1>
        <p className="muted page-intro">{t('fu.intro')}</p>
      </header>

      <FollowUpControls
        establishments={inScope}
        rules={base.data.rules}
        query={query}
        today={today}
        onEstablishment={(next) => go(next, query, false)}
        onChange={refine}
      />

      {code === null && (
        <p className="card empty-state" data-testid="follow-up-choose">
          {t('fu.choose')}
        </p>
      )}
      {code !== null && !isEstablishmentCode(code) && (
        <NotFoundState detail={t('fu.notFound', { code })} />
      )}
      {code !== null && isEstablishmentCode(code) && (
        <FollowUpList
          code={code}
          establishment={selected}
          rule={query.rule}
          today={today}
          status={query.status}
          rules={base.data.rules}
          onStatus={(status) => refine({ ...query, status })}
        />
      )}
    </div>
  );
}

function FollowUpList({
  code,
  establishment,
  rule,
  today,
  status,
  rules,
  onStatus,
}: {
  code: string;
  establishment: EstablishmentFeature | undefined;
  rule: RuleId | null;
  today: string;
  status: StatusFilter;
  rules: HbRule[] | null;
  onStatus: (status: StatusFilter) => void;
}) {
  const t = useT();
  const { state, reload } = useAuthedResource(
    (signal) => followUpApi.list(code, { rule, today }, signal),
    `${code}|${rule ?? ''}|${today}`,
  );
  // While another date or rule loads, the current list stays (dimmed); another establishment's
  // list would mislead, so a new establishment starts from the spinner.
  const last = useLastReady(state);
  const data = last && last.establishment.code === code.padStart(8, '0') ? last : null;

  if (state.status === 'forbidden') return <ForbiddenState title="forbidden.establishment" />;
  if (state.status === 'not_found') return <NotFoundState detail={t('fu.notFound', { code })} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (!data) return <LoadingState />;
  return (
    <ListView
      response={data}
      establishment={establishment}
      status={status}
      rules={rules}
      stale={state.status === 'loading'}
      onStatus={onStatus}
    />
  );
}

function ListView({
  response,
  establishment,
  status,
  rules,
  stale,
  onStatus,
}: {
  response: FollowUpResponse;
  establishment: EstablishmentFeature | undefined;
  status: StatusFilter;
  rules: HbRule[] | null;
  stale: boolean;
  onStatus: (status: StatusFilter) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const rows = useMemo(() => withStatus(response.items, status), [response.items, status]);
  const place = establishment?.properties;
  // Per-row badges only help when real and simulated children are mixed.
  const mixed = response.simulated && response.items.some((item) => !item.simulated);

  const exportCsv = () => {
    const blob = new Blob(['\uFEFF', followUpCsv(response, rows)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = followUpFileName(response, status);
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute later is harmless.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <>
      {response.simulated && (
        <p className="simulated-banner" role="note" data-testid="simulated-banner">
          <strong>{t('surv.simulated')}</strong> {t('fu.simulatedBanner')}
        </p>
      )}
      <section
        className={
          stale ? 'card card-flush follow-up-card is-stale' : 'card card-flush follow-up-card'
        }
        aria-labelledby="follow-up-establishment"
        aria-busy={stale}
      >
        <div className="card-header follow-up-head">
          <div>
            <h2 id="follow-up-establishment" className="card-title" data-testid="follow-up-name">
              {response.establishment.name}
              {response.simulated && <SimulatedBadge />}
            </h2>
            <p className="fine-print">
              {place
                ? t('fu.picker.meta', {
                    code: place.code,
                    category: place.category,
                    district: place.districtName,
                  })
                : response.establishment.code}
              {' · '}
              {t('fu.asOf', { date: formatDate(response.today) })}
              {' · '}
              <span data-testid="follow-up-row-count">
                {rows.length === 1
                  ? t('fu.countOne')
                  : t('fu.count', { n: formatNumber(rows.length) })}
              </span>
            </p>
          </div>
          <button
            type="button"
            className="button button-outline"
            onClick={exportCsv}
            disabled={rows.length === 0}
            title={t('fu.export.hint')}
            data-testid="follow-up-export"
          >
            {t('fu.export')}
          </button>
        </div>
        <StatusTabs counts={response.counts} status={status} onChange={onStatus} />
        {rows.length === 0 ? (
          <p className="empty-state" data-testid="follow-up-empty">
            {status === 'all'
              ? t('fu.empty')
              : t('fu.emptyStatus', { status: t(`fu.tab.${status}`) })}
          </p>
        ) : (
          <FollowUpTable
            items={rows}
            today={response.today}
            schedule={response.schedule}
            showSimulated={mixed}
          />
        )}
      </section>
      <FollowUpNote response={response} rules={rules} />
    </>
  );
}
