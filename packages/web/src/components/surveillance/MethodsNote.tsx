import type { EndesResponse, HbRule, PrevalenceResponse } from '@yawar/api';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { MethodsCard, type MethodRow } from '../MethodsCard';
import { dataSourceText } from './explain';

/** How every number on the page was made, in one place, for readers who want it all at once. */
export function MethodsNote({
  response,
  rule,
  endes,
}: {
  response: PrevalenceResponse;
  rule: HbRule;
  endes: EndesResponse | null;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const rows: MethodRow[] = [
    [t('surv.methods.rule'), `${rule.title} — ${rule.source}`],
    [t('surv.methods.prevalence'), response.formula.prevalence],
    [
      t('surv.methods.interval', { confidence: formatNumber(response.confidence * 100) }),
      response.formula.interval,
    ],
    [t('surv.methods.adjustment'), response.formula.adjustment],
    [
      t('surv.methods.suppression'),
      `${response.suppressionRule.description} (${response.suppressionRule.id})`,
    ],
    [t('surv.methods.children'), t('surv.formula.children')],
    [t('surv.methods.source'), dataSourceText(response, { t, formatNumber })],
  ];
  if (endes) rows.push([t('surv.endes.label'), `${endes.source}. ${endes.note}`]);
  if (endes)
    rows.push([t('surv.series.heading'), `${t('surv.series.intro')} ${endes.officialSource}.`]);
  return <MethodsCard titleId="methods-title" title={t('surv.methods.title')} rows={rows} />;
}
