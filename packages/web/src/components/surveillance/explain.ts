// Planners must be able to check every number, so each one carries a tooltip saying how it was
// computed (with its own figures plugged in), under which rule set and from which data. This
// module builds those texts; <Explained> puts them on the page.
import type { PrevalenceItem, PrevalenceResponse } from '@yawar/api';
import type { Translate } from '../../i18n/I18nProvider';

export type Metric =
  'n' | 'cases' | 'estimate' | 'severity' | 'children' | 'estimatedAnemic' | 'coverage';

export interface Formatters {
  t: Translate;
  formatNumber: (value: number, maximumDigits?: number, minimumDigits?: number) => string;
}

/** A proportion in percent with exactly one decimal ("27,4"), as the tables and tooltips show it. */
export const pct1 = (value: number, { formatNumber }: Pick<Formatters, 'formatNumber'>) =>
  formatNumber(value * 100, 1, 1);

/** A proportion as a percentage with one decimal ("27,4 %"), or '—' when there is none. */
export function percent(value: number | null, f: Formatters): string {
  return value === null ? '—' : f.t('unit.percent', { n: pct1(value, f) });
}

/** "27,4 % (IC 95 %: 23,1–31,9 %)". */
export function percentWithInterval(item: PrevalenceItem, f: Formatters): string {
  if (item.estimate === null) return '—';
  if (item.lower === null || item.upper === null) return percent(item.estimate, f);
  return f.t('surv.estimateWithInterval', {
    estimate: percent(item.estimate, f),
    lower: pct1(item.lower, f),
    upper: pct1(item.upper, f),
  });
}

/** Where the numbers come from; simulated data is named as such, in capitals, every time. */
export function dataSourceText(
  response: Pick<PrevalenceResponse, 'dataSource'>,
  { t }: Formatters,
): string {
  return t(`surv.dataSource.${response.dataSource}`);
}

function formulaLine(
  metric: Metric,
  item: PrevalenceItem,
  response: PrevalenceResponse,
  f: Formatters,
) {
  const { t, formatNumber } = f;
  const num = (value: number | null) => (value === null ? '—' : formatNumber(value));
  switch (metric) {
    case 'n':
      return t('surv.formula.n', { n: num(item.n) });
    case 'cases':
      return t('surv.formula.cases', {
        mild: num(item.mild),
        moderate: num(item.moderate),
        severe: num(item.severe),
        cases: num(item.cases),
      });
    case 'severity':
      return t('surv.formula.severity');
    case 'estimate':
      return [
        t('surv.formula.estimate', {
          formula: response.formula.prevalence,
          cases: num(item.cases),
          n: num(item.n),
          estimate: percent(item.estimate, f),
        }),
        t('surv.formula.interval', {
          confidence: formatNumber(response.confidence * 100),
          formula: response.formula.interval,
        }),
      ].join('\n');
    case 'children':
      return t('surv.formula.children');
    case 'estimatedAnemic':
      return t('surv.formula.estimatedAnemic', {
        estimate: percent(item.estimate, f),
        children: num(item.children6to35Months),
        result: num(item.estimatedAnemicChildren),
      });
    case 'coverage':
      return t('surv.formula.coverage', {
        n: num(item.n),
        children: num(item.children6to35Months),
        coverage: percent(item.coverage, f),
      });
  }
}

/** The full tooltip of one number: formula with its figures, then rule set, source and suppression. */
export function explain(
  metric: Metric,
  item: PrevalenceItem,
  response: PrevalenceResponse,
  f: Formatters,
): string {
  const { t } = f;
  const lines = [formulaLine(metric, item, response, f)];
  if (metric === 'estimate' || metric === 'cases' || metric === 'severity') {
    lines.push(t('surv.formula.adjustment', { formula: response.formula.adjustment }));
  }
  if (item.suppressed) {
    lines.push(
      t('surv.suppressedBecause', {
        reason: suppressionText(item.suppressionReason, f),
        rule: response.suppressionRule.description,
      }),
    );
  }
  lines.push(
    t('surv.ruleLine', { rule: response.rule.title, source: response.rule.source }),
    t('surv.sourceLine', { source: dataSourceText(response, f) }),
  );
  if (item.simulatedShare > 0) {
    lines.push(t('surv.simulatedShare', { share: percent(item.simulatedShare, f) }));
  }
  if (item.period !== 'all') lines.push(t('surv.periodLine', { period: item.period }));
  return lines.join('\n');
}

/** The server's reason codes, translated when known and shown as they are otherwise. */
export function suppressionText(reason: string | null, { t }: Formatters): string {
  if (reason === 'small_denominator') return t('surv.suppression.small_denominator');
  if (reason === 'small_numerator') return t('surv.suppression.small_numerator');
  if (reason === 'complementary') return t('surv.suppression.complementary');
  return reason ?? t('surv.suppression.unknown');
}
