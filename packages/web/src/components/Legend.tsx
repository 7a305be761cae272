import type { CategoryCode } from '@yawar/api';
import { useT } from '../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../map/categoryStyle';

/**
 * Map legend, floating over the map: marker colour per category code and boundary line styles.
 * It uses the short codes (full names are in the category filter) so it hides little of the map.
 */
export function Legend({
  categories,
  microredOutline = false,
}: {
  categories: readonly CategoryCode[];
  /** A microred is selected: its approximate outline is drawn, and the legend says what it is. */
  microredOutline?: boolean;
}) {
  const t = useT();
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h2 className="legend-title">{t('legend.title')}</h2>
      <ul className="legend-categories">
        {categories.map((code) => (
          <li key={code} title={t(`category.${code}`)}>
            <span
              className="swatch"
              style={{ background: CATEGORY_COLORS[code] }}
              aria-hidden="true"
            />
            {code}
          </li>
        ))}
      </ul>
      <ul className="legend-lines">
        <li>
          <span className="legend-line legend-line-province" aria-hidden="true" />
          {t('legend.province')}
        </li>
        <li>
          <span className="legend-line legend-line-district" aria-hidden="true" />
          {t('legend.district')}
        </li>
        {microredOutline && (
          <li title={t('microred.outline.note')} data-testid="legend-microred-outline">
            <span className="legend-line legend-line-microred" aria-hidden="true" />
            <span>
              {t('microred.outline.legend')}
              <span className="legend-note">{t('microred.outline.note')}</span>
            </span>
          </li>
        )}
      </ul>
    </section>
  );
}
