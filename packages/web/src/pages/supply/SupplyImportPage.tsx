import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { supplyApi } from '../../api/supplyClient';
import { hasPermission, useAuth } from '../../auth/AuthProvider';
import { ForbiddenState } from '../../components/ForbiddenState';
import { FileDropZone } from '../../components/import/FileDropZone';
import { ImportProgress } from '../../components/import/ImportProgress';
import { PageLayout } from '../../components/PageLayout';
import { LoadingState } from '../../components/StatusMessage';
import { SupplyImportFormat } from '../../components/supply/SupplyImportFormat';
import { SupplyImportOutcome } from '../../components/supply/SupplyImportOutcome';
import {
  fileProblem,
  importContentType,
  MAX_IMPORT_BYTES,
  type FileProblem,
} from '../../domain/screeningImport';
import { useFormatFileSize } from '../../hooks/useFormatFileSize';
import { isActive, useImportJob } from '../../hooks/useImportJob';
import { useSupplyResources } from '../../hooks/useSupplyStatus';
import { apiErrorMessage, isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { loginPath, Navigate, useLocation, useNavigate } from '../../router/router';

const PATH = '/abastecimiento/importar';

/**
 * Nothing to load before the form, so the permission is checked from the session; the server
 * still refuses the upload (403) and checks every row against the user's scope.
 */
export function SupplyImportPage() {
  const t = useT();
  const { state, user } = useAuth();
  const { pathname, search } = useLocation();
  return (
    <PageLayout title={t('sup.imp.title')}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'anonymous' && <Navigate to={loginPath(pathname + search)} />}
      {state.status === 'authenticated' &&
        (hasPermission(user, 'supply:import') ? (
          <Importer />
        ) : (
          <ForbiddenState title="forbidden.page" />
        ))}
    </PageLayout>
  );
}

function uploadErrorMessage(cause: unknown, t: Translate): string {
  if (cause instanceof ApiError) {
    if (cause.code === 'unsupported_file') return t('imp.error.unsupported_file');
    if (cause.code === 'payload_too_large' || cause.status === 413) {
      return t('imp.error.payload_too_large');
    }
  }
  return t('imp.error.start', { message: apiErrorMessage(cause, t) });
}

function Importer() {
  const t = useT();
  const formatFileSize = useFormatFileSize();
  const { sessionExpired } = useAuth();
  const navigate = useNavigate();
  const { search } = useLocation();
  // The job lives in the URL: a reload, or coming back later, finds the import where it is.
  const jobId = new URLSearchParams(search).get('job');
  const job = useImportJob(jobId);
  const resources = useSupplyResources();

  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = useRef<AbortController | null>(null);
  useEffect(() => () => upload.current?.abort(), []);

  const running = isActive(job.job) || (jobId !== null && !job.job && !job.error);
  const busy = uploading || running;

  const choose = (chosen: File) => {
    setFile(chosen);
    setProblem(fileProblem(chosen));
    setUploadError(null);
    if (jobId && !running) navigate(PATH, { replace: true });
  };

  const reset = () => {
    setFile(null);
    setProblem(null);
    setUploadError(null);
    navigate(PATH, { replace: true });
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
      const started = await supplyApi.startImport(file, file.name, contentType, controller.signal);
      navigate(`${PATH}?job=${encodeURIComponent(started.jobId)}`, { replace: true });
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
    <div className="page-content page-content-wide import-page" data-testid="supply-import-page">
      <header className="page-header">
        <p className="page-kicker">{t('sup.imp.kicker')}</p>
        <h1 className="page-title">{t('sup.imp.title')}</h1>
        <p className="muted import-intro">{t('sup.imp.intro')}</p>
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
            <p className="fine-print">{t('sup.imp.note')}</p>
          </form>

          {jobId && <JobPanel state={job} onAnother={reset} />}
        </div>
        <SupplyImportFormat
          products={resources.state.status === 'ready' ? resources.state.data : []}
        />
      </div>
    </div>
  );
}

function JobPanel({
  state,
  onAnother,
}: {
  state: ReturnType<typeof useImportJob>;
  onAnother: () => void;
}) {
  const t = useT();
  const { job, error, reconnecting, retry } = state;
  if (error) {
    const message =
      error.status === 403
        ? t('imp.job.forbidden')
        : error.status === 404
          ? t('imp.job.notFound')
          : apiErrorMessage(error, t);
    return (
      <section className="card outcome outcome-error" role="alert" data-testid="import-job-error">
        <h2 className="card-title">{t('imp.job.errorTitle')}</h2>
        <p>{message}</p>
        <p className="outcome-actions">
          {error.status !== 403 && error.status !== 404 && (
            <button type="button" className="button" onClick={retry}>
              {t('status.retry')}
            </button>
          )}
          <button type="button" className="button button-outline" onClick={onAnother}>
            {t('imp.another')}
          </button>
        </p>
      </section>
    );
  }
  if (!job) {
    return (
      <section className="card import-waiting" role="status">
        <span className="spinner spinner-small" aria-hidden="true" />
        {t('imp.job.loading')}
      </section>
    );
  }
  if (isActive(job)) return <ImportProgress job={job} reconnecting={reconnecting} />;
  return <SupplyImportOutcome job={job} onAnother={onAnother} />;
}
