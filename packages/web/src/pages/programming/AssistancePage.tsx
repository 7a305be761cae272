import { useMemo, useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { Meeting, ProgrammeSummary, RoundSummary } from '@yawar/api';
import { hasPermission, useAuth } from '../../auth/AuthProvider';
import { ForbiddenState, NotFoundState } from '../../components/ForbiddenState';
import { PageLayout } from '../../components/PageLayout';
import { MeetingCard } from '../../components/programming/MeetingCard';
import { MeetingForm } from '../../components/programming/MeetingForm';
import { RequirePermission } from '../../components/programming/RequirePermission';
import { ErrorState, LoadingState } from '../../components/StatusMessage';
import { parseId } from '../../domain/programming';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';

export function AssistancePage({ roundId }: { roundId: string }) {
  const t = useT();
  const id = parseId(roundId);
  return (
    <PageLayout title={t('prog.assistance.title')}>
      <RequirePermission permission="programming:read">
        {id === null ? <NotFoundState /> : <AssistanceLoader roundId={id} />}
      </RequirePermission>
    </PageLayout>
  );
}

function AssistanceLoader({ roundId }: { roundId: number }) {
  const round = useAuthedResource(
    (signal) => programmingApi.programmes(roundId, signal),
    String(roundId),
  );
  const meetings = useAuthedResource(
    (signal) => programmingApi.meetings(roundId, signal),
    String(roundId),
  );
  for (const { state, reload } of [round, meetings]) {
    if (state.status === 'forbidden') return <ForbiddenState title="forbidden.page" />;
    if (state.status === 'not_found') return <NotFoundState />;
    if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  }
  if (round.state.status !== 'ready' || meetings.state.status !== 'ready') return <LoadingState />;
  return (
    <Assistance
      round={round.state.data.round}
      programmes={round.state.data.programmes}
      meetings={meetings.state.data.meetings}
      onMeetings={(next) => meetings.setData({ meetings: next })}
    />
  );
}

function Assistance({
  round,
  programmes,
  meetings,
  onMeetings,
}: {
  round: RoundSummary;
  programmes: readonly ProgrammeSummary[];
  meetings: readonly Meeting[];
  onMeetings: (meetings: Meeting[]) => void;
}) {
  const t = useT();
  const { user } = useAuth();
  const reviewer = hasPermission(user, 'programming:review');
  const [creating, setCreating] = useState(false);
  // Meetings by group (a macro-region's two days), groups in the order of their first meeting.
  const groups = useMemo(() => {
    const byGroup = new Map<string, Meeting[]>();
    const sorted = [...meetings].sort(
      (a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id,
    );
    for (const meeting of sorted) {
      byGroup.set(meeting.groupName, [...(byGroup.get(meeting.groupName) ?? []), meeting]);
    }
    return [...byGroup.entries()];
  }, [meetings]);
  const replace = (meeting: Meeting) =>
    onMeetings(meetings.map((item) => (item.id === meeting.id ? meeting : item)));

  return (
    <div className="page-content page-content-wide prog-page" data-testid="assistance-page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-kicker">
            <Link to={`/programacion?ronda=${round.id}`}>{round.name}</Link>
          </p>
          <h1 className="page-title">{t('prog.assistance.title')}</h1>
          <p className="muted page-intro">{t('prog.assistance.intro')}</p>
        </div>
        {reviewer && !creating && (
          <button
            type="button"
            className="button"
            onClick={() => setCreating(true)}
            data-testid="meeting-new"
          >
            {t('prog.meeting.new')}
          </button>
        )}
      </header>
      {creating && (
        <MeetingForm
          roundId={round.id}
          programmes={programmes}
          onCancel={() => setCreating(false)}
          onCreated={(meeting) => {
            setCreating(false);
            onMeetings([...meetings, meeting]);
          }}
        />
      )}
      {groups.length === 0 && (
        <p className="card empty-state" data-testid="meetings-empty">
          {t('prog.assistance.empty')}
        </p>
      )}
      {groups.map(([group, items]) => (
        <section
          key={group}
          className="prog-group-section"
          aria-label={group}
          data-testid="meeting-group"
        >
          <h2 className="prog-group-title">{group}</h2>
          {items.map((meeting) => (
            <MeetingCard key={meeting.id} meeting={meeting} editable={reviewer} onSaved={replace} />
          ))}
        </section>
      ))}
    </div>
  );
}
