import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_DIR } from '@yawar/server';

/**
 * The web app imports the API contract as types only (issue 11): planners on slow rural links
 * must not download zod or the schemas. The built bundle is the proof, whatever the lint says.
 */
describe('the built web app', () => {
  const assets = path.join(DEFAULT_WEB_DIR, 'assets');
  const scripts = fs.existsSync(assets)
    ? fs.readdirSync(assets).filter((name) => name.endsWith('.js'))
    : [];

  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  it('carries no zod and no contract schema', () => {
    for (const name of scripts) {
      const code = fs.readFileSync(path.join(assets, name), 'utf8');
      expect(code, name).not.toMatch(/\$ZodType|ZodError|_zod\b/);
      expect(code, name).not.toContain('a 2-digit department ubigeo');
    }
  });
});
