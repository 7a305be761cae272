import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_WEB_DIR, startServer } from '@yawar/server';
import { testSecurity } from '@yawar/server/testing';
import { createTestDatabase } from '@yawar/db/testing';

export interface RunningYawar {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real server on a free port, serving the built web app, on a fresh database that first-run
 * seeding fills with the Cajamarca data exactly as `npm start` does.
 */
export async function startYawar(options: { demoData?: boolean } = {}): Promise<RunningYawar> {
  if (!fs.existsSync(`${DEFAULT_WEB_DIR}/index.html`)) {
    throw new Error(
      'packages/web/dist is missing: run `npm run build -w @yawar/web` before the browser tests',
    );
  }
  const testDb = await createTestDatabase();
  const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-e2e-secrets-'));
  const server = await startServer({
    database: testDb.config,
    security: testSecurity(secretDir),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    demoData: options.demoData ?? false,
  });
  return {
    baseUrl: server.url,
    close: async () => {
      await server.close();
      await testDb.drop();
      fs.rmSync(secretDir, { recursive: true, force: true });
    },
  };
}

/** Chromium from Debian; the flags keep it off the network and let WebGL run in software. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Collects what the page must never produce: uncaught errors, and Content-Security-Policy
 * violations (the server's CSP allows no inline or foreign scripts; the app must need none).
 */
export function watchPage(page: Page, pageErrors: string[], cspViolations: string[]): void {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}
