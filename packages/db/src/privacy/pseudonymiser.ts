import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseDocument, type DocumentKind } from '@yawar/core';

/**
 * Pseudonyms for children's and mothers' document numbers: HMAC-SHA256 under a secret key, so the
 * same DNI always gives the same pseudonym (records can be linked) but the number cannot be
 * recovered without the key, and the key never sits in the database (a copy of the database alone
 * reveals nothing). Raw numbers are neither stored nor logged.
 */
export type Pseudonymise = (kind: DocumentKind, raw: string) => string | null;

export function createPseudonymiser(key: Buffer): Pseudonymise {
  if (key.length < 32) throw new Error('the pseudonymisation key must have at least 32 bytes');
  return (kind, raw) => {
    const number = normaliseDocument(kind, raw);
    if (number === null) return null;
    const digest = createHmac('sha256', key).update(`${kind}:${number}`).digest('base64url');
    return `${kind.toLowerCase()}_${digest}`;
  };
}

export const PSEUDONYM_KEY_FILE = 'pseudonym.key';

/**
 * The key from YAWAR_PSEUDONYM_KEY (64 hex characters), or from <secretDir>/pseudonym.key, created
 * on first run with owner-only permissions. Losing the key breaks linkage of future imports with
 * past ones: back it up apart from the database.
 */
export function loadPseudonymKey(secretDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env['YAWAR_PSEUDONYM_KEY']?.trim();
  if (fromEnv) {
    if (!/^[0-9a-f]{64,}$/i.test(fromEnv))
      throw new Error('YAWAR_PSEUDONYM_KEY must be at least 64 hexadecimal characters');
    return Buffer.from(fromEnv, 'hex');
  }
  const file = path.join(secretDir, PSEUDONYM_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(secretDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}
