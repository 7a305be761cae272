// End-to-end test of accounts and scopes through the browser, against the real server with demo
// accounts enabled. It follows a unit programmer (executing unit 785): logging in, seeing their
// own unit, and being refused everything outside their scope, both on screen and by the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startYawar, watchPage } from './harness.js';

const WAIT_MS = 30_000;
const PROGRAMMER = 'demo.programador';
const OWN_UNIT = '785';
const OTHER_UNIT = '787';
/** packages/web/src/i18n/dictionary.ts, `login.error.invalid_credentials` (Spanish is the default). */
const INVALID_CREDENTIALS_ES = 'Usuario o contraseña incorrectos.';

interface DemoAccounts {
  items: { username: string; role: string; scopeLabel: string }[];
  password: string | null;
}

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

/** Runs `fetch` inside the page, so it carries the page's session cookie (or lack of one). */
function fetchInPage(path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
  }, path);
}

async function logIn(username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function expectForbiddenPage(path: string): Promise<void> {
  await page.goto(new URL(path, yawar.baseUrl).href);
  await page.getByTestId('forbidden').waitFor({ timeout: WAIT_MS });
  // Still logged in: a 403 must not be mistaken for an expired session.
  expect(new URL(page.url()).pathname).toBe(path);
  await page.getByTestId('current-user').waitFor({ timeout: WAIT_MS });
}

describe('accounts, roles and scopes', () => {
  beforeAll(async () => {
    yawar = await startYawar();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watchPage(page, pageErrors, cspViolations);
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('lets a unit programmer into their own unit only, then out again', async () => {
    const demoResponse = await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl));
    expect(demoResponse.status).toBe(200);
    const demo = (await demoResponse.json()) as DemoAccounts;
    expect(demo.items.map((item) => item.username)).toContain(PROGRAMMER);
    expect(demo.password).toEqual(expect.any(String));
    const password = demo.password ?? '';

    // Not logged in: the header offers "Ingresar" and the login page lists the DEMO accounts.
    await page.goto(yawar.baseUrl);
    await page.getByTestId('login-link').click();
    await page.waitForURL((url) => url.pathname === '/login', { timeout: WAIT_MS });
    await page.getByTestId('demo-accounts').waitFor({ timeout: WAIT_MS });

    // A wrong password is refused with the invalid_credentials message, and no session.
    await logIn(PROGRAMMER, `${password}-wrong`);
    const error = page.getByTestId('login-error');
    await error.waitFor({ timeout: WAIT_MS });
    expect(await error.textContent()).toBe(INVALID_CREDENTIALS_ES);
    expect((await fetchInPage('/api/auth/me')).status).toBe(401);

    // The right one: back to the map, with the user in the header.
    await logIn(PROGRAMMER, password);
    const currentUser = page.getByTestId('current-user');
    await currentUser.waitFor({ timeout: WAIT_MS });
    expect(new URL(page.url()).pathname).toBe('/');
    const me = (await fetchInPage('/api/auth/me')) as {
      status: number;
      body: {
        user: {
          displayName: string;
          role: string;
          scope: { kind: string; code: string; label: string };
        };
      };
    };
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('unit_programmer');
    expect(me.body.user.scope).toMatchObject({ kind: 'executing_unit', code: OWN_UNIT });
    const headerText = await currentUser.textContent();
    expect(headerText).toContain(me.body.user.displayName);
    expect(headerText).toContain(me.body.user.scope.label);
    expect(headerText).toContain('DEMO');
    // No links to pages this role cannot use.
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);

    // "Mi unidad": unit 785 with every one of its establishments.
    await page.getByTestId('nav-my-unit').click();
    await page.waitForURL((url) => url.pathname === `/unidades/${OWN_UNIT}`, { timeout: WAIT_MS });
    await page.getByTestId('unit-establishments').waitFor({ timeout: WAIT_MS });
    const unit = (await fetchInPage(`/api/executing-units/${OWN_UNIT}`)) as {
      status: number;
      body: { unit: { name: string }; establishments: { code: string }[] };
    };
    expect(unit.status).toBe(200);
    expect(unit.body.establishments.length).toBeGreaterThan(0);
    expect(await page.getByTestId('unit-name').textContent()).toBe(unit.body.unit.name);
    const rows = page.getByTestId('unit-establishment-row');
    expect(await rows.count()).toBe(unit.body.establishments.length);
    const shownCodes = await rows.locator('td:first-child').allTextContents();
    expect(new Set(shownCodes)).toEqual(new Set(unit.body.establishments.map((e) => e.code)));

    // Editing the URL to another unit: refused on screen and by the API.
    await expectForbiddenPage(`/unidades/${OTHER_UNIT}`);
    const other = await fetchInPage(`/api/executing-units/${OTHER_UNIT}`);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'forbidden' } });

    // Administration pages: refused too.
    await expectForbiddenPage('/admin/usuarios');
    expect((await fetchInPage('/api/users')).status).toBe(403);
    await expectForbiddenPage('/admin/auditoria');
    expect((await fetchInPage('/api/audit')).status).toBe(403);

    // Logging out: the header offers "Ingresar" again and the session is gone on the server.
    await page.getByTestId('logout').click();
    const loginLink = page.getByTestId('login-link');
    await loginLink.waitFor({ timeout: WAIT_MS });
    expect((await loginLink.textContent())?.trim()).toBe('Ingresar');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    expect((await fetchInPage('/api/auth/me')).status).toBe(401);

    // A page that needs a session sends to the login form, and back after logging in.
    await page.goto(new URL(`/unidades/${OWN_UNIT}`, yawar.baseUrl).href);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: WAIT_MS });
    await logIn(PROGRAMMER, password);
    await page.waitForURL((url) => url.pathname === `/unidades/${OWN_UNIT}`, { timeout: WAIT_MS });
    await page.getByTestId('unit-establishments').waitFor({ timeout: WAIT_MS });

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
