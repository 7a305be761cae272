import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import {
  fileProblem,
  importContentType,
  MAX_IMPORT_BYTES,
  type FileProblem,
} from '../../domain/screeningImport';
import { useFormatFileSize } from '../../hooks/useFormatFileSize';
import { isActive, useImportJob } from '../../hooks/useImportJob';
import { apiErrorMessage, isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { useLocation, useNavigate } from '../../router/router';
import { FileDropZone } from './FileDropZone';
import { ImportJobPanel } from './ImportJobPanel';
import type { UploadImportConfig } from './UploadImportPage';

function uploadErrorMessage(cause: unknown, t: Translate): string {
  if (cause instanceof ApiError) {
    if (cause.code === 'unsupported_file') return t('imp.error.unsupported_file');
    if (cause.code === 'payload_too_large' || cause.status === 413) {
      return t('imp.error.payload_too_large');
    }
  }
  return t('imp.error.start', { message: apiErrorMessage(cause, t) });
}

/** Choose a file, send it, then follow the job it started until it ends. */
export function UploadImporter({ config }: { config: UploadImportConfig }) {
  const { path } = config;
  const t = useT();
  const formatFileSize = useFormatFileSize();
  const { sessionExpired } = useAuth();
  const navigate = useNavigate();
  const { search } = useLocation();
  // The job lives in the URL: a reload, or coming back later, finds the import where it is.
  const jobId = new URLSearchParams(search).get('job');
  const job = useImportJob(jobId);

  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = useRef<AbortController | null>(null);
  // Leaving the page mid-upload stops sending the file (the server then has nothing to import).
  useEffect(() => () => upload.current?.abort(), []);

  const running = isActive(job.job) || (jobId !== null && !job.job && !job.error);
  const busy = uploading || running;

  const choose = (chosen: File) => {
    setFile(chosen);
    setProblem(fileProblem(chosen));
    setUploadError(null);
    // A new file: the previous outcome no longer describes what is on screen.
    if (jobId && !running) navigate(path, { replace: true });
  };

  const reset = () => {
    setFile(null);
    setProblem(null);
    setUploadError(null);
    navigate(path, { replace: true });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const contentType = file && importContentType(file.name);
    if (!file || !contentType || problem || busy) return;
    const controller = new AbortController();
    upload.current = controller;
    setUploading(true);
    setUploadError(null);
    try {
      const started = await config.start(file, file.name, contentType, controller.signal);
      navigate(`${path}?job=${encodeURIComponent(started.jobId)}`, { replace: true });
    } catch (cause) {
      if (controller.signal.aborted) return;
      if (isUnauthenticated(cause)) sessionExpired();
      else setUploadError(uploadErrorMessage(cause, t));
    } finally {
      if (!controller.signal.aborted) setUploading(false);
    }
  };

  const problemText =
    problem === 'tooLarge' && file
      ? t('imp.problem.tooLarge', {
          size: formatFileSize(file.size),
          max: formatFileSize(MAX_IMPORT_BYTES),
        })
      : problem && t(`imp.problem.${problem}`);

  return (
    <div className="page-content page-content-wide import-page" data-testid={config.testId}>
      <header className="page-header">
        <p className="page-kicker">{t(config.kicker)}</p>
        <h1 className="page-title">{t(config.title)}</h1>
        <p className="muted import-intro">{t(config.intro)}</p>
      </header>

      <div className="import-grid">
        <div className="import-main">
          <form className="card import-form" onSubmit={(event) => void onSubmit(event)}>
            <h2 className="card-title">{t('imp.file.title')}</h2>
            <FileDropZone file={file} disabled={busy} onFile={choose} />
            {problemText && (
              <p className="form-error" role="alert" data-testid="import-file-problem">
                {problemText}
              </p>
            )}
            {uploadError && (
              <p className="form-error" role="alert" data-testid="import-upload-error">
                {uploadError}
              </p>
            )}
            <div className="import-actions">
              <button
                type="submit"
                className="button"
                disabled={!file || problem !== null || busy}
                data-testid="import-submit"
              >
                {uploading ? t('imp.uploading') : t('imp.submit')}
              </button>
              {uploading && file && (
                <span className="import-uploading" role="status">
                  <span className="spinner spinner-small" aria-hidden="true" />
                  {t('imp.uploadingDetail', { size: formatFileSize(file.size) })}
                </span>
              )}
            </div>
            {config.note}
          </form>

          {jobId && <ImportJobPanel state={job} onAnother={reset} outcome={config.outcome} />}
        </div>
        {config.format}
      </div>
    </div>
  );
}
