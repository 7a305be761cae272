import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { loginPath, useLocation, useNavigate } from '../router/router';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'forbidden' }
  | { status: 'not_found'; error: ApiError }
  | { status: 'error'; error: ApiError };

function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(
    cause instanceof Error ? cause.message : String(cause),
    0,
    'unexpected_error',
  );
}

/**
 * Loads data that needs a session. The server decides who may see what: 401 sends the user to the
 * login page (coming back here afterwards), 403 becomes the "no access" page. It reloads when the
 * logged-in user changes, so logging in as someone else never shows the previous user's data.
 */
export function useAuthedResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): { state: ResourceState<T>; reload: () => void; setData: (data: T) => void } {
  const { state: auth, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const userId = auth.status === 'authenticated' ? auth.user.id : null;
  const here = location.pathname + location.search;

  useEffect(() => {
    // Logged out while on the page: the data must go, and the login page comes instead.
    if (auth.status === 'anonymous') {
      navigate(loginPath(here), { replace: true });
      return;
    }
    if (auth.status === 'loading') return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(cause);
        if (error.status === 401) sessionExpired();
        else if (error.status === 403) setState({ status: 'forbidden' });
        else if (error.status === 404) setState({ status: 'not_found', error });
        else setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is usually an inline closure; `key` says when it really changed.
  }, [key, userId, attempt, auth.status]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, setData };
}
