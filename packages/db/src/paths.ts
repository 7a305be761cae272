import { fileURLToPath } from 'node:url';

/** The repository's data folder (data/cajamarca, data/peru); same depth from src/ and dist/. */
export const REPOSITORY_DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));
export const CAJAMARCA_DIR = fileURLToPath(new URL('../../../data/cajamarca/', import.meta.url));
export const PERU_DIR = fileURLToPath(new URL('../../../data/peru/', import.meta.url));
