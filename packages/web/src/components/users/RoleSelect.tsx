import { ROLES, type Role } from '@yawar/core';
import { useT } from '../../i18n/I18nProvider';

export function RoleSelect({
  value,
  onChange,
  testId,
}: {
  value: Role;
  onChange: (role: Role) => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <label className="form-field">
      <span className="field-label">{t('users.role')}</span>
      <select
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value as Role)}
        data-testid={testId}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
      <span className="field-hint">{t(`role.hint.${value}`)}</span>
    </label>
  );
}
