import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';

/** Where to see what an import brought in. */
export interface ImportView {
  to: string;
  label: MessageKey;
  testId: string;
}

/** A finished import that wrote its rows: what it wrote (`children`), then where to go next. */
export function ImportSucceeded({
  testId,
  title,
  view,
  onAnother,
  children,
}: {
  testId: string;
  title: MessageKey;
  view: ImportView;
  onAnother: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="card outcome outcome-success" data-testid={testId} role="status">
      <h2 className="card-title">{t(title)}</h2>
      {children}
      <p className="outcome-actions">
        <Link className="button" to={view.to} data-testid={view.testId}>
          {t(view.label)}
        </Link>
        <button type="button" className="button button-outline" onClick={onAnother}>
          {t('imp.another')}
        </button>
      </p>
    </section>
  );
}
