import { useEffect, useState } from 'react';
import { microredApi } from '../api/microredClient';
import type { MicroredOutlineCollection } from '@yawar/api';

/** One request per department for the page's lifetime: several components read the same list. */
const cache = new Map<string, Promise<MicroredOutlineCollection>>();

function load(department: string): Promise<MicroredOutlineCollection> {
  let pending = cache.get(department);
  if (!pending) {
    pending = microredApi.outlines(department);
    // A failure is not kept: the next page that asks tries again.
    pending.catch(() => cache.delete(department));
    cache.set(department, pending);
  }
  return pending;
}

/**
 * The department's microredes with their approximate outlines. The pages work without them (no
 * microred filter is offered), so a failed request only leaves them out.
 */
export function useMicroreds(department: string): MicroredOutlineCollection | null {
  const [data, setData] = useState<MicroredOutlineCollection | null>(null);
  useEffect(() => {
    let current = true;
    load(department).then(
      (collection) => {
        if (current) setData(collection);
      },
      () => {
        if (current) setData(null);
      },
    );
    return () => {
      current = false;
    };
  }, [department]);
  return data;
}
