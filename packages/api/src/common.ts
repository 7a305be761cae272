import { z } from 'zod';

/**
 * The one error shape of the API: `{error: {code, message, details}}`. Codes are stable and
 * snake_case so clients (and the web app's translations) can rely on them; messages are English
 * for logs and developers, and never include a stack trace.
 */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});
export type ApiErrorBody = z.infer<typeof errorBodySchema>;

/** Media types of the files the API sends (exports and error lists). */
export const MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
} as const;

/**
 * The response of a route that sends a file instead of JSON: its media type (or types, when a
 * parameter chooses the format) and a body the OpenAPI document shows as binary. The server sends
 * the file as it is, text (CSV) or bytes (an XLSX Buffer): neither passes through the JSON
 * serializer.
 */
export function fileResponse(mediaType: string | readonly string[], description: string) {
  const types = typeof mediaType === 'string' ? [mediaType] : mediaType;
  const binary = {
    schema: z.custom<string | Uint8Array>().meta({ type: 'string', format: 'binary' }),
  };
  return { description, content: Object.fromEntries(types.map((type) => [type, binary])) };
}

/** A page of a long list: the items and how many there are in all. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number() });
