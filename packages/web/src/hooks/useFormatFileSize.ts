import { useCallback } from 'react';
import { useFormatNumber, useT } from '../i18n/I18nProvider';

const KB = 1024;
const MB = 1024 * KB;

/** Sizes as people read them on a file: whole KB below a megabyte, MB with one decimal above. */
export function useFormatFileSize(): (bytes: number) => string {
  const t = useT();
  const formatNumber = useFormatNumber();
  return useCallback(
    (bytes: number) =>
      bytes < MB
        ? t('imp.size.kb', { n: formatNumber(Math.max(1, Math.round(bytes / KB))) })
        : t('imp.size.mb', { n: formatNumber(bytes / MB, 1) }),
    [t, formatNumber],
  );
}
