import { ESTABLISHMENT_CATEGORIES } from '@yawar/core';
import { z } from 'zod';

export const departmentParam = (fallback: string) =>
  z
    .string()
    .regex(/^\d{2}$/, 'a 2-digit department ubigeo, e.g. 06')
    .default(fallback)
    .describe('Department ubigeo (INEI), e.g. 06 for Cajamarca');

export const provinceParam = z.string().regex(/^\d{4}$/, 'a 4-digit province ubigeo');
export const districtParam = z.string().regex(/^\d{6}$/, 'a 6-digit district ubigeo');
export const renipressParam = z
  .string()
  .regex(/^\d{1,8}$/, 'a RENIPRESS code of up to 8 digits')
  .transform((code) => code.padStart(8, '0'));

/** `category=I-3,I-4` or `category=I-3&category=I-4`. */
export const categoriesParam = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ESTABLISHMENT_CATEGORIES)))
  .describe('Categories (NTS 021), comma-separated or repeated');
