// Who is logged in, shared by the header, the pages and the laboratory form. The session cookie is
// HttpOnly, so the only way to know is to ask the server (GET /api/auth/me) on start-up.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, setCsrfToken } from '../api/client';
import { authApi } from '../api/authClient';
import type { Me, SessionResponse } from '@yawar/api';
import type { Permission } from '@yawar/core';

export type AuthState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; user: Me };

interface AuthValue {
  state: AuthState;
  /** The user, or null while loading or when nobody is logged in. */
  user: Me | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Called when an API answered 401 although we believed we were logged in (session expired). */
  sessionExpired: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', user: session.user });
    return session.user;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    authApi.me(controller.signal).then(accept, (cause: unknown) => {
      if (controller.signal.aborted) return;
      // 401 is the ordinary "not logged in"; any other failure (server without accounts, network)
      // also leaves the public pages usable, so treat it the same way.
      if (!(cause instanceof ApiError) || cause.status !== 401) {
        console.warn('Could not check the session', cause);
      }
      setState({ status: 'anonymous' });
    });
    return () => controller.abort();
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => accept(await authApi.login(username, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      // Even if the request failed, forget the user locally: the screen must not keep showing
      // someone who asked to leave.
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const sessionExpired = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      state,
      user: state.status === 'authenticated' ? state.user : null,
      login,
      logout,
      sessionExpired,
    }),
    [state, login, logout, sessionExpired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

export function hasPermission(user: Me | null, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/** "Mi unidad": only users scoped to one executing unit have a unit of their own. */
export function ownUnitCode(user: Me | null): string | null {
  if (!user || user.scope.kind !== 'executing_unit') return null;
  return user.role === 'unit_programmer' || hasPermission(user, 'units:read')
    ? user.scope.code
    : null;
}
