// End-to-end test of what the surveillance page says about its sources: the altitude behind the
// classifications (record, populated place, establishment, district capital) per area, and the
// ENDES/INEI series by method — INEI's official departmental figures as the department line, the
// subsample's departmental cells only as a labelled validation in the table.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  getJsonAs,
  logInAt,
  openWatchedPage,
  startYawar,
} from './harness.js';

const WAIT_MS = 90_000;

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

/** "34.6 %" or "34,6 %" (the reader's locale) → "34,6%". */
const plain = (value: string) => value.replace(/\s/g, '').replace('.', ',');

interface AltitudeSources {
  items: { n: number; shares: Record<string, number> }[];
}

describe('surveillance page: altitude sources and INEI series by method', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await openWatchedPage(browser, pageErrors, cspViolations);
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('shows the altitude-source shares and INEI official figures labelled by method', async () => {
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as {
      password: string;
    };
    await logInAt(
      page,
      {
        baseUrl: yawar.baseUrl,
        username: 'demo.planificador',
        password: demo.password,
        timeout: WAIT_MS,
      },
      '/vigilancia',
    );
    await page.waitForSelector('body[data-surveillance-ready="true"]', { timeout: WAIT_MS });

    // The department bar has one segment per source used, its widths the API's shares.
    const api = await getJsonAs<AltitudeSources>(
      page,
      yawar.baseUrl,
      '/api/surveillance/altitude-sources?department=06&area=department',
    );
    const department = page.getByTestId('alt-department');
    await department.waitFor({ timeout: WAIT_MS });
    const segments = department.locator('.alt-segment');
    const shown = await segments.evaluateAll((nodes) =>
      nodes.map((node) => [
        node.getAttribute('data-source'),
        Number(node.getAttribute('data-share')),
      ]),
    );
    const expected = Object.entries(api.items[0]?.shares ?? {}).filter(([, share]) => share > 0);
    expect(shown).toEqual(expected);
    // Every simulated child names a place or falls back: the panel says how much is approximate.
    expect(await department.textContent()).toMatch(/aproximada/);
    expect(await page.getByTestId('altitude-sources').textContent()).toContain('SIMULADO');

    // Default rule nts-213-2024: the department line is INEI's RM 251-2024 figures for Cajamarca.
    const chart = page.getByTestId('trend-chart');
    expect(await chart.getByTestId('legend-official-department').textContent()).toContain(
      'RM 251-2024',
    );
    expect(await chart.getByTestId('official-department-point').count()).toBe(2);
    expect(await chart.getByTestId('endes-point').count()).toBe(0);

    // The table: one block per method, INEI's cited values, subsample cells as validation only.
    const newMethod = page.getByTestId('endes-method-rm-251-2024');
    const figures = await newMethod.getByTestId('official-figure').allTextContents();
    expect(figures.map(plain)).toEqual(expect.arrayContaining(['34,6%', '35,3%', '40%']));
    expect(await page.getByTestId('endes-table').textContent()).toContain(
      'validación, no es estimación',
    );
    expect(
      (
        await page
          .getByTestId('endes-method-previous')
          .getByTestId('official-figure')
          .allTextContents()
      )
        .map(plain)
        .includes('43,7%'),
    ).toBe(true);

    // The legacy rule: the department line becomes INEI's previous-method figure (2018).
    await page.getByTestId('surveillance-rule').selectOption('who-2011');
    await expect
      .poll(() => chart.getByTestId('legend-official-department').textContent(), {
        timeout: WAIT_MS,
      })
      .toContain('método anterior');
    expect(await chart.getByTestId('official-department-point').count()).toBe(1);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
