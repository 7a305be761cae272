import { useId, useMemo, useState } from 'react';
import type { EstablishmentFeature } from '@yawar/api';
import { searchEstablishments } from '../domain/search';
import { useT } from '../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../map/categoryStyle';

interface SearchBoxProps {
  /** All establishments of the department: search ignores the category/network filters. */
  establishments: readonly EstablishmentFeature[];
  onSelect: (feature: EstablishmentFeature) => void;
}

export function SearchBox({ establishments, onSelect }: SearchBoxProps) {
  const t = useT();
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const { results, omitted } = useMemo(
    () => searchEstablishments(establishments, query),
    [establishments, query],
  );
  const hasQuery = query.trim().length > 0;

  return (
    <div className="search">
      <label className="field-label" htmlFor={inputId}>
        {t('filters.search')}
      </label>
      <input
        id={inputId}
        className="search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('filters.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && results[0]) onSelect(results[0]);
          if (event.key === 'Escape') setQuery('');
        }}
        aria-controls={listId}
        data-testid="search-input"
      />
      {hasQuery && (
        <ul id={listId} className="search-results" data-testid="search-results">
          {results.length === 0 && <li className="search-empty">{t('filters.searchNoResults')}</li>}
          {results.map((feature) => {
            const { code, name, category, districtName } = feature.properties;
            return (
              <li key={code}>
                <button
                  type="button"
                  className="search-result"
                  onClick={() => onSelect(feature)}
                  data-testid="search-result"
                >
                  <span
                    className="swatch"
                    style={{ background: CATEGORY_COLORS[category] }}
                    aria-hidden="true"
                  />
                  <span className="search-result-text">
                    <span className="search-result-name">{name}</span>
                    <span className="search-result-meta">
                      {code} · {category} · {districtName}
                      {feature.geometry === null && ` · ${t('filters.searchNoCoordinates')}`}
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
