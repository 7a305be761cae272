import { useCallback, useMemo, useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { RoundSummary } from '@yawar/api';
import { hasPermission, ownUnitCode, useAuth } from '../../auth/AuthProvider';
import { ForbiddenState } from '../../components/ForbiddenState';
import { PageLayout } from '../../components/PageLayout';
import { ComputePanel } from '../../components/programming/ComputePanel';
import { NewRoundForm } from '../../components/programming/NewRoundForm';
import { ProgrammesTable } from '../../components/programming/ProgrammesTable';
import { RoundsTable } from '../../components/programming/RoundsTable';
import { ErrorState, LoadingState } from '../../components/StatusMessage';
import { readRoundParam } from '../../domain/programming';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useLastReady } from '../../hooks/useSurveillanceData';
import { useT } from '../../i18n/I18nProvider';
import { RequirePermission } from '../../components/programming/RequirePermission';
import { Link, Navigate, useLocation, useNavigate } from '../../router/router';

const PATH = '/programacion';

/** The newest open round, else the newest: what a planner comes to work on. */
function defaultRound(rounds: readonly RoundSummary[]): RoundSummary | undefined {
  return rounds.find((round) => round.status === 'open') ?? rounds[0];
}

export function ProgrammingPage() {
  const t = useT();
  return (
    <PageLayout title={t('prog.title')}>
      <RequirePermission permission="programming:read">
        <Rounds />
      </RequirePermission>
    </PageLayout>
  );
}

function Rounds() {
  const t = useT();
  const { user } = useAuth();
  const { search } = useLocation();
  const navigate = useNavigate();
  const { state, reload } = useAuthedResource((signal) => programmingApi.rounds(signal), 'rounds');
  const [creating, setCreating] = useState(false);
  const reviewer = hasPermission(user, 'programming:review');
  const roundParam = readRoundParam(search);
  const jobId = new URLSearchParams(search).get('calculo');

  // A reload (after a new round or a computation) keeps the page in place rather than a spinner.
  const data = useLastReady(state);
  const rounds = useMemo(
    () => [...(data?.rounds ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear || b.id - a.id),
    [data],
  );

  if (state.status === 'forbidden') return <ForbiddenState title="forbidden.page" />;
  if (state.status === 'error' || state.status === 'not_found') {
    return <ErrorState error={state.error} onRetry={reload} />;
  }
  if (!data) return <LoadingState />;
  const selected =
    roundParam === null ? defaultRound(rounds) : rounds.find((round) => round.id === roundParam);

  return (
    <div className="page-content page-content-wide prog-page" data-testid="programming-page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-kicker">{t('prog.kicker')}</p>
          <h1 className="page-title">{t('prog.title')}</h1>
          <p className="muted page-intro">{t('prog.intro')}</p>
        </div>
        {reviewer && !creating && (
          <button
            type="button"
            className="button"
            onClick={() => setCreating(true)}
            data-testid="new-round-open"
          >
            {t('prog.round.new')}
          </button>
        )}
      </header>

      {creating && (
        <NewRoundForm
          onCancel={() => setCreating(false)}
          onCreated={(round) => {
            setCreating(false);
            reload();
            navigate(`${PATH}?ronda=${round.id}`, { replace: true });
          }}
        />
      )}

      <section className="card card-flush" aria-labelledby="rounds-title">
        <div className="card-header">
          <h2 id="rounds-title" className="card-title">
            {t('prog.rounds.title')}
          </h2>
        </div>
        <RoundsTable rounds={rounds} selectedId={selected?.id ?? null} />
      </section>

      {roundParam !== null && !selected && (
        <p className="card empty-state">{t('prog.rounds.notFound', { id: roundParam })}</p>
      )}
      {selected && (
        <RoundProgrammes
          key={selected.id}
          round={selected}
          explicit={roundParam !== null}
          jobId={jobId}
          canCompute={reviewer && selected.status === 'open'}
          onJob={(next) =>
            navigate(
              `${PATH}?ronda=${selected.id}${next ? `&calculo=${encodeURIComponent(next)}` : ''}`,
              {
                replace: true,
              },
            )
          }
          onComputed={reload}
        />
      )}
    </div>
  );
}

function RoundProgrammes({
  round,
  explicit,
  jobId,
  canCompute,
  onJob,
  onComputed,
}: {
  round: RoundSummary;
  explicit: boolean;
  jobId: string | null;
  canCompute: boolean;
  onJob: (jobId: string | null) => void;
  onComputed: () => void;
}) {
  const t = useT();
  const { user } = useAuth();
  const own = ownUnitCode(user);
  const { state, reload } = useAuthedResource(
    (signal) => programmingApi.programmes(round.id, signal),
    String(round.id),
  );
  const finished = useCallback(() => {
    reload();
    onComputed();
  }, [reload, onComputed]);

  const last = useLastReady(state);
  const programmes = last?.programmes ?? [];
  // A unit programmer has one programme per round: coming to the section opens it directly.
  const mine =
    own && hasPermission(user, 'programming:edit')
      ? programmes.find((programme) => programme.unit.code === own)
      : undefined;
  if (!explicit && mine && programmes.length === 1) {
    return <Navigate to={`${PATH}/${mine.id}`} />;
  }

  return (
    <section className="card card-flush" aria-labelledby="round-programmes-title">
      <div className="card-header prog-round-head">
        <div>
          <h2 id="round-programmes-title" className="card-title" data-testid="round-title">
            {round.name}
          </h2>
          <p className="fine-print">{t('prog.programmes.scope')}</p>
        </div>
        <div className="export-buttons">
          <Link
            className="button button-outline"
            to={`${PATH}/rondas/${round.id}/consolidado`}
            data-testid="round-consolidation-link"
          >
            {t('prog.consolidation.open')}
          </Link>
          <Link
            className="button button-outline"
            to={`${PATH}/rondas/${round.id}/asistencia`}
            data-testid="round-assistance-link"
          >
            {t('prog.assistance.open')}
          </Link>
        </div>
      </div>
      {canCompute && (
        <div className="prog-inset">
          <ComputePanel roundId={round.id} jobId={jobId} onJob={onJob} onFinished={finished} />
        </div>
      )}
      {!last && state.status === 'loading' && <LoadingState />}
      {state.status === 'forbidden' && <ForbiddenState title="forbidden.page" />}
      {(state.status === 'error' || state.status === 'not_found') && (
        <ErrorState error={state.error} onRetry={reload} />
      )}
      {last && (
        <div className={state.status === 'loading' ? 'is-stale' : undefined}>
          <ProgrammesTable programmes={last.programmes} />
        </div>
      )}
    </section>
  );
}
