import { useEffect, useState } from 'react';
import { microredApi } from '../api/microredClient';
import type { MicroredOutlineCollection } from '../api/microredTypes';

/**
 * The department's microredes with their approximate outlines, loaded once. The pages work
 * without them (no microred filter is offered), so a failed request only leaves them out.
 */
export function useMicroreds(department: string): MicroredOutlineCollection | null {
  const [data, setData] = useState<MicroredOutlineCollection | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    microredApi.outlines(department, controller.signal).then(
      (collection) => setData(collection),
      () => {
        if (!controller.signal.aborted) setData(null);
      },
    );
    return () => controller.abort();
  }, [department]);
  return data;
}
