import {
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
  TEMPLATE_EXAMPLE_DNI,
  TEMPLATE_FILE_NAME,
  templateCsvHref,
} from '../../domain/screeningImport';
import { useT } from '../../i18n/I18nProvider';

/**
 * The file layout in short (docs/formats/screening-records.md has it all), with a template that
 * already has the right header: a wrong column name is the commonest reason for a refused file.
 */
export function ImportFormat() {
  const t = useT();
  return (
    <section className="card import-format" aria-labelledby="import-format-title">
      <h2 id="import-format-title" className="card-title">
        {t('imp.format.title')}
      </h2>
      <p className="muted">{t('imp.format.intro')}</p>
      <h3 className="import-format-subtitle">{t('imp.format.required')}</h3>
      <dl className="column-list" data-testid="import-required-columns">
        {REQUIRED_COLUMNS.map((column) => (
          <div key={column} className="column-item">
            <dt>
              <code>{column}</code>
            </dt>
            <dd>{t(`imp.col.${column}`)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="import-format-subtitle">{t('imp.format.optional')}</h3>
      <p className="column-inline">
        {OPTIONAL_COLUMNS.map((column) => (
          <code key={column}>{column}</code>
        ))}
      </p>
      <p className="fine-print">{t('imp.format.optionalHint')}</p>
      <p className="fine-print">{t('imp.format.duplicates')}</p>
      <div className="import-template">
        <a
          className="button button-outline button-small"
          href={templateCsvHref()}
          download={TEMPLATE_FILE_NAME}
          data-testid="import-template"
        >
          {t('imp.template')}
        </a>
        <p className="fine-print">{t('imp.template.hint', { dni: TEMPLATE_EXAMPLE_DNI })}</p>
      </div>
    </section>
  );
}
