import type { StockStatusResponse } from '@yawar/api';
import { useT } from '../../i18n/I18nProvider';
import { MethodsCard, type MethodRow } from '../MethodsCard';
import { ruleSetTitle } from './explainStock';

/** How every number on the page is made, in one place, for readers who want it all at once. */
export function StockMethodsNote({ response }: { response: StockStatusResponse }) {
  const t = useT();
  const { formula, ruleSet } = response;
  const rows: MethodRow[] = [
    [t('sup.methods.rule'), `${ruleSet.id}: ${ruleSetTitle(ruleSet, t)}`],
    [t('sup.methods.source'), ruleSet.source],
    [t('sup.methods.cpma'), formula.cpma],
    [t('sup.methods.med'), formula.med],
    [t('sup.methods.classes'), formula.classes],
    [t('sup.methods.availability'), formula.availability],
    [t('sup.methods.aggregation'), formula.aggregation],
    [t('sup.methods.levels'), formula.levels],
    [t('sup.methods.data'), `${response.dataSource}. ${t('sup.methods.scope')}`],
  ];
  return <MethodsCard titleId="supply-methods-title" title={t('sup.methods.title')} rows={rows} />;
}
