import type { ApiError } from '../api/client';
import { useT } from '../i18n/I18nProvider';

export function LoadingState() {
  const t = useT();
  return (
    <div className="status" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p className="status-title">{t('status.loading')}</p>
      <p className="status-detail">{t('status.loadingDetail')}</p>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  const message = error.code === 'network_error' ? t('status.networkError') : error.message;
  return (
    <div className="status status-error" role="alert">
      <p className="status-title">{t('status.errorTitle')}</p>
      <p className="status-detail">{message}</p>
      <p className="status-code">
        {t('status.errorCode', {
          code: error.status ? `${error.code} (HTTP ${error.status})` : error.code,
        })}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {t('status.retry')}
      </button>
    </div>
  );
}
