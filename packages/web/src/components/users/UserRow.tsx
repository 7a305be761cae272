import { useState } from 'react';
import type { LabelledScope, User, UserPatch } from '@yawar/api';
import type { Role } from '@yawar/core';
import { useFormatDateTime, useT } from '../../i18n/I18nProvider';
import { RoleSelect } from './RoleSelect';
import { ScopePicker } from './ScopePicker';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  scopes: readonly LabelledScope[];
  busy: boolean;
  onUpdate: (patch: UserPatch) => Promise<boolean>;
  onResetPassword: () => void;
}

const COLUMNS = 7;

export function UserRow({ user, isSelf, scopes, busy, onUpdate, onResetPassword }: UserRowProps) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const [editing, setEditing] = useState(false);
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();

  return (
    <>
      <tr
        data-testid="user-row"
        data-username={user.username}
        className={user.disabled ? 'row-disabled' : undefined}
      >
        <td>
          <span className="cell-main">{user.displayName}</span>
          <code className="cell-sub">{user.username}</code>
        </td>
        <td>{t(`role.${user.role}`)}</td>
        <td>
          <span className="cell-main">{user.scope.label}</span>
          <span className="cell-sub">
            {t(`scope.kind.${user.scope.kind}`)}
            {user.scope.code && ` · ${user.scope.code}`}
          </span>
        </td>
        <td>
          <span className="status-pills">
            {user.disabled ? (
              <span className="pill pill-off">{t('users.disabled')}</span>
            ) : (
              <span className="pill pill-yes">{t('users.active')}</span>
            )}
            {user.isDemo && <span className="demo-badge">{t('auth.demo')}</span>}
          </span>
        </td>
        <td className="nowrap">
          {locked && user.lockedUntil ? (
            <span className="pill pill-warn">{formatDateTime(user.lockedUntil)}</span>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td className="nowrap">
          {user.lastLoginAt ? (
            formatDateTime(user.lastLoginAt)
          ) : (
            <span className="muted">{t('users.never')}</span>
          )}
        </td>
        <td className="row-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => setEditing((value) => !value)}
            aria-expanded={editing}
            data-testid="user-edit"
          >
            {t('users.edit')}
          </button>
          {/* Disabling yourself would lock the only door back in: leave that to another admin. */}
          {!isSelf && (
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => {
                // As for a password reset: disabling ends the person's work, so it is confirmed.
                const confirmed =
                  user.disabled ||
                  window.confirm(t('users.disableConfirm', { username: user.username }));
                if (confirmed) void onUpdate({ disabled: !user.disabled });
              }}
              data-testid="user-toggle-disabled"
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={onResetPassword}
            data-testid="user-reset-password"
          >
            {t('users.resetPassword')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr className="edit-row">
          <td colSpan={COLUMNS}>
            <UserEditor
              user={user}
              scopes={scopes}
              busy={busy}
              onCancel={() => setEditing(false)}
              onSave={async (patch) => {
                if (await onUpdate(patch)) setEditing(false);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function UserEditor({
  user,
  scopes,
  busy,
  onSave,
  onCancel,
}: {
  user: User;
  scopes: readonly LabelledScope[];
  busy: boolean;
  onSave: (patch: UserPatch) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<LabelledScope>(user.scope);

  // Send only what changed, so the audit trail records exactly what the administrator did.
  const patch: UserPatch = {};
  if (displayName.trim() !== user.displayName) patch.displayName = displayName.trim();
  if (role !== user.role) patch.role = role;
  if (scope.kind !== user.scope.kind || scope.code !== user.scope.code) {
    patch.scope = { kind: scope.kind, code: scope.code };
  }
  const changed = Object.keys(patch).length > 0;

  return (
    <form
      className="user-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(patch);
      }}
      data-testid="user-editor"
    >
      <div className="form-grid">
        <div className="form-column">
          <label className="form-field">
            <span className="field-label">{t('users.displayName')}</span>
            <input
              className="text-input"
              required
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          </label>
          <RoleSelect value={role} onChange={setRole} testId="edit-role" />
        </div>
        <div className="form-column">
          <ScopePicker scopes={scopes} value={scope} onChange={setScope} testId="edit-scope" />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !changed}>
          {busy ? t('form.saving') : t('form.save')}
        </button>
        <button type="button" className="button button-outline" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
