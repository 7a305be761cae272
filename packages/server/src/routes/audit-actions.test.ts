// Issue #10, finding 20: the audit page showed raw codes (`login.success`, `programme.compute`).
// Every action recorded anywhere in db or server is in @yawar/core AUDIT_ACTIONS; the web app's
// own test (`web/src/i18n/messages/audit.test.ts`) checks that each has a label.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, PROGRAMME_ACTIONS } from '@yawar/core';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Literal actions passed to recordAudit / audit(…) in the db and server sources. */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of [
    ...sources(path.join(root, 'packages/db/src')),
    ...sources(path.join(root, 'packages/server/src')),
  ]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /action:\s*(?:[^'\n]*\?\s*)?'([a-z_.]+)'(?:\s*:\s*'([a-z_.]+)')?/g,
    )) {
      if (match[1]?.includes('.') || match[1] === 'logout') found.add(match[1]);
      if (match[2]) found.add(match[2]);
    }
    for (const match of text.matchAll(/audit\('([a-z_.]+)'/g)) if (match[1]) found.add(match[1]);
  }
  // transitions.ts records `programme.${action}` for each workflow action.
  for (const action of PROGRAMME_ACTIONS) found.add(`programme.${action}`);
  return found;
}

describe('audit actions', () => {
  it('lists every action the code records', () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(20);
    expect(recorded).toContain('login.success');
    expect(recorded).toContain('programme.compute');
    expect(recorded).toContain('laboratory.clear_override');
    expect(recorded).toContain('user.reset_password');
    const unlisted = [...recorded].filter(
      (action) => !(AUDIT_ACTIONS as readonly string[]).includes(action),
    );
    expect(unlisted).toEqual([]);
  });
});
