import type { UserRecord } from './users.js';

/** Deployment-wide switches that decide whether an account may act at all. */
export interface AccountSwitches {
  /** YAWAR_DEMO_ACCOUNTS: demo accounts may log in and their sessions live only while it is on. */
  readonly demoAccountsEnabled: boolean;
}

/**
 * The one kill-switch rule, checked at login AND on every request that carries a session
 * (`resolveSession`), so turning an account or the demo accounts off ends sessions already open
 * (issue 10, finding 1). A future account-level switch belongs here and nowhere else.
 * Returns why the account may not act, or null when it may.
 */
export function accountRefusal(
  user: Pick<UserRecord, 'disabled' | 'isDemo'>,
  switches: AccountSwitches,
): 'account_disabled' | null {
  if (user.disabled) return 'account_disabled';
  if (user.isDemo && !switches.demoAccountsEnabled) return 'account_disabled';
  return null;
}
