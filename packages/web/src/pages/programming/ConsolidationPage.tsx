import { useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { Consolidation } from '@yawar/api';
import { hasPermission, useAuth } from '../../auth/AuthProvider';
import { ForbiddenState, NotFoundState } from '../../components/ForbiddenState';
import { PageLayout } from '../../components/PageLayout';
import { ConsolidationTable } from '../../components/programming/ConsolidationTable';
import { programmingErrorMessage } from '../../components/programming/problemMessages';
import { RequirePermission } from '../../components/programming/RequirePermission';
import { RoundStatus } from '../../components/programming/RoundStatus';
import { Simulated } from '../../components/programming/Simulated';
import { StatusBadge } from '../../components/programming/StatusBadge';
import { ErrorState, LoadingState } from '../../components/StatusMessage';
import { parseId } from '../../domain/programming';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useFormatDateTime, useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';

export function ConsolidationPage({ roundId }: { roundId: string }) {
  const t = useT();
  const id = parseId(roundId);
  return (
    <PageLayout title={t('prog.consolidation.title')}>
      <RequirePermission permission="programming:read">
        {id === null ? <NotFoundState /> : <ConsolidationLoader roundId={id} />}
      </RequirePermission>
    </PageLayout>
  );
}

function ConsolidationLoader({ roundId }: { roundId: number }) {
  const { state, reload, setData } = useAuthedResource(
    (signal) => programmingApi.consolidation(roundId, signal),
    String(roundId),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'forbidden') return <ForbiddenState title="forbidden.page" />;
  if (state.status === 'not_found') return <NotFoundState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return <ConsolidationView consolidation={state.data} onConsolidated={setData} />;
}

function ConsolidationView({
  consolidation,
  onConsolidated,
}: {
  consolidation: Consolidation;
  onConsolidated: (consolidation: Consolidation) => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const formatDateTime = useFormatDateTime();
  const format = useProgrammingFormat();
  const { user, sessionExpired } = useAuth();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { round } = consolidation;
  const canConsolidate = hasPermission(user, 'programming:review') && round.status === 'open';

  const pending = consolidation.unitsPending;
  const total = consolidation.unitsIncluded + pending.length;
  const pendingList = pending
    .map((unit) => `${unit.code} ${unit.name} (${t(`prog.status.${unit.status}`)})`)
    .join('\n');
  const consolidate = async () => {
    // With units still pending, say which and ask (issue #10: 6 of 7 pending gave no warning).
    const question =
      pending.length > 0
        ? t('prog.consolidation.confirmPending', {
            round: round.name,
            pending: formatNumber(pending.length),
            total: formatNumber(total),
            units: pendingList,
          })
        : t('prog.consolidation.confirm', { round: round.name });
    if (!window.confirm(question)) return;
    setBusy(true);
    setMessage(null);
    try {
      onConsolidated(await programmingApi.consolidate(round.id, pending.length > 0));
      setMessage({ ok: true, text: t('prog.consolidation.done') });
    } catch (cause) {
      if (isUnauthenticated(cause)) sessionExpired();
      else setMessage({ ok: false, text: programmingErrorMessage(cause, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page-content page-content-wide prog-page" data-testid="consolidation-page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-kicker">
            <Link to={`/programacion?ronda=${round.id}`}>{round.name}</Link>
          </p>
          <h1 className="page-title">
            {t('prog.consolidation.title')}
            {consolidation.costSimulated && <Simulated what="price" large />}
          </h1>
          <p className="muted page-intro">{t('prog.consolidation.intro')}</p>
        </div>
        <div className="export-buttons">
          <a
            className="button button-outline"
            href={programmingApi.consolidationExportUrl(round.id)}
            download
            data-testid="consolidation-export"
          >
            {t('prog.files.export')}
          </a>
          {canConsolidate && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void consolidate()}
              data-testid="consolidate"
            >
              {busy ? t('prog.action.sending') : t('prog.consolidation.consolidate')}
            </button>
          )}
        </div>
      </header>
      <p role="status" aria-live="polite" className={message?.ok ? 'form-success' : undefined}>
        {message?.ok ? message.text : null}
      </p>
      {message && !message.ok && (
        <p className="form-error" role="alert" data-testid="consolidation-error">
          {message.text}
        </p>
      )}
      {canConsolidate && pending.length > 0 && (
        <div className="warning" role="note" data-testid="consolidation-pending-warning">
          <p>
            {t('prog.consolidation.pendingWarning', {
              pending: formatNumber(pending.length),
              total: formatNumber(total),
            })}
          </p>
          <ul data-testid="consolidation-pending-units">
            {pending.map((unit) => (
              <li key={unit.code} data-unit={unit.code}>
                {unit.code} {unit.name} · {t(`prog.status.${unit.status}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <dl className="meta-list card">
        <div>
          <dt>{t('prog.consolidation.unitsIncluded')}</dt>
          <dd data-testid="consolidation-units-included">
            {formatNumber(consolidation.unitsIncluded)}
          </dd>
        </div>
        <div>
          <dt>{t('prog.consolidation.unitsPending')}</dt>
          <dd>{formatNumber(consolidation.unitsPending.length)}</dd>
        </div>
        <div>
          <dt>{t('prog.programmes.totalCost')}</dt>
          <dd data-testid="consolidation-total-cost">{format.soles(consolidation.totalCost)}</dd>
        </div>
        <div>
          <dt>{t('prog.rounds.status')}</dt>
          <dd data-testid="consolidation-round-status">
            <RoundStatus round={round} />
            {round.consolidatedAt && (
              <span className="cell-sub">
                {t('prog.consolidation.consolidatedAt', {
                  at: formatDateTime(round.consolidatedAt),
                })}
              </span>
            )}
          </dd>
        </div>
      </dl>
      <section className="card card-flush" aria-labelledby="consolidation-products">
        <div className="card-header">
          <h2 id="consolidation-products" className="card-title">
            {t('prog.consolidation.products')}
          </h2>
          <p className="fine-print">{t('prog.consolidation.productsHint')}</p>
        </div>
        <ConsolidationTable consolidation={consolidation} />
      </section>
      <section className="card" aria-labelledby="consolidation-pending">
        <h2 id="consolidation-pending" className="card-title">
          {t('prog.consolidation.pendingTitle')}
        </h2>
        {consolidation.unitsPending.length === 0 ? (
          <p className="muted">{t('prog.consolidation.noPending')}</p>
        ) : (
          <ul className="prog-pending" data-testid="consolidation-pending">
            {consolidation.unitsPending.map((unit) => (
              <li key={unit.code} data-unit-code={unit.code}>
                <span>
                  {unit.name} <span className="mono muted">{unit.code}</span>
                </span>
                <StatusBadge status={unit.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
