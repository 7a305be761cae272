import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { HealthResponse } from '@yawar/api';

/** Server version and database engine for the footer; failures are ignored (purely informative). */
export function useHealth(): HealthResponse | null {
  const [health, setHealth] = useState<HealthResponse | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.health(controller.signal).then(setHealth, () => undefined);
    return () => controller.abort();
  }, []);
  return health;
}
