// The anemia levels in order of severity, as the reclassification table lays them out. The type is
// the contract's; the list is the browser's (the core names the levels but has no runtime list).
import type { AnemiaLevel } from '@yawar/api';

export const ANEMIA_LEVELS = [
  'none',
  'mild',
  'moderate',
  'severe',
] as const satisfies readonly AnemiaLevel[];
