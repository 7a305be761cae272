import { ApiError } from '../api/client';
import type { Translate } from './I18nProvider';

/**
 * A sentence for a failed action. Known codes get a translated message; validation and conflict
 * messages come from the server, which knows which field was wrong, and are shown as they are.
 */
export function apiErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  switch (error.code) {
    case 'network_error':
      return t('status.networkError');
    case 'forbidden':
      return t('errors.forbidden');
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'csrf_failed':
      return t('errors.csrf');
    case 'too_many_requests':
      return t('login.error.too_many_requests');
    default:
      return t('errors.withCode', { message: error.message, code: error.code });
  }
}

/** The user's session is gone: the caller should forget the user and offer the login page. */
export const isUnauthenticated = (error: unknown) =>
  error instanceof ApiError && error.status === 401;
