import type { CategoryCode } from '@yawar/api';
import { useFormatNumber, useT } from '../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../map/categoryStyle';

interface CategoryFilterProps {
  /** Categories present in the department, in level order. */
  categories: readonly CategoryCode[];
  /** Count per category within the selected network. */
  counts: ReadonlyMap<CategoryCode, number>;
  /** Categories whose establishments have a laboratory by rule (from the API). */
  labByRule: ReadonlySet<CategoryCode>;
  selected: ReadonlySet<CategoryCode>;
  onToggle: (category: CategoryCode) => void;
  onSelectAll: () => void;
  onSelectNone: () => void;
}

/** Category checkboxes; doubles as the map legend since each carries its marker colour. */
export function CategoryFilter(props: CategoryFilterProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <fieldset className="field category-filter">
      <legend className="field-label field-label-row">
        <span>{t('filters.categories')}</span>
        <span className="link-buttons">
          <button
            type="button"
            className="link-button"
            onClick={props.onSelectAll}
            data-testid="categories-all"
          >
            {t('filters.all')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={props.onSelectNone}
            data-testid="categories-none"
          >
            {t('filters.none')}
          </button>
        </span>
      </legend>
      <ul className="category-list">
        {props.categories.map((code) => (
          <li key={code}>
            <label className="category-option">
              <input
                type="checkbox"
                checked={props.selected.has(code)}
                onChange={() => props.onToggle(code)}
                data-testid={`category-${code}`}
              />
              <span
                className="swatch"
                style={{ background: CATEGORY_COLORS[code] }}
                aria-hidden="true"
              />
              <span className="category-name">
                {t(`category.${code}`)}
                {props.labByRule.has(code) && (
                  <span
                    className="lab-badge"
                    title={t('legend.labRule')}
                    aria-label={t('legend.labRule')}
                  >
                    L
                  </span>
                )}
              </span>
              <span className="category-count">{formatNumber(props.counts.get(code) ?? 0)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
