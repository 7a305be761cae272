import type { ReactNode } from 'react';
import type { Permission } from '@yawar/core';
import { hasPermission, useAuth } from '../../auth/AuthProvider';
import { loginPath, Navigate, useLocation } from '../../router/router';
import { ForbiddenState } from '../ForbiddenState';
import { LoadingState } from '../StatusMessage';

/**
 * The session's permission, checked before loading anything: the login page for nobody, the
 * "no access" page without it. Only a courtesy: the server refuses (403) whatever this showed.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { state, user } = useAuth();
  const { pathname, search } = useLocation();
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'anonymous') return <Navigate to={loginPath(pathname + search)} />;
  return hasPermission(user, permission) ? children : <ForbiddenState title="forbidden.page" />;
}
