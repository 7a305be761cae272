// End-to-end test of the map page against the real server with the Cajamarca data loaded.
// It checks what a planner sees: the counts, that a category filter changes both the count and
// the markers actually rendered by MapLibre, and that search opens the details panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startYawar } from './harness.js';

// Layer id of the establishment circles (packages/web/src/map/layers.ts, LAYER_IDS.establishments).
const ESTABLISHMENTS_LAYER_ID = 'establishments-circle';
const WAIT_MS = 60_000;

interface EstablishmentCollection {
  features: {
    geometry: { coordinates: [number, number] } | null;
    properties: { code: string; name: string; category: string; coordinateStatus: string };
  }[];
}

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let page: Page;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, yawar.baseUrl));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const countWithCoordinates = (collection: EstablishmentCollection) =>
  collection.features.filter((feature) => feature.geometry !== null).length;

type Bounds = [west: number, south: number, east: number, north: number];

/** Establishments whose point lies in the map's view: what MapLibre can render. */
const inView = (collection: EstablishmentCollection, [west, south, east, north]: Bounds) =>
  collection.features.filter((feature) => {
    const [lon, lat] = feature.geometry?.coordinates ?? [NaN, NaN];
    return lon >= west && lon <= east && lat >= south && lat <= north;
  });

/** Runs in the page: the map's visible bounds. */
const viewBounds = () => {
  const map = (globalThis as unknown as { __yawarMap?: RenderedMap }).__yawarMap;
  return map?.getBounds().toArray().flat() ?? [0, 0, 0, 0];
};

async function shownCount(): Promise<number> {
  return Number(await page.getByTestId('count-establishments-shown').textContent());
}

/** The slice of the MapLibre Map API the test uses (the e2e project has no DOM typings). */
interface RenderedMap {
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
  getBounds(): { toArray(): [[number, number], [number, number]] };
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
}

/**
 * Runs in the page: distinct establishment codes MapLibre has rendered, read when the map is
 * idle (all GeoJSON tiled and drawn). Self-contained because Playwright serialises it.
 */
const countRenderedCodes = (layer: string) =>
  new Promise<number>((resolve) => {
    const map = (globalThis as unknown as { __yawarMap?: RenderedMap }).__yawarMap;
    if (!map) return resolve(-1);
    map.once('idle', () => {
      const features = map.queryRenderedFeatures({ layers: [layer] });
      resolve(new Set(features.map((feature) => feature.properties['code'])).size);
    });
    // Force a frame so `idle` fires even if the map is already idle.
    map.triggerRepaint();
  });

/** Waits (by polling, not sleeping) until the map renders `expected` distinct markers. */
async function expectRenderedMarkers(expected: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(countRenderedCodes, ESTABLISHMENTS_LAYER_ID), {
      timeout: WAIT_MS,
      interval: 250,
    })
    .toBe(expected);
}

describe('map page', () => {
  beforeAll(async () => {
    yawar = await startYawar();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('shows the Cajamarca network, filters by category and finds an establishment by code', async () => {
    const all = await getJson<EstablishmentCollection>('/api/establishments?department=06');
    const i4 = await getJson<EstablishmentCollection>(
      '/api/establishments?department=06&category=I-4',
    );
    const summary = await getJson<{ districts: number; establishmentsWithCoordinates: number }>(
      '/api/summary?department=06',
    );
    const allDrawable = countWithCoordinates(all);
    expect(allDrawable).toBe(summary.establishmentsWithCoordinates);
    const i4Drawable = countWithCoordinates(i4);
    expect(i4.features.length).toBeGreaterThan(0);

    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(yawar.baseUrl);
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: WAIT_MS });

    // Counts in the header.
    await expect
      .poll(() => page.getByTestId('count-districts').textContent(), { timeout: WAIT_MS })
      .toBe(String(summary.districts));
    expect(summary.districts).toBe(127);
    expect(await shownCount()).toBe(allDrawable);
    // Every establishment in view is drawn; the only ones out of the framed department are points
    // flagged outside their district (RENAES places 00019286 GORDILLOS in Cusco).
    const bounds = (await page.evaluate(viewBounds)) as Bounds;
    const visible = inView(all, bounds);
    const outOfView = all.features.filter((f) => f.geometry !== null && !visible.includes(f));
    expect(outOfView.every((f) => f.properties.coordinateStatus === 'outside_district')).toBe(true);
    expect(visible.length).toBeGreaterThan(allDrawable - 5);
    await expectRenderedMarkers(visible.length);

    // Category I-4 only: the header count and the rendered markers follow.
    await page.getByTestId('categories-none').click();
    await page.getByTestId('category-I-4').check();
    await expect.poll(shownCount, { timeout: WAIT_MS }).toBe(i4Drawable);
    await expectRenderedMarkers(inView(i4, bounds).length);

    // Search by RENIPRESS code; the result is outside the I-4 filter but can still be selected.
    const chilimpampa = await getJson<EstablishmentCollection['features'][number]>(
      '/api/establishments/00004612',
    );
    expect(chilimpampa.properties.name).toBe('CHILIMPAMPA');
    await page.getByTestId('search-input').fill('00004612');
    const result = page.getByTestId('search-result').filter({ hasText: '00004612' });
    await result.first().click();
    const panel = page.getByTestId('details-panel');
    await expect
      .poll(() => panel.getByTestId('details-title').textContent(), { timeout: WAIT_MS })
      .toBe(chilimpampa.properties.name);
    expect(await panel.getByTestId('details-category').textContent()).toBe(
      chilimpampa.properties.category,
    );
    expect(await panel.getByTestId('details-code').textContent()).toBe('00004612');

    expect(pageErrors).toEqual([]);
  });
});
