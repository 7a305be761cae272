import type { CategoryCode, EstablishmentFeature, MicroredItem, NetworkItem } from '@yawar/api';
import { useT } from '../i18n/I18nProvider';
import { CategoryFilter } from './CategoryFilter';
import { MicroredSelect } from './MicroredSelect';
import { NetworkSelect } from './NetworkSelect';
import { SearchBox } from './SearchBox';

interface FilterPanelProps {
  establishments: readonly EstablishmentFeature[];
  networks: readonly NetworkItem[];
  network: string | null;
  onNetworkChange: (network: string | null) => void;
  /** The department's microredes; none while they load (then no microred filter is shown). */
  microreds?: readonly MicroredItem[];
  microred?: string | null;
  onMicroredChange?: (microred: string | null) => void;
  categories: readonly CategoryCode[];
  categoryCounts: ReadonlyMap<CategoryCode, number>;
  labByRule: ReadonlySet<CategoryCode>;
  selectedCategories: ReadonlySet<CategoryCode>;
  onCategoriesChange: (categories: ReadonlySet<CategoryCode>) => void;
  onSelectEstablishment: (feature: EstablishmentFeature) => void;
  onReset: () => void;
}

export function FilterPanel(props: FilterPanelProps) {
  const t = useT();
  const toggleCategory = (code: CategoryCode) => {
    const next = new Set(props.selectedCategories);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    props.onCategoriesChange(next);
  };
  return (
    <aside className="panel filter-panel" aria-label={t('filters.title')}>
      <SearchBox establishments={props.establishments} onSelect={props.onSelectEstablishment} />
      <div className="panel-section-title">
        <h2>{t('filters.title')}</h2>
        <button type="button" className="link-button" onClick={props.onReset}>
          {t('filters.reset')}
        </button>
      </div>
      <NetworkSelect
        networks={props.networks}
        value={props.network}
        onChange={props.onNetworkChange}
      />
      {props.microreds && props.microreds.length > 0 && props.onMicroredChange && (
        <MicroredSelect
          microreds={props.microreds}
          network={props.network}
          value={props.microred ?? null}
          onChange={props.onMicroredChange}
        />
      )}
      <CategoryFilter
        categories={props.categories}
        counts={props.categoryCounts}
        labByRule={props.labByRule}
        selected={props.selectedCategories}
        onToggle={toggleCategory}
        onSelectAll={() => props.onCategoriesChange(new Set(props.categories))}
        onSelectNone={() => props.onCategoriesChange(new Set())}
      />
    </aside>
  );
}
