import type { ReactNode } from 'react';
import type { ImportJob, ImportStarted } from '@yawar/api';
import type { Permission } from '@yawar/core';
import { hasPermission, useAuth } from '../../auth/AuthProvider';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/I18nProvider';
import { loginPath, Navigate, useLocation } from '../../router/router';
import { ForbiddenState } from '../ForbiddenState';
import { PageLayout } from '../PageLayout';
import { LoadingState } from '../StatusMessage';
import { UploadImporter } from './UploadImporter';

/** What tells one file import page from another; the flow itself is the same for all. */
export interface UploadImportConfig {
  /** The page's own path; the running job is kept in its `?job=` parameter. */
  path: string;
  permission: Permission;
  /** On the page's outer element. */
  testId: string;
  kicker: MessageKey;
  title: MessageKey;
  intro: MessageKey;
  /** Sends the file and answers with the job that imports it. */
  start: (
    file: Blob,
    fileName: string,
    contentType: string,
    signal?: AbortSignal,
  ) => Promise<ImportStarted>;
  /** Under the submit button: what becomes of the file's contents. */
  note: ReactNode;
  /** Beside the form: the layout the file must have. */
  format: ReactNode;
  /** How a finished job ended. */
  outcome: (job: ImportJob, onAnother: () => void) => ReactNode;
}

/**
 * Nothing to load before the form, so the permission is checked from the session; the server
 * still refuses the upload (403) whatever this page showed.
 */
export function UploadImportPage({ config }: { config: UploadImportConfig }) {
  const t = useT();
  const { state, user } = useAuth();
  const { pathname, search } = useLocation();
  return (
    <PageLayout title={t(config.title)}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'anonymous' && <Navigate to={loginPath(pathname + search)} />}
      {state.status === 'authenticated' &&
        (hasPermission(user, config.permission) ? (
          <UploadImporter config={config} />
        ) : (
          <ForbiddenState title="forbidden.page" />
        ))}
    </PageLayout>
  );
}
