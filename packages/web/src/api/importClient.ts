// Calls for importing screening records: the upload starts a job on the server, and the page polls
// the job until it has succeeded or failed.
import { getJson, uploadFile } from './client';
import type { ImportJob, ImportStarted } from '@yawar/api';

const segment = encodeURIComponent;

export const importApi = {
  start: (file: Blob, fileName: string, contentType: string, signal?: AbortSignal) =>
    uploadFile<ImportStarted>(
      `/api/screenings/imports?fileName=${segment(fileName)}`,
      file,
      contentType,
      signal,
    ),
  job: (jobId: string, signal?: AbortSignal) =>
    getJson<ImportJob>(`/api/jobs/${segment(jobId)}`, signal),
  /** The full error report, for an `<a download>`: the session cookie goes along on its own. */
  errorsCsvUrl: (jobId: string) => `/api/jobs/${segment(jobId)}/errors.csv`,
};
