// Messages of the programming pages. Spanish is the reference; English is typed against it.
// Split by page area under ./programming/ and merged here.

import { reviewEn, reviewEs } from './programming/review';
import { roundsEn, roundsEs } from './programming/rounds';
import { sheetEn, sheetEs } from './programming/sheet';
import { treeEn, treeEs } from './programming/tree';

export const programmingEs = { ...roundsEs, ...sheetEs, ...reviewEs, ...treeEs } as const;

export const programmingEn: Record<keyof typeof programmingEs, string> = {
  ...roundsEn,
  ...sheetEn,
  ...reviewEn,
  ...treeEn,
};
