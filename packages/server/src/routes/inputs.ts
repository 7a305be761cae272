import { INVALID_INPUT_CODE, unstorableTextReason } from '@yawar/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors.js';

/** Where in a parsed query, path or JSON body a string is unstorable, e.g. `/lines/0/note`. */
export function findUnstorableText(
  value: unknown,
  path = '',
  depth = 0,
): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const reason = unstorableTextReason(value);
    return reason ? { path: path || '/', message: reason } : null;
  }
  // JSON nests far less than this; deeper input is refused by the schemas anyway.
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const keyReason = unstorableTextReason(key);
    if (keyReason) return { path: `${path}/${key}`, message: `key ${keyReason}` };
    const found = findUnstorableText(item, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Hook for every route (preValidation: after parsing, before the route's schema): a NUL byte or
 * lone surrogate anywhere in the path parameters, query string or JSON body is a 400, whatever
 * the route's own schema says. Binary uploads (Buffer bodies) are the import parsers' business.
 */
export async function rejectUnstorableText(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const parts = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const;
  for (const [context, value] of parts) {
    const found = findUnstorableText(value);
    if (found) {
      await reply.status(400).send(errorBody(INVALID_INPUT_CODE, `invalid ${context}`, [found]));
      return;
    }
  }
}
