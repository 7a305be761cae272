// Microredes (red → microred → establishment): a public registry like the networks.
import type { MicroredOutlineCollection } from '@yawar/api';
import { getJson } from './client';

export const microredApi = {
  /** Every microred of the department with its approximate outline (and its counts). */
  outlines: (department: string, signal?: AbortSignal) =>
    getJson<MicroredOutlineCollection>(
      `/api/microreds/outlines.geojson?department=${encodeURIComponent(department)}`,
      signal,
    ),
};
