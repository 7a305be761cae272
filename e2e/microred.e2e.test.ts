// End-to-end test of the microred level against the real server with the Cajamarca data and the
// demo data loaded: the map filtered by a microred (markers, counts and its approximate outline),
// the surveillance table narrowed to a microred's establishments, and the follow-up page listing
// a microred's establishments to pick from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  digitsOf,
  logInAt,
  openWatchedPage,
  startYawar,
} from './harness.js';

// packages/web/src/map/layers.ts, LAYER_IDS.
const ESTABLISHMENTS_LAYER_ID = 'establishments-circle';
const OUTLINE_LAYER_ID = 'microred-outline-line';
const WAIT_MS = 60_000;
const MICRORED = '06/CHOTA/CHOTA';
const PLANNER = 'demo.planificador';

interface EstablishmentCollection {
  features: {
    geometry: unknown;
    properties: { code: string; network: string | null; microred: string | null };
  }[];
}
interface DemoAccounts {
  password: string | null;
}

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, yawar.baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The slice of the MapLibre Map API the test uses (the e2e project has no DOM typings). */
interface RenderedMap {
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
}

/**
 * Runs in the page: distinct values of `key` MapLibre has rendered in `layer` of the map exposed
 * as `handle` (the network map by default), once idle.
 */
const renderedValues = ({ layer, key, handle }: { layer: string; key: string; handle?: string }) =>
  new Promise<string[]>((resolve) => {
    const map = (globalThis as unknown as Record<string, RenderedMap | undefined>)[
      handle ?? '__yawarMap'
    ];
    if (!map) return resolve([]);
    map.once('idle', () => {
      const features = map.queryRenderedFeatures({ layers: [layer] });
      resolve([...new Set(features.map((feature) => String(feature.properties[key])))].sort());
    });
    map.triggerRepaint();
  });

async function password(): Promise<string> {
  const demo = await getJson<DemoAccounts>('/api/auth/demo-accounts');
  expect(demo.password).toEqual(expect.any(String));
  return demo.password ?? '';
}

describe('the microred level in the browser', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('filters the map by microred and draws its approximate outline', async () => {
    const all = await getJson<EstablishmentCollection>('/api/establishments?department=06');
    const inMicrored = all.features.filter(
      (f) => `06/${f.properties.network}/${f.properties.microred}` === MICRORED,
    );
    const drawable = inMicrored.filter((f) => f.geometry !== null);
    expect(drawable.length).toBeGreaterThan(20);

    const page: Page = await openWatchedPage(browser, pageErrors, cspViolations);
    await page.goto(yawar.baseUrl);
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: WAIT_MS });
    const shown = async () =>
      digitsOf(await page.getByTestId('count-establishments-shown').textContent());
    expect(await shown()).toBeGreaterThan(drawable.length);
    expect(await page.getByTestId('legend-microred-outline').count()).toBe(0);

    await page.getByTestId('microred-select').selectOption(MICRORED);
    await expect.poll(shown, { timeout: WAIT_MS }).toBe(drawable.length);
    // Choosing a microred narrows the red to its own.
    expect(await page.getByTestId('network-select').inputValue()).toBe('CHOTA');
    // Only the microred's establishments are rendered, and its outline with them.
    await expect
      .poll(() => page.evaluate(renderedValues, { layer: ESTABLISHMENTS_LAYER_ID, key: 'code' }), {
        timeout: WAIT_MS,
        interval: 250,
      })
      .toEqual(drawable.map((f) => f.properties.code).sort());
    await expect
      .poll(() => page.evaluate(renderedValues, { layer: OUTLINE_LAYER_ID, key: 'code' }), {
        timeout: WAIT_MS,
        interval: 250,
      })
      .toEqual([MICRORED]);
    // The legend says what the outline is: an envelope, not an official boundary.
    const legend = page.getByTestId('legend-microred-outline');
    expect(await legend.textContent()).toContain('Contorno aproximado');
    expect(await legend.textContent()).toContain('no tienen límite oficial');

    // Reset: every establishment again, no outline.
    await page.getByRole('button', { name: 'Restablecer' }).click();
    await expect.poll(shown, { timeout: WAIT_MS }).toBeGreaterThan(drawable.length);
    await expect
      .poll(() => page.evaluate(renderedValues, { layer: OUTLINE_LAYER_ID, key: 'code' }), {
        timeout: WAIT_MS,
      })
      .toEqual([]);
    await page.close();
  });

  it('narrows the surveillance table to the establishments of a microred', async () => {
    const page = await openWatchedPage(browser, pageErrors, cspViolations);
    await logInAt(
      page,
      { baseUrl: yawar.baseUrl, username: PLANNER, password: await password(), timeout: WAIT_MS },
      '/vigilancia',
    );
    await page.waitForSelector('body[data-surveillance-ready="true"]', { timeout: WAIT_MS });
    const rows = page.getByTestId('prevalence-table').getByTestId('prevalence-row');

    // By microred: one row per microred (and the establishments without one).
    await page.getByTestId('surveillance-area').selectOption('microred');
    await expect.poll(() => rows.count(), { timeout: WAIT_MS }).toBeGreaterThan(40);

    // Establishments of microred CHOTA only: the same rows the API gives for that filter.
    await page.getByTestId('surveillance-area').selectOption('establishment');
    await page.getByTestId('surveillance-microred').selectOption(MICRORED);
    const expected = await page.request.get(
      new URL(
        `/api/surveillance/prevalence?department=06&area=establishment&period=all&ageFrom=6&ageTo=35&microred=${encodeURIComponent(MICRORED)}`,
        yawar.baseUrl,
      ).href,
    );
    expect(expected.status()).toBe(200);
    const items = ((await expected.json()) as { items: { areaName: string }[] }).items;
    expect(items.length).toBeGreaterThan(3);
    await expect.poll(() => rows.count(), { timeout: WAIT_MS }).toBe(items.length);
    const names = (await rows.locator('.cell-main').allTextContents()).map((n) => n.trim());
    expect(names.sort()).toEqual(items.map((i) => i.areaName).sort());
    // Each establishment row names its red and microred.
    const labels = await rows.getByTestId('prevalence-row-microred').allTextContents();
    expect(labels).toHaveLength(items.length);
    expect(new Set(labels.map((l) => l.trim()))).toEqual(new Set(['Red CHOTA · Microrred CHOTA']));
    expect(new URL(page.url()).searchParams.get('microred')).toBe(MICRORED);
    // The district map outlines the microred, and says what the outline is.
    await expect
      .poll(
        () =>
          page.evaluate(renderedValues, {
            layer: OUTLINE_LAYER_ID,
            key: 'code',
            handle: '__yawarSurveillanceMap',
          }),
        { timeout: WAIT_MS, interval: 250 },
      )
      .toEqual([MICRORED]);
    expect(await page.getByTestId('surveillance-microred-outline').textContent()).toContain(
      'Contorno aproximado',
    );

    // The export carries the microred and its red on every row.
    const csv = await page.request.get(
      new URL(
        `/api/surveillance/export?format=csv&department=06&area=establishment&microred=${encodeURIComponent(MICRORED)}`,
        yawar.baseUrl,
      ).href,
    );
    const [header = '', ...lines] = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header.split(',').slice(-2)).toEqual(['red', 'microrred']);
    for (const line of lines) expect(line.endsWith(',CHOTA,CHOTA')).toBe(true);
    await page.close();
  });

  it('lets a planner pick a microred, then one of its establishments, on the follow-up page', async () => {
    const all = await getJson<EstablishmentCollection>('/api/establishments?department=06');
    const inMicrored = all.features.filter(
      (f) => `06/${f.properties.network}/${f.properties.microred}` === MICRORED,
    );
    const page = await openWatchedPage(browser, pageErrors, cspViolations);
    await logInAt(
      page,
      { baseUrl: yawar.baseUrl, username: PLANNER, password: await password(), timeout: WAIT_MS },
      '/seguimiento',
    );
    await page.getByTestId('follow-up-microred').selectOption(MICRORED);
    const list = page.getByTestId('follow-up-microred-list').getByRole('button');
    await expect.poll(() => list.count(), { timeout: WAIT_MS }).toBe(inMicrored.length);
    await list.first().click();
    await page.waitForURL((url) => /^\/seguimiento\/\d{8}$/.test(url.pathname), {
      timeout: WAIT_MS,
    });
    const code = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(inMicrored.map((f) => f.properties.code)).toContain(code);
    await page.getByTestId('follow-up-name').waitFor({ timeout: WAIT_MS });
    await page.close();
  });

  it('shows stock status by microred, drills into one and outlines it on the supply map', async () => {
    const all = await getJson<EstablishmentCollection>('/api/establishments?department=06');
    const inMicrored = new Set(
      all.features
        .filter((f) => `06/${f.properties.network}/${f.properties.microred}` === MICRORED)
        .map((f) => f.properties.code),
    );
    const page = await openWatchedPage(browser, pageErrors, cspViolations);
    await logInAt(
      page,
      { baseUrl: yawar.baseUrl, username: PLANNER, password: await password(), timeout: WAIT_MS },
      '/abastecimiento?level=microred',
      (pathname) => pathname === '/abastecimiento',
    );
    await page.waitForSelector('body[data-supply-map-ready="true"]', { timeout: WAIT_MS });
    const row = page.locator(`[data-testid="supply-row"][data-code="${MICRORED}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    await row.getByTestId('supply-drill').click();
    await page.waitForURL((url) => url.searchParams.get('in') === `microred:${MICRORED}`, {
      timeout: WAIT_MS,
    });
    // The table lists the microred's establishments only.
    const codes = await page
      .getByTestId('supply-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(inMicrored.has(code), code).toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(renderedValues, {
            layer: OUTLINE_LAYER_ID,
            key: 'code',
            handle: '__yawarSupplyMap',
          }),
        { timeout: WAIT_MS, interval: 250 },
      )
      .toEqual([MICRORED]);
    await page.close();
  });

  it('raised no page error and no CSP violation', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
