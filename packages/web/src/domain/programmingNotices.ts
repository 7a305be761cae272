import type { InterventionNotice, LineNotice } from '@yawar/api';
import type { MessageKey } from '../i18n/dictionary';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A server warning in the user's language: its code picks the message, its values fill it. A code
 * this version does not know falls back to the server's English text.
 */
export function noticeText(
  t: Translate,
  notice: LineNotice | InterventionNotice,
  fallback: string,
): string {
  const key = `prog.notice.${notice.code}`;
  return isMessageKey(key) ? t(key, notice.params) : fallback;
}

// Every code the contract names (the compiler says when one is added or dropped); each has a
// `prog.notice.*` message.
const KNOWN_CODES: Record<(LineNotice | InterventionNotice)['code'], true> = {
  months_interpolated: true,
  whole_month_stockout: true,
  no_history: true,
  intervention_without_tree: true,
  method_short_of_data: true,
  stock_unreported: true,
  horizon_gap: true,
  horizon_before_history_end: true,
  band_without_screening: true,
  no_children_estimate: true,
  no_screening: true,
};
const KNOWN: ReadonlySet<string> = new Set(Object.keys(KNOWN_CODES));

function isMessageKey(key: string): key is MessageKey {
  return KNOWN.has(key.slice('prog.notice.'.length));
}
