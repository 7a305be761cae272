/**
 * Brute-force protection: after MAX_FAILED_LOGINS consecutive failures an account is locked for
 * LOCKOUT_MINUTES; a success resets the count. Numbers follow OWASP's authentication guidance
 * (lock after a handful of failures, for minutes rather than forever, so an attacker cannot lock
 * people out for good); see docs/methods/security.md.
 */
export const LOGIN_POLICY = Object.freeze({ maxFailedLogins: 5, lockoutMinutes: 15 });

export interface LoginState {
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailedLogin(state: LoginState, now: Date, policy = LOGIN_POLICY): LoginState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins < policy.maxFailedLogins)
    return { failedLogins, lockedUntil: state.lockedUntil };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) };
}

export const afterSuccessfulLogin = (): LoginState => ({ failedLogins: 0, lockedUntil: null });
