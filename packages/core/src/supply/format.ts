/**
 * Numbers as formula steps show them: thousands grouped with a space, a decimal point, at most two
 * decimals, no trailing zeros — `1 216.59`, `0.98`, `−385 000`. Hand-written rather than
 * `toLocaleString` because a programming round formats millions of numbers and Intl is slow.
 */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  if (rounded >= 1e21) return `${value < 0 ? '−' : ''}${rounded}`;
  const sign = value < 0 && rounded > 0 ? '−' : '';
  const text = String(rounded);
  if (rounded < 1000) return sign + text;
  const dot = text.indexOf('.');
  const end = dot < 0 ? text.length : dot;
  const head = end % 3 || 3;
  let grouped = text.slice(0, head);
  for (let i = head; i < end; i += 3) grouped += ' ' + text.slice(i, i + 3);
  return sign + grouped + text.slice(end);
}
