// End-to-end test of the follow-up page (children found anemic and their control tests) against
// the real server with the simulated demo screenings. A DIRESA planner picks the establishment
// with the most simulated children and sees the server's list as it is: same children, same order,
// same counts per status, and a CSV export of the rows on screen. A viewer, who may only see
// aggregates, gets the "no access" page.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  startYawar,
  digitsOf,
  openWatchedPage,
  logInAt,
  getJsonAs,
} from './harness.js';

const WAIT_MS = 90_000;
const PLANNER = 'demo.planificador';
const VIEWER = 'demo.visor';
const PATH = '/seguimiento';
const STATUSES = ['lost', 'overdue', 'on_track', 'completed'] as const;
/** Set to a directory to keep screenshots of the page (for reviewing its look). */
const SCREENSHOTS = process.env['YAWAR_E2E_SCREENSHOTS'];

interface DemoAccounts {
  password: string | null;
}
interface PrevalenceResponse {
  items: { areaCode: string; n: number }[];
}
interface FollowUpResponse {
  establishment: { code: string; name: string };
  today: string;
  simulated: boolean;
  counts: Record<(typeof STATUSES)[number], number>;
  items: { childRef: string; status: string }[];
}

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
const pageErrors: string[] = [];
const cspViolations: string[] = [];
let password = '';

const integer = digitsOf;

const newPage = () => openWatchedPage(browser, pageErrors, cspViolations);

const loginAt = (
  page: Page,
  username: string,
  target: string,
  landing?: (pathname: string) => boolean,
) =>
  logInAt(page, { baseUrl: yawar.baseUrl, username, password, timeout: WAIT_MS }, target, landing);

/** A GET with the page's session cookie (Playwright's request context shares the browser's). */
const apiGet = <T>(page: Page, url: string) => getJsonAs<T>(page, yawar.baseUrl, url);

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

describe('follow-up page', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as DemoAccounts;
    expect(demo.password).toEqual(expect.any(String));
    password = demo.password ?? '';
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('lists the children of the busiest establishment as the API does, and exports them', async () => {
    const page = await newPage();
    await loginAt(page, PLANNER, PATH);
    await page.getByTestId('follow-up-choose').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('nav-follow-up').getAttribute('aria-current')).toBe('page');

    // The establishment with the most simulated children screened.
    const prevalence = await apiGet<PrevalenceResponse>(
      page,
      '/api/surveillance/prevalence?department=06&area=establishment&period=all',
    );
    const busiest = [...prevalence.items].sort((a, b) => b.n - a.n)[0];
    expect(busiest?.n).toBeGreaterThan(0);
    const code = busiest?.areaCode ?? '';

    // Picked by its code in the search box: the choice goes into the URL.
    await page.getByTestId('follow-up-picker').fill(code);
    await page.getByTestId('follow-up-result').first().click();
    await page.waitForURL((url) => url.pathname === `${PATH}/${code}`, { timeout: WAIT_MS });
    // ... and survives a reload, as a shared link would.
    await page.reload();
    const table = page.getByTestId('follow-up-table');
    await table.waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('nav-follow-up').getAttribute('aria-current')).toBe('page');

    // The page evaluates as of the date it shows (today by default): ask the API for that date.
    const today = await page.getByTestId('follow-up-today').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const api = await apiGet<FollowUpResponse>(
      page,
      `/api/establishments/${code}/follow-up?today=${today}`,
    );
    expect(api.items.length).toBeGreaterThan(0);
    expect(api.simulated).toBe(true);
    expect(await page.getByTestId('follow-up-name').textContent()).toContain(
      api.establishment.name,
    );
    expect(await page.getByTestId('simulated-banner').textContent()).toContain('SIMULADO');

    // Default filter (all): the same children in the same order, with the same statuses.
    const rows = table.getByTestId('follow-up-row');
    expect(await table.getByTestId('follow-up-child').allTextContents()).toEqual(
      api.items.map((item) => item.childRef),
    );
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))),
    ).toEqual(api.items.map((item) => item.status));
    // The child reference is a pseudonym prefix, never an 8-digit DNI or a 10-digit CNV.
    for (const item of api.items) expect(item.childRef).not.toMatch(/^\d{8}(\d{2})?$/);

    // The count tabs are the API's counts.
    for (const status of STATUSES) {
      expect(integer(await page.getByTestId(`follow-up-count-${status}`).textContent())).toBe(
        api.counts[status],
      );
    }
    expect(integer(await page.getByTestId('follow-up-count-all').textContent())).toBe(
      api.items.length,
    );
    await screenshot(page, 'follow-up-all.png');

    // One status: only its children, and the filter is in the URL.
    const status = STATUSES.find((s) => api.counts[s] > 0) ?? 'lost';
    await page.getByTestId(`follow-up-tab-${status}`).click();
    await page.waitForURL((url) => url.searchParams.get('status') === status, {
      timeout: WAIT_MS,
    });
    expect(await rows.count()).toBe(api.counts[status]);
    expect(await table.getByTestId('follow-up-child').allTextContents()).toEqual(
      api.items.filter((item) => item.status === status).map((item) => item.childRef),
    );

    // The export holds exactly the rows on screen, named as simulated, with a BOM for Excel.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT_MS }),
      page.getByTestId('follow-up-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `yawar-seguimiento-SIMULADO-${code}-${today}-${status}.csv`,
    );
    const csv = await fs.readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\n');
    expect(lines[0]?.split(',').slice(0, 5)).toEqual([
      'codigo_renipress',
      'establecimiento',
      'red',
      'microrred',
      'ref_nino',
    ]);
    expect(lines).toHaveLength(api.counts[status] + 1);
    for (const line of lines.slice(1)) expect(line.startsWith(`${code},`)).toBe(true);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('shows a viewer the no-access page, without the menu link', async () => {
    const page = await newPage();
    await loginAt(page, VIEWER, PATH);
    await page.getByTestId('forbidden').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('nav-follow-up').count()).toBe(0);
    expect(await page.getByTestId('follow-up-table').count()).toBe(0);
    await screenshot(page, 'follow-up-forbidden.png');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
