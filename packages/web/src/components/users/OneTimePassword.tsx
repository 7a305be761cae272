import { useRef, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';

/**
 * A generated password, shown exactly once: the server keeps only its hash, so if the
 * administrator closes this without copying it, the only way back is another reset.
 */
export function OneTimePassword({
  username,
  password,
  onDismiss,
}: {
  username: string;
  password: string;
  onDismiss: () => void;
}) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);

  const copy = async () => {
    try {
      // Needs a secure context (HTTPS or localhost); plain-HTTP intranets fall through below.
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('manual');
    }
  };

  return (
    <section className="one-time-password" role="status" data-testid="one-time-password">
      <p className="one-time-title">{t('password.title', { username })}</p>
      <div className="one-time-row">
        <input
          ref={inputRef}
          className="text-input mono"
          readOnly
          value={password}
          aria-label={t('password.label')}
          onFocus={(event) => event.target.select()}
          data-testid="one-time-password-value"
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied === 'yes' ? t('password.copied') : t('password.copy')}
        </button>
      </div>
      {copied === 'manual' && <p className="field-hint">{t('password.copyManual')}</p>}
      <p className="warning">{t('password.warning')}</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('password.dismiss')}
      </button>
    </section>
  );
}
