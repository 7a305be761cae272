import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
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

/** Digits only: pages format numbers for the reader's locale ("1,250"). */
export const digitsOf = (value: string | null) => Number((value ?? '').replace(/\D/g, ''));

/** A page in a context of its own (each user has a session of their own), watched for errors. */
export async function openWatchedPage(
  browser: Browser,
  pageErrors: string[],
  cspViolations: string[],
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  watchPage(page, pageErrors, cspViolations);
  return page;
}

/** Logs `username` in on the way to `target`; resolves once the app is at `landing`. */
export async function logInAt(
  page: Page,
  login: { baseUrl: string; username: string; password: string; timeout: number },
  target: string,
  landing: (pathname: string) => boolean = (pathname) => pathname === target,
): Promise<void> {
  await page.goto(new URL(target, login.baseUrl).href);
  await page.waitForURL((url) => url.pathname === '/login', { timeout: login.timeout });
  await page.getByTestId('login-username').fill(login.username);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => landing(url.pathname), { timeout: login.timeout });
}

/** GET through the page's session; the answer must be 200. */
export async function getJsonAs<T>(page: Page, baseUrl: string, url: string): Promise<T> {
  const response = await page.request.get(new URL(url, baseUrl).href);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}
