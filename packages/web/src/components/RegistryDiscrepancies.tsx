import type { RegistryDiscrepancy } from '@yawar/api';
import { useT } from '../i18n/I18nProvider';

const FIELDS = ['category', 'network', 'coordinates'] as const;
type Field = (typeof FIELDS)[number];
const isField = (value: string): value is Field => (FIELDS as readonly string[]).includes(value);

/** Where MINSA's two registries disagree on this establishment: both values, and the one used. */
export function RegistryDiscrepancies({
  discrepancies,
}: {
  discrepancies: readonly RegistryDiscrepancy[];
}) {
  const t = useT();
  return (
    <div className="warning" role="note" data-testid="registry-discrepancies">
      <p>{t('details.discrepancies.title')}</p>
      <ul>
        {discrepancies.map((d) => (
          <li key={d.field}>
            {t('details.discrepancies.row', {
              field: isField(d.field) ? t(`details.discrepancies.field.${d.field}`) : d.field,
              chosen: d.chosen ?? t('details.notAvailable'),
              chosenSource: d.chosenSource,
              other: d.other ?? t('details.notAvailable'),
              otherSource: d.otherSource,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
