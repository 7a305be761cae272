import { useMemo } from 'react';
import { useFormatNumber, useT } from '../i18n/I18nProvider';

export interface ProgrammingFormat {
  /** A quantity of dispensing units or packs: whole, with thousands separators. */
  qty: (value: number | null) => string;
  /** Soles with two decimals ("S/ 1,234.50"); '—' without a price. */
  soles: (value: number | null) => string;
  /** A fraction as a percentage with one decimal ("12.5 %"); '—' when there is none. */
  percent: (value: number | null) => string;
  /** A number as computed, up to `digits` decimals (for tooltips and error metrics). */
  exact: (value: number | null, digits?: number) => string;
}

/** The number formats of the programming pages, in the reader's language (es-PE by default). */
export function useProgrammingFormat(): ProgrammingFormat {
  const t = useT();
  const formatNumber = useFormatNumber();
  return useMemo(
    () => ({
      qty: (value) => (value === null ? '—' : formatNumber(Math.round(value))),
      soles: (value) => (value === null ? '—' : t('prog.soles', { n: formatNumber(value, 2, 2) })),
      percent: (value) =>
        value === null ? '—' : t('unit.percent', { n: formatNumber(value * 100, 1, 1) }),
      exact: (value, digits = 2) => (value === null ? '—' : formatNumber(value, digits)),
    }),
    [t, formatNumber],
  );
}
