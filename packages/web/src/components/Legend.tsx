import type { CategoryCode } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../map/categoryStyle';

/** Map legend, floating over the map: marker colours per category and boundary line styles. */
export function Legend({ categories }: { categories: readonly CategoryCode[] }) {
  const t = useT();
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h2 className="legend-title">{t('legend.title')}</h2>
      <ul>
        {categories.map((code) => (
          <li key={code}>
            <span
              className="swatch"
              style={{ background: CATEGORY_COLORS[code] }}
              aria-hidden="true"
            />
            {t(`category.${code}`)}
          </li>
        ))}
        <li>
          <span className="legend-line legend-line-province" aria-hidden="true" />
          {t('legend.province')}
        </li>
        <li>
          <span className="legend-line legend-line-district" aria-hidden="true" />
          {t('legend.district')}
        </li>
      </ul>
    </section>
  );
}
