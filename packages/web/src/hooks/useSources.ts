import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { DataSourceItem } from '@yawar/api';

/** The catalogue of data sources for the footer; a failure leaves it empty (informative only). */
export function useSources(): DataSourceItem[] {
  const [sources, setSources] = useState<DataSourceItem[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api.sources(controller.signal).then(
      (response) => setSources(response.items),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return sources;
}
