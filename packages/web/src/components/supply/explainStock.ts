// Every number on the supply page carries its explanation as a tooltip: the formula, its figures,
// the rule and the data behind it (as on the surveillance page). This module builds those texts.
import type {
  AvailabilityLevel,
  StockAreaItem,
  StockClass,
  StockRuleSet,
  StockStatusResponse,
} from '@yawar/api';
import type { Translate } from '../../i18n/I18nProvider';

export interface Formatters {
  t: Translate;
  formatNumber: (value: number, maximumDigits?: number, minimumDigits?: number) => string;
}

/** A ratio as a percentage with one decimal ("83,2 %"), or '—'. */
export function ratioText(ratio: number | null, { t, formatNumber }: Formatters): string {
  return ratio === null ? '—' : t('unit.percent', { n: formatNumber(ratio * 100, 1, 1) });
}

export function levelText(level: AvailabilityLevel | null, { t }: Formatters): string {
  return level === null ? t('sup.availability.none') : t(`sup.availability.${level}`);
}

export function classHint(stockClass: StockClass, ruleSet: StockRuleSet, f: Formatters): string {
  return f.t(`sup.classHint.${stockClass}`, {
    months: f.formatNumber(ruleSet.cpmaWindowMonths),
    low: f.formatNumber(ruleSet.substockBelow),
    high: f.formatNumber(ruleSet.sobrestockAbove),
  });
}

/** A rule set's title in the user's language (the server's, in English, for an unknown one). */
export function ruleSetTitle(ruleSet: Pick<StockRuleSet, 'id' | 'title'>, t: Translate): string {
  const key = `sup.ruleSet.${ruleSet.id}` as const;
  const title = t(key);
  return title === key ? ruleSet.title : title;
}

/** Rule and data lines closing every tooltip. */
export function sourceLines(
  response: Pick<StockStatusResponse, 'ruleSet' | 'dataSource'>,
  t: Translate,
): string {
  return `${ruleSetTitle(response.ruleSet, t)}\n${response.ruleSet.source}\n${response.dataSource}`;
}

export function availabilityExplained(
  item: StockAreaItem,
  response: StockStatusResponse,
  f: Formatters,
): string {
  const formula = f.t('sup.cell.availabilityFormula', {
    formula: response.formula.availability,
    available: f.formatNumber(item.available),
    evaluated: f.formatNumber(item.evaluated),
    establishments: f.formatNumber(item.establishmentsEvaluated),
    value: ratioText(item.ratio, f),
  });
  return `${formula}\n${response.formula.aggregation}\n${sourceLines(response, f.t)}`;
}

export function countExplained(
  stockClass: StockClass,
  item: StockAreaItem,
  response: StockStatusResponse,
  f: Formatters,
): string {
  const line = f.t('sup.cell.count', {
    hint: classHint(stockClass, response.ruleSet, f),
    count: f.formatNumber(item.counts[stockClass]),
    area: item.areaName || '—',
  });
  return `${line}\n${response.formula.classes}\n${sourceLines(response, f.t)}`;
}
