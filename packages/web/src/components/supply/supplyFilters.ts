// The supply page's state lives in the URL, like the surveillance filters: a view (month, rule,
// level, the area drilled into, the establishment open) can be bookmarked, shared and reloaded.
import { STOCK_RULE_SETS } from '@yawar/core';
import type { StockAreaLevel, StockRuleSetId } from '@yawar/api';
import type { StockFilters } from '../../domain/stockFilters';

export const STOCK_LEVELS: readonly StockAreaLevel[] = [
  'executing_unit',
  'network',
  'microred',
  'establishment',
];
const RULE_SETS = STOCK_RULE_SETS.map((rules) => rules.id as StockRuleSetId);

/** The area whose establishments the table lists, after a drill-down from a level. */
export interface AreaFilter {
  level: Exclude<StockAreaLevel, 'establishment'>;
  /** '' for the establishments with no area of that level assigned. */
  code: string;
}

export interface SupplyView extends StockFilters {
  area: AreaFilter | null;
  /** RENIPRESS code of the establishment whose products are open. */
  establishment: string | null;
}

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

export function readSupplyView(search: string): SupplyView {
  const params = new URLSearchParams(search);
  const month = params.get('month');
  const ruleSet = params.get('ruleSet');
  const level = params.get('level');
  const area = params.get('in');
  const separator = area?.indexOf(':') ?? -1;
  const areaLevel = area && separator > 0 ? area.slice(0, separator) : null;
  const establishment = params.get('establishment');
  return {
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    ruleSet: isOneOf(RULE_SETS, ruleSet) ? ruleSet : null,
    level: isOneOf(STOCK_LEVELS, level) ? level : 'network',
    area:
      area && isOneOf(['executing_unit', 'network', 'microred'] as const, areaLevel)
        ? { level: areaLevel, code: area.slice(separator + 1) }
        : null,
    establishment: establishment && /^\d{8}$/.test(establishment) ? establishment : null,
  };
}

export function writeSupplyView(view: SupplyView): string {
  const params = new URLSearchParams();
  if (view.month) params.set('month', view.month);
  if (view.ruleSet) params.set('ruleSet', view.ruleSet);
  if (view.level !== 'network') params.set('level', view.level);
  if (view.area) params.set('in', `${view.area.level}:${view.area.code}`);
  if (view.establishment) params.set('establishment', view.establishment);
  const search = params.toString();
  return search ? `?${search}` : '';
}
