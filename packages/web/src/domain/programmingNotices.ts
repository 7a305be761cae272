import type { Notice } from '../api/programmingTypes';
import type { MessageKey } from '../i18n/dictionary';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A server warning in the user's language: its code picks the message, its values fill it. A code
 * this version does not know falls back to the server's English text.
 */
export function noticeText(t: Translate, notice: Notice, fallback: string): string {
  const key = `prog.notice.${notice.code}`;
  return isMessageKey(key) ? t(key, notice.params) : fallback;
}

const KNOWN = new Set<string>([
  'months_interpolated',
  'whole_month_stockout',
  'no_history',
  'intervention_without_tree',
  'method_short_of_data',
  'stock_unreported',
  'horizon_gap',
  'horizon_before_history_end',
  'band_without_screening',
  'no_children_estimate',
  'no_screening',
]);

function isMessageKey(key: string): key is MessageKey {
  return KNOWN.has(key.slice('prog.notice.'.length));
}
