import { useId, useMemo, useState } from 'react';
import type { EstablishmentFeature } from '@yawar/api';
import { searchEstablishments } from '../../domain/search';
import { useT } from '../../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../../map/categoryStyle';

/**
 * Search by name or RENIPRESS code, as on the map. The choice lives in the URL (the page's path),
 * not here: the box empties once an establishment is chosen, ready for the next one.
 */
export function EstablishmentPicker({
  establishments,
  onSelect,
}: {
  establishments: readonly EstablishmentFeature[];
  onSelect: (code: string) => void;
}) {
  const t = useT();
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const { results, omitted } = useMemo(
    () => searchEstablishments(establishments, query, 10),
    [establishments, query],
  );
  const open = query.trim().length > 0;
  const choose = (feature: EstablishmentFeature) => {
    setQuery('');
    onSelect(feature.properties.code);
  };

  return (
    <div className="search picker">
      <label className="field-label" htmlFor={inputId}>
        {t('fu.picker.label')}
      </label>
      <input
        id={inputId}
        className="search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('fu.picker.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && results[0]) choose(results[0]);
          if (event.key === 'Escape') setQuery('');
        }}
        aria-controls={open ? listId : undefined}
        aria-expanded={open}
        data-testid="follow-up-picker"
      />
      {open && (
        <ul id={listId} className="search-results picker-results" data-testid="follow-up-results">
          {results.length === 0 && <li className="search-empty">{t('filters.searchNoResults')}</li>}
          {results.map((feature) => {
            const { code, name, category, districtName } = feature.properties;
            return (
              <li key={code}>
                <button
                  type="button"
                  className="search-result"
                  onClick={() => choose(feature)}
                  data-testid="follow-up-result"
                >
                  <span
                    className="swatch"
                    style={{ background: CATEGORY_COLORS[category] }}
                    aria-hidden="true"
                  />
                  <span className="search-result-text">
                    <span className="search-result-name">{name}</span>
                    <span className="search-result-meta">
                      {t('fu.picker.meta', { code, category, district: districtName })}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
          {omitted > 0 && (
            <li className="search-more">{t('filters.searchMore', { n: omitted })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
