import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import {
  HISTORY_OPTIONAL_COLUMNS,
  HISTORY_REQUIRED_COLUMNS,
  HISTORY_TEMPLATE_FILE_NAME,
  historyTemplateHref,
} from './supplyTemplate';

/**
 * The history layout in short (docs/formats/supply-history.md has it all), the catalogue's product
 * codes, and a template with the right header: a wrong column name is the commonest refusal.
 */
export function SupplyImportFormat({
  products,
}: {
  products: readonly { code: string; name: string }[];
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <section className="card import-format" aria-labelledby="supply-format-title">
      <h2 id="supply-format-title" className="card-title">
        {t('imp.format.title')}
      </h2>
      <p className="muted">{t('sup.imp.format.intro')}</p>
      <h3 className="import-format-subtitle">{t('imp.format.required')}</h3>
      <dl className="column-list supply-column-list" data-testid="supply-required-columns">
        {HISTORY_REQUIRED_COLUMNS.map((column) => (
          <div key={column} className="column-item">
            <dt>
              <code>{column}</code>
            </dt>
            <dd>{t(`sup.imp.col.${column}`)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="import-format-subtitle">{t('imp.format.optional')}</h3>
      <p className="column-inline">
        {HISTORY_OPTIONAL_COLUMNS.map((column) => (
          <code key={column}>{column}</code>
        ))}
      </p>
      <p className="fine-print">{t('sup.imp.format.optionalHint')}</p>
      <p className="fine-print">{t('sup.imp.format.duplicates')}</p>
      {products.length > 0 && (
        <>
          <h3 className="import-format-subtitle">
            {t('sup.imp.catalogue')} ({formatNumber(products.length)})
          </h3>
          <ul className="product-codes" data-testid="supply-product-codes">
            {products.map((p) => (
              <li key={p.code} title={p.name}>
                <code>{p.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="import-template">
        <a
          className="button button-outline button-small"
          href={historyTemplateHref()}
          download={HISTORY_TEMPLATE_FILE_NAME}
          data-testid="supply-template"
        >
          {t('sup.imp.template')}
        </a>
        <p className="fine-print">{t('sup.imp.template.hint')}</p>
      </div>
    </section>
  );
}
