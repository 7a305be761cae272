import { useId, useMemo, useState } from 'react';
import type { LabelledScope } from '@yawar/api';
import { SCOPE_KINDS, type ScopeKind } from '@yawar/core';
import { useT } from '../../i18n/I18nProvider';

/** Enough to scroll through, few enough that the list stays instant on slow machines. */
const MAX_SHOWN = 200;

export const scopeKey = (scope: { kind: string; code: string }) => `${scope.kind}|${scope.code}`;

/**
 * Choosing one scope among thousands (every establishment is a scope): narrow by kind, then by
 * text on the label or code, then pick from a short list. A plain `<datalist>` would put
 * `kind|code` strings in the input, which people cannot read.
 */
export function ScopePicker({
  scopes,
  value,
  onChange,
  testId,
}: {
  scopes: readonly LabelledScope[];
  value: LabelledScope | null;
  onChange: (scope: LabelledScope) => void;
  testId?: string;
}) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<ScopeKind | ''>(value?.kind ?? '');
  const [text, setText] = useState('');

  const matches = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase('es');
    return scopes.filter(
      (scope) =>
        (kind === '' || scope.kind === kind) &&
        (needle === '' ||
          scope.label.toLocaleLowerCase('es').includes(needle) ||
          scope.code.toLocaleLowerCase('es').includes(needle)),
    );
  }, [scopes, kind, text]);
  const shown = matches.slice(0, MAX_SHOWN);
  // Keep the current value visible and selected even when the filters hide it.
  if (value && !shown.some((scope) => scopeKey(scope) === scopeKey(value))) shown.unshift(value);

  return (
    <fieldset className="scope-picker" data-testid={testId}>
      <legend className="field-label">{t('users.scope')}</legend>
      <div className="scope-picker-filters">
        <select
          className="select"
          aria-label={t('scope.filterKind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as ScopeKind | '')}
          data-testid={testId && `${testId}-kind`}
        >
          <option value="">{t('scope.allKinds')}</option>
          {SCOPE_KINDS.map((item) => (
            <option key={item} value={item}>
              {t(`scope.kind.${item}`)}
            </option>
          ))}
        </select>
        <input
          type="search"
          className="text-input"
          placeholder={t('scope.filterPlaceholder')}
          aria-label={t('scope.filterText')}
          aria-controls={id}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-testid={testId && `${testId}-filter`}
        />
      </div>
      <select
        id={id}
        className="select scope-picker-list"
        size={7}
        aria-label={t('users.scope')}
        value={value ? scopeKey(value) : ''}
        onChange={(event) => {
          const picked = scopes.find((scope) => scopeKey(scope) === event.target.value);
          if (picked) onChange(picked);
        }}
        data-testid={testId && `${testId}-list`}
      >
        {shown.map((scope) => (
          <option key={scopeKey(scope)} value={scopeKey(scope)}>
            {t(`scope.kind.${scope.kind}`)} · {scope.label}
            {scope.code && scope.label !== scope.code ? ` (${scope.code})` : ''}
          </option>
        ))}
      </select>
      <p className="field-hint">
        {matches.length > MAX_SHOWN
          ? t('scope.more', { shown: MAX_SHOWN, total: matches.length })
          : t('scope.count', { n: matches.length })}
        {value && (
          <>
            {' · '}
            <strong>{t('scope.selected', { label: value.label })}</strong>
          </>
        )}
      </p>
    </fieldset>
  );
}
