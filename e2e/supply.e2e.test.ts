// End-to-end test of the supply pages against the real server without simulated history. A DIRESA
// planner uploads a small consumption and stock history with one bad row and sees it refused with
// the row and column (nothing is written), fixes it and imports it, then opens the stock-status
// dashboard: the department's availability and its class counts, the map of establishments, and
// the products of one establishment with their DIGEMID class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startYawar, watchPage } from './harness.js';

const WAIT_MS = 60_000;
const PLANNER = 'demo.planificador';
// packages/web/src/components/supply/SupplyMap.tsx, SUPPLY_LAYER_IDS.establishments.
const POINTS_LAYER_ID = 'supply-establishments';

interface DemoAccounts {
  password: string | null;
}

/**
 * Twelve months of 2025 in unit 785 (network Celendín): LLANGUAT dispenses 30 drop bottles a
 * month and ends December with 90 (MED 3: normostock) and no sachets (desabastecido); CHUMUCH
 * dispenses 10 and holds 100 (MED 10: sobrestock). Availability: (1/2 + 1/1) ÷ 2 = 75 %, Regular.
 */
const HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento';
const GOOD = [
  HEADER,
  ...Array.from({ length: 12 }, (_, i) => {
    const month = `2025-${String(i + 1).padStart(2, '0')}`;
    const december = i === 11;
    return [
      `785,4467,FE-SF-GOT-30,${month},30,${december ? 90 : 60},0`,
      `785,4467,MMN-SOB-1G,${month},300,${december ? 0 : 600},${december ? 4 : 0}`,
      `785,4479,FE-SF-GOT-30,${month},10,${december ? 100 : 40},0`,
    ].join('\n');
  }),
].join('\n');
/** April has 30 days: 31 days without stock is impossible. Line 38 of the file. */
const BAD = `${GOOD}\n785,4467,HB-LANCETA,2025-04,10,20,31`;

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';
const digits = (value: string) => Number(value.replace(/\D/g, ''));

async function upload(name: string, csv: string): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  expect(await text('import-file')).toContain(name);
  await page.getByTestId('import-submit').click();
}

/** The stock status as the page's session sees it. */
const stockStatus = () =>
  page.evaluate(async () => {
    const response = await fetch('/api/supply/stock-status?department=06');
    return (await response.json()) as { month: string | null };
  });

/** Establishments MapLibre drew, with their level; self-contained because Playwright serialises it. */
const renderedPoints = (layer: string) =>
  page.evaluate(
    (id) =>
      new Promise<string[]>((resolve) => {
        const map = (
          globalThis as unknown as {
            __yawarSupplyMap?: {
              queryRenderedFeatures(o: { layers: string[] }): {
                properties: Record<string, unknown>;
              }[];
              once(event: 'idle', listener: () => void): void;
              triggerRepaint(): void;
            };
          }
        ).__yawarSupplyMap;
        if (!map) return resolve([]);
        map.once('idle', () =>
          resolve(
            map
              .queryRenderedFeatures({ layers: [id] })
              .map((f) => `${String(f.properties['code'])}:${String(f.properties['level'])}`),
          ),
        );
        map.triggerRepaint();
      }),
    layer,
  );

describe('supply pages', () => {
  beforeAll(async () => {
    yawar = await startYawar();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    watchPage(page, pageErrors, cspViolations);
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('refuses a bad history, imports the fixed one, and shows availability down to the products', async () => {
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as DemoAccounts;

    await page.goto(new URL('/abastecimiento/importar', yawar.baseUrl).href);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: WAIT_MS });
    await page.getByTestId('login-username').fill(PLANNER);
    await page.getByTestId('login-password').fill(demo.password ?? '');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/abastecimiento/importar', {
      timeout: WAIT_MS,
    });
    await page.getByTestId('supply-import-page').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('nav-supply-import').getAttribute('aria-current')).toBe('page');
    expect(await text('supply-required-columns')).toContain('dias_desabastecimiento');
    expect(await text('supply-product-codes')).toContain('MMN-SOB-1G');

    // One bad row: the whole file is refused, with the row and the column.
    await upload('historial-e2e.csv', BAD);
    const errors = page.getByTestId('supply-import-errors');
    await errors.waitFor({ timeout: WAIT_MS });
    expect(await errors.textContent()).toContain('No se importó nada: el archivo tiene 1 error');
    const cells = await page
      .getByTestId('supply-import-error-row')
      .first()
      .locator('td')
      .allTextContents();
    expect(cells).toEqual(['38', 'dias_desabastecimiento', '31 is outside 0…30']);
    expect((await stockStatus()).month).toBeNull();

    // Fixed: imported, 36 rows in one batch.
    await upload('historial-e2e.csv', GOOD);
    const result = page.getByTestId('supply-import-result');
    await result.waitFor({ timeout: WAIT_MS });
    expect(await result.textContent()).toMatch(/Se importaron 36 filas, lote \S+: 36 nuevas/);

    // The dashboard: department figure, class counts, the map.
    await page.getByTestId('supply-import-view').click();
    await page.waitForURL((url) => url.pathname === '/abastecimiento', { timeout: WAIT_MS });
    await page.getByTestId('supply-key-figures').waitFor({ timeout: WAIT_MS });
    expect(digits(await text('supply-availability'))).toBe(750); // 75,0 %
    expect(await text('supply-availability-level')).toBe('Regular');
    expect(await page.getByTestId('supply-availability').getAttribute('title')).toContain(
      '(normostock + sobrestock) ÷ productos evaluados',
    );
    expect(digits(await text('supply-count-normostock'))).toBe(1);
    expect(digits(await text('supply-count-sobrestock'))).toBe(1);
    expect(digits(await text('supply-count-desabastecido'))).toBe(1);
    expect(digits(await text('supply-count-substock'))).toBe(0);
    expect(await page.getByTestId('supply-simulated-badge').count()).toBe(0);
    await page.waitForSelector('body[data-supply-map-ready="true"]', { timeout: WAIT_MS });
    expect((await renderedPoints(POINTS_LAYER_ID)).sort()).toEqual([
      '00004467:bajo',
      '00004479:optimo',
    ]);

    // The table by network, drilled into Celendín, then one establishment's products.
    const rows = page.getByTestId('supply-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-code')).toBe('06/CELENDIN');
    await rows.first().getByTestId('supply-drill').click();
    await page.waitForURL((url) => url.searchParams.get('in') === 'network:06/CELENDIN');
    expect(await rows.count()).toBe(2);
    await page
      .locator('[data-testid="supply-row"][data-code="00004467"]')
      .getByTestId('supply-open')
      .click();
    const detail = page.getByTestId('supply-establishment');
    await page.getByTestId('supply-products').waitFor({ timeout: WAIT_MS });
    expect(await text('supply-establishment-title')).toContain('LLANGUAT');
    const classes = await detail.getByTestId('supply-product-class').allTextContents();
    expect(classes.map((c) => c.trim())).toEqual(['Normostock', 'Desabastecido']);
    const med = page
      .locator('[data-testid="supply-product"][data-code="FE-SF-GOT-30"] td')
      .nth(3)
      .locator('.explained');
    expect(await med.getAttribute('title')).toContain('90 ÷ 30 = 3 → 3.0');

    // A reload keeps the drill-down: it lives in the URL.
    await page.reload();
    await page.getByTestId('supply-products').waitFor({ timeout: WAIT_MS });

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
