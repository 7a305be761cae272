// End-to-end test of the anemia surveillance page against the real server with the simulated demo
// screenings loaded. It follows a DIRESA planner: the choropleth draws the districts with their
// estimates, the department figure changes with the rule set, the reclassification box counts the
// children who change class, and the XLSX export holds the rows the table shows.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startYawar, watchPage } from './harness.js';

const WAIT_MS = 90_000;
const PLANNER = 'demo.planificador';
// packages/web/src/map/surveillanceLayers.ts, SURVEILLANCE_LAYER_IDS.fill.
const FILL_LAYER_ID = 'surveillance-fill';

interface DemoAccounts {
  password: string | null;
}

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

/** The slice of the MapLibre Map API the test uses (the e2e project has no DOM typings). */
interface RenderedMap {
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
}

/**
 * Runs in the page once the map is idle: how many distinct districts MapLibre drew, and how many
 * of them with a numeric estimate in [0, 1]. Self-contained because Playwright serialises it.
 */
const renderedDistricts = (layer: string) =>
  new Promise<{ districts: number; withEstimate: number }>((resolve) => {
    const map = (globalThis as unknown as { __yawarSurveillanceMap?: RenderedMap })
      .__yawarSurveillanceMap;
    if (!map) return resolve({ districts: -1, withEstimate: -1 });
    map.once('idle', () => {
      const features = map.queryRenderedFeatures({ layers: [layer] });
      const all = new Set(features.map((f) => f.properties['ubigeo']));
      const withEstimate = new Set(
        features
          .filter((f) => {
            const estimate = f.properties['estimate'];
            return typeof estimate === 'number' && estimate >= 0 && estimate <= 1;
          })
          .map((f) => f.properties['ubigeo']),
      );
      resolve({ districts: all.size, withEstimate: withEstimate.size });
    });
    map.triggerRepaint();
  });

const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';
/** Digits only: the page formats numbers for the reader's locale ("2,495" or "2.495"). */
const integer = (value: string) => Number(value.replace(/\D/g, ''));

describe('anemia surveillance page', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    watchPage(page, pageErrors, cspViolations);
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('maps prevalence by district, follows the rule set and exports the table', async () => {
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as DemoAccounts;
    expect(demo.password).toEqual(expect.any(String));

    // Straight to the page: it needs a session, so the login form comes first and then returns.
    await page.goto(new URL('/vigilancia', yawar.baseUrl).href);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: WAIT_MS });
    await page.getByTestId('login-username').fill(PLANNER);
    await page.getByTestId('login-password').fill(demo.password ?? '');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/vigilancia', { timeout: WAIT_MS });
    await page.waitForSelector('body[data-surveillance-ready="true"]', { timeout: WAIT_MS });
    expect(await page.getByTestId('nav-surveillance').getAttribute('aria-current')).toBe('page');

    // The demo database is simulated, and the page says so.
    expect(await text('simulated-banner')).toContain('SIMULADO');

    // The choropleth: every district drawn, most with an estimate (the rest suppressed).
    const rendered = await page.evaluate(renderedDistricts, FILL_LAYER_ID);
    expect(rendered.districts).toBe(127);
    expect(rendered.withEstimate).toBeGreaterThan(50);

    // Department-wide figures, each with its formula as a tooltip.
    const totalN = integer(await text('surveillance-total-n'));
    expect(totalN).toBeGreaterThan(1000);
    const defaultEstimate = await text('surveillance-total-estimate');
    expect(defaultEstimate).toMatch(/^\d+([.,]\d)? %$/);
    const tooltip = await page.getByTestId('surveillance-total-estimate').getAttribute('title');
    expect(tooltip).toContain('Wilson');
    expect(tooltip).toContain('NTS');

    // Another rule set: the department figure changes and the reclassification box counts the
    // children who change class between the two rules.
    await page.getByTestId('surveillance-rule').selectOption('who-2011');
    await expect
      .poll(() => text('surveillance-total-estimate'), { timeout: WAIT_MS })
      .not.toBe(defaultEstimate);
    await page.waitForSelector('body[data-surveillance-ready="true"]', { timeout: WAIT_MS });
    expect(new URL(page.url()).searchParams.get('rule')).toBe('who-2011');
    await expect
      .poll(async () => integer(await text('reclassification-changed')), { timeout: WAIT_MS })
      .toBeGreaterThan(0);

    // The XLSX export: a ZIP that ExcelJS opens, with a header and one row per table row.
    const rows = page.getByTestId('prevalence-table').getByTestId('prevalence-row');
    await expect.poll(() => rows.count(), { timeout: WAIT_MS }).toBeGreaterThan(50);
    const tableRows = await rows.count();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT_MS }),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const file = await readFile(path);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(1).values as unknown[]).filter((value) => value !== undefined);
    expect(header.length).toBeGreaterThan(5);
    expect(header.every((value) => typeof value === 'string')).toBe(true);
    expect((sheet?.actualRowCount ?? 0) - 1).toBe(tableRows);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('works for a viewer, who gets fixed age bands and whole months (issue 10, finding 11)', async () => {
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as DemoAccounts;
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const viewer = await context.newPage();
    watchPage(viewer, pageErrors, cspViolations);
    const refused: string[] = [];
    viewer.on('response', (response) => {
      if (response.url().includes('/api/surveillance/') && response.status() >= 400)
        refused.push(`${response.status()} ${response.url()}`);
    });
    // An old bookmark with day dates: the page asks for the whole months instead.
    await viewer.goto(
      new URL('/vigilancia?from=2025-03-17&to=2025-06-02&age=12-23', yawar.baseUrl).href,
    );
    await viewer.waitForURL((url) => url.pathname === '/login', { timeout: WAIT_MS });
    await viewer.getByTestId('login-username').fill('demo.visor');
    await viewer.getByTestId('login-password').fill(demo.password ?? '');
    await viewer.getByTestId('login-submit').click();
    await viewer.waitForURL((url) => url.pathname === '/vigilancia', { timeout: WAIT_MS });
    await viewer.waitForSelector('body[data-surveillance-ready="true"]', { timeout: WAIT_MS });
    expect(await viewer.getByTestId('surveillance-from').inputValue()).toBe('2025-03');
    expect(await viewer.getByTestId('surveillance-to').inputValue()).toBe('2025-06');
    await expect
      .poll(() => viewer.getByTestId('prevalence-row').count(), { timeout: WAIT_MS })
      .toBeGreaterThan(0);
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
