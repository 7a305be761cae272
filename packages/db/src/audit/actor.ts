/** Who did a write, and through which request: every audited function takes one. */
export interface Actor {
  /** "user:ana", "cli:root", "system:first-run" … */
  readonly label: string;
  readonly userId: number | null;
  readonly requestId?: string | null;
  readonly ip?: string | null;
}

export const systemActor = (what: string): Actor => ({ label: `system:${what}`, userId: null });
export const cliActor = (osUser: string): Actor => ({ label: `cli:${osUser}`, userId: null });
export const userActor = (
  user: { id: number; username: string },
  requestId: string | null,
  ip: string | null,
): Actor => ({
  label: `user:${user.username}`,
  userId: user.id,
  requestId,
  ip,
});
