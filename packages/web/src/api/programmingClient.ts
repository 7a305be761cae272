// Calls of the annual programming pages (/api/programming/*). Every mutation carries the
// programme's `version`: the server answers 409 version_conflict when someone saved first, and the
// page reloads rather than overwrite their work.
import { getJson, request, uploadFile } from './client';
import type {
  Consolidation,
  ConsolidationProduct,
  InterventionTree,
  LineUpdate,
  Meeting,
  MeetingList,
  NewMeeting,
  NewObservation,
  NewRound,
  ParticipantPatch,
  ProgrammeSheet,
  ProgrammingComputeJob,
  JobStarted,
  RoundList,
  RoundProgrammes,
  RoundSummary,
  TransitionRequest,
} from '@yawar/api';
import type { ProgrammeAction } from '@yawar/core';
import type { ListResponse } from './client';

const segment = encodeURIComponent;
const BASE = '/api/programming';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An executing unit of a department, as GET /api/executing-units lists it. */
export interface ExecutingUnitItem {
  code: string;
  name: string;
  parentDirectorate: string | null;
  evidence: string;
  establishmentCount: number;
}

export const programmingApi = {
  rounds: (signal?: AbortSignal) => getJson<RoundList>(`${BASE}/rounds`, signal),
  createRound: (round: NewRound) => request<RoundSummary>('POST', `${BASE}/rounds`, round),
  programmes: (roundId: number, signal?: AbortSignal) =>
    getJson<RoundProgrammes>(`${BASE}/rounds/${roundId}/programmes`, signal),
  compute: (roundId: number, unitCodes?: string[]) =>
    request<JobStarted>('POST', `${BASE}/rounds/${roundId}/compute`, {
      ...(unitCodes ? { unitCodes } : {}),
    }),
  /** The compute job, polled at /api/jobs/:id like an import; the round's jobs are all of this kind. */
  job: (jobId: string, signal?: AbortSignal) =>
    getJson<ProgrammingComputeJob>(`/api/jobs/${segment(jobId)}`, signal),

  sheet: (id: number, signal?: AbortSignal) =>
    getJson<ProgrammeSheet>(`${BASE}/programmes/${id}`, signal),
  updateLine: (id: number, resourceCode: string, update: LineUpdate) =>
    request<ProgrammeSheet>(
      'PATCH',
      `${BASE}/programmes/${id}/lines/${segment(resourceCode)}`,
      update,
    ),
  transition: (id: number, action: ProgrammeAction, body: TransitionRequest) =>
    request<ProgrammeSheet>('POST', `${BASE}/programmes/${id}/${action}`, body),
  addObservation: (id: number, observation: NewObservation) =>
    request<ProgrammeSheet>('POST', `${BASE}/programmes/${id}/observations`, observation),
  addressObservation: (observationId: number, version: number, response: string) =>
    request<ProgrammeSheet>('POST', `${BASE}/observations/${observationId}/address`, {
      version,
      response,
    }),
  resolveObservation: (observationId: number, version: number) =>
    request<ProgrammeSheet>('POST', `${BASE}/observations/${observationId}/resolve`, { version }),
  /** The unit's anemia intervention tree (behind lines with method `intervention`). */
  intervention: (id: number, signal?: AbortSignal) =>
    getJson<InterventionTree>(`${BASE}/programmes/${id}/intervention`, signal),
  /** For an `<a download>`: the session cookie goes along on its own. */
  exportUrl: (id: number) => `${BASE}/programmes/${id}/export.xlsx`,
  importSheet: (id: number, version: number, file: Blob) =>
    uploadFile<ProgrammeSheet>(
      `${BASE}/programmes/${id}/import?version=${version}`,
      file,
      XLSX_CONTENT_TYPE,
    ),

  consolidation: (roundId: number, signal?: AbortSignal) =>
    getJson<Consolidation>(`${BASE}/rounds/${roundId}/consolidation`, signal),
  consolidationProduct: (roundId: number, resourceCode: string, signal?: AbortSignal) =>
    getJson<ConsolidationProduct>(
      `${BASE}/rounds/${roundId}/consolidation/${segment(resourceCode)}`,
      signal,
    ),
  /** `allowPending`: the user saw the units still pending and confirmed (else 409 units_pending). */
  consolidate: (roundId: number, allowPending: boolean) =>
    request<Consolidation>('POST', `${BASE}/rounds/${roundId}/consolidate`, { allowPending }),
  consolidationExportUrl: (roundId: number) => `${BASE}/rounds/${roundId}/consolidation.xlsx`,

  meetings: (roundId: number, signal?: AbortSignal) =>
    getJson<MeetingList>(`${BASE}/rounds/${roundId}/meetings`, signal),
  createMeeting: (roundId: number, meeting: NewMeeting) =>
    request<Meeting>('POST', `${BASE}/rounds/${roundId}/meetings`, meeting),
  updateParticipant: (meetingId: number, unitCode: string, patch: ParticipantPatch) =>
    request<Meeting>(
      'PATCH',
      `${BASE}/meetings/${meetingId}/participants/${segment(unitCode)}`,
      patch,
    ),
  executingUnits: (department: string, signal?: AbortSignal) =>
    getJson<ListResponse<ExecutingUnitItem>>(
      `/api/executing-units?department=${segment(department)}`,
      signal,
    ),
};
