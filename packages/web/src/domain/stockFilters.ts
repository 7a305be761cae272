import type { StockAreaLevel, StockRuleSetId } from '@yawar/api';

/**
 * The stock-status filters as the supply page holds them (in its URL): null leaves the choice to
 * the server, which then answers with the latest month with data and the default rule set.
 */
export interface StockFilters {
  /** `YYYY-MM`, or null for the latest month with data. */
  month: string | null;
  ruleSet: StockRuleSetId | null;
  level: StockAreaLevel;
}
