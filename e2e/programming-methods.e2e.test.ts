// End-to-end test of the forecast methods of a programming line, against the real server on the
// demo round "Programación 2027": the unit programmer (UE 785) compares every method on a line's
// history in "¿Cómo se calculó?" and programs the line with the moving average from there; opens
// the anemia intervention tree (loaded only then) and finds the pending-validation notice and a
// product's demand; and switches a line to the intervention method, whose quantity becomes the
// tree's. Then CENARES opens a round with its own intervention coverage and wastage.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
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
const PROGRAMMER = 'demo.programador';
const ANALYST = 'demo.analista';
const ROUND = 'Programación 2027';
const METHODS = ['cpma', 'moving_average', 'linear_regression', 'holt_winters', 'intervention'];
/** A lancet per Hb test: a line the intervention tree always has a demand for. */
const TREE_LINE = 'HB-LANCETA';
/** Set to a directory to keep screenshots of the pages (for reviewing their look). */
const SCREENSHOTS = process.env['YAWAR_E2E_SCREENSHOTS'];

interface Alternative {
  method: string;
  usedMethod: string;
  quantity: number;
  errors: { wape: number | null } | null;
}
interface SheetLine {
  resourceCode: string;
  resourceName: string;
  method: string;
  prefillQuantity: number;
  computation: { method: string; steps: { key: string; value: number | null }[] };
  alternatives: Alternative[];
}
interface Sheet {
  programme: { id: number; version: number };
  round: { name: string };
  editable: boolean;
  lines: SheetLine[];
}
interface Intervention {
  tree: { pendingClinicalValidation: boolean } | null;
  demand: { resourceCode: string; quantity: number }[];
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

const apiGet = <T>(page: Page, url: string) => getJsonAs<T>(page, yawar.baseUrl, url);

/** A screenshot of one part of the page, when SCREENSHOTS is set. */
async function screenshot(part: Locator, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await part.screenshot({ path: path.join(SCREENSHOTS, name) });
}

const lineRow = (page: Page, code: string): Locator =>
  page.locator(`[data-testid="sheet-line"][data-resource-code="${code}"]`);

const lowestWape = (alternatives: Alternative[]): string[] => {
  const ranked = alternatives.filter(
    (a) => a.usedMethod === a.method && typeof a.errors?.wape === 'number',
  );
  const best = Math.min(...ranked.map((a) => a.errors?.wape ?? Infinity));
  return ranked.filter((a) => a.errors?.wape === best).map((a) => a.method);
};

describe('programming methods: comparison and intervention tree', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as { password: string | null };
    expect(demo.password).toEqual(expect.any(String));
    password = demo.password ?? '';
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('compares the methods of a line, uses one, and programs a line from the anemia tree', async () => {
    const page = await newPage();
    const treeRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/intervention')) treeRequests.push(request.url());
    });
    await loginAt(page, PROGRAMMER, '/programacion', (p) => /^\/programacion\/\d+$/.test(p));
    await page.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const sheet = await apiGet<Sheet>(page, `/api/programming/programmes/${id}`);
    expect(sheet.round.name).toBe(ROUND);
    expect(sheet.editable).toBe(true);

    // ── A line not on the moving average, where the moving average runs as itself.
    const line =
      sheet.lines.find(
        (l) =>
          l.method !== 'moving_average' &&
          l.alternatives.some(
            (a) =>
              a.method === 'moving_average' &&
              a.usedMethod === 'moving_average' &&
              a.quantity !== l.prefillQuantity,
          ),
      ) ?? sheet.lines.find((l) => l.method !== 'moving_average');
    if (!line) throw new Error('the demo programme has no line to compare');
    const row = lineRow(page, line.resourceCode);
    await row.getByTestId('line-explain-toggle').click();
    const explain = page.getByTestId('line-explain');
    const comparison = explain.getByTestId('method-comparison');
    await comparison.waitFor({ timeout: WAIT_MS });

    // One row per method, in Spanish, with the server's quantity; the lowest WAPE marked; a note
    // where a method fell back for lack of history.
    const rows = comparison.getByTestId('compare-row');
    expect(await rows.count()).toBe(METHODS.length);
    expect(line.alternatives.map((a) => a.method).sort()).toEqual([...METHODS].sort());
    const compareRow = (method: string) =>
      comparison.locator(`[data-testid="compare-row"][data-method="${method}"]`);
    expect(await compareRow('moving_average').locator('th').textContent()).toContain(
      'Promedio móvil',
    );
    expect(await compareRow('linear_regression').locator('th').textContent()).toContain(
      'Regresión lineal',
    );
    for (const alternative of line.alternatives) {
      const item = compareRow(alternative.method);
      expect(integer(await item.getByTestId('compare-quantity').textContent())).toBe(
        alternative.quantity,
      );
      expect(await item.getByTestId('compare-fallback').count(), alternative.method).toBe(
        alternative.usedMethod === alternative.method ? 0 : 1,
      );
    }
    const best = await comparison
      .locator('[data-testid="compare-row"][data-best="true"]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-method')));
    expect(best.sort()).toEqual(lowestWape(line.alternatives).sort());
    expect(await compareRow(line.method).getAttribute('aria-current')).toBe('true');
    expect(await compareRow(line.method).getByTestId('compare-use').count()).toBe(0);
    await screenshot(comparison, 'programming-compare.png');

    // "Usar este método" on the moving average: the line is saved with it and recomputed.
    const movingAverage = line.alternatives.find((a) => a.method === 'moving_average');
    await compareRow('moving_average').getByTestId('compare-use').click();
    await expect
      .poll(() => row.getByTestId('line-method').inputValue(), { timeout: WAIT_MS })
      .toBe('moving_average');
    await row.getByTestId('line-saved').waitFor({ timeout: WAIT_MS });
    expect(integer(await row.getByTestId('line-prefill').textContent())).toBe(
      movingAverage?.quantity,
    );
    // The panel stays open, now with the moving average in use.
    await expect
      .poll(() => compareRow('moving_average').getAttribute('aria-current'), { timeout: WAIT_MS })
      .toBe('true');
    const saved = await apiGet<Sheet>(page, `/api/programming/programmes/${id}`);
    expect(saved.programme.version).toBe(sheet.programme.version + 1);
    expect(saved.lines.find((l) => l.resourceCode === line.resourceCode)?.method).toBe(
      'moving_average',
    );
    await row.getByTestId('line-explain-toggle').click();

    // ── The intervention tree: not loaded until opened.
    expect(treeRequests).toEqual([]);
    const section = page.getByTestId('intervention-section');
    await section.getByTestId('intervention-toggle').click();
    await section.getByTestId('intervention-view').waitFor({ timeout: WAIT_MS });
    expect(treeRequests.length).toBe(1);
    const tree = await apiGet<Intervention>(page, `/api/programming/programmes/${id}/intervention`);
    expect(tree.tree?.pendingClinicalValidation).toBe(true);
    expect(await section.getByTestId('intervention-pending').textContent()).toContain(
      'Pendiente de validación clínica: regímenes transcritos de la NTS 213',
    );
    expect(await section.getByTestId('intervention-band').count()).toBe(3);
    expect(await section.getByTestId('tree-node').count()).toBeGreaterThan(10);
    // The 6–11 band renews twice a year (entrants = children × 12 ÷ 6) and the preventive drops
    // from 4 months are a node of their own.
    const node = (id: string) => section.locator(`[data-testid="tree-node"][data-node-id="${id}"]`);
    expect(await node('entrants-6-11').getAttribute('data-kind')).toBe('factor');
    expect(
      await node('entrants-6-11').locator('.prog-tree-formula').first().textContent(),
    ).toContain('12 ÷ 6');
    expect(await node('prevention-4-5').count()).toBe(1);
    const inSheet = (code: string) => saved.lines.some((l) => l.resourceCode === code);
    const demand =
      tree.demand.find((d) => d.resourceCode === TREE_LINE && inSheet(d.resourceCode)) ??
      tree.demand.find((d) => d.quantity > 0 && inSheet(d.resourceCode));
    if (!demand) throw new Error('the tree has no demand for a line of the sheet');
    const demandRow = section.locator(
      `[data-testid="intervention-demand-row"][data-resource-code="${demand.resourceCode}"]`,
    );
    expect(integer(await demandRow.getByTestId('intervention-demand-quantity').textContent())).toBe(
      Math.round(demand.quantity),
    );
    expect(demand.quantity).toBeGreaterThan(0);
    await screenshot(section, 'programming-intervention-tree.png');
    await screenshot(section.getByTestId('intervention-demand'), 'programming-tree-demand.png');

    // ── That line on the intervention method: its demand becomes the tree's.
    const treeLine = saved.lines.find((l) => l.resourceCode === demand.resourceCode);
    if (!treeLine) throw new Error(`no line ${demand.resourceCode}`);
    const tRow = lineRow(page, treeLine.resourceCode);
    const before = integer(await tRow.getByTestId('line-prefill').textContent());
    expect(before).toBe(treeLine.prefillQuantity);
    await tRow.getByTestId('line-method').selectOption('intervention');
    await expect
      .poll(async () => integer(await tRow.getByTestId('line-prefill').textContent()), {
        timeout: WAIT_MS,
      })
      .not.toBe(before);
    const switched = await apiGet<Sheet>(page, `/api/programming/programmes/${id}`);
    const onTree = switched.lines.find((l) => l.resourceCode === treeLine.resourceCode);
    // The tree's demand over the horizon is the line's forecast.
    const forecast = onTree?.computation.steps.find((step) => step.key === 'forecast');
    expect(forecast?.value).toBeCloseTo(demand.quantity, 3);
    expect(onTree?.method).toBe('intervention');
    expect(onTree?.computation.method).toBe('intervention');
    expect(integer(await tRow.getByTestId('line-prefill').textContent())).toBe(
      onTree?.prefillQuantity,
    );
    expect(await tRow.getByTestId('line-method').inputValue()).toBe('intervention');
    expect(await demandRow.textContent()).toContain('Árbol de intervención');
    // The line links to the tree.
    await section.getByTestId('intervention-toggle').click();
    expect(await section.getByTestId('intervention-toggle').getAttribute('aria-expanded')).toBe(
      'false',
    );
    await tRow.getByTestId('line-intervention-link').click();
    expect(await section.getByTestId('intervention-toggle').getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(treeRequests.length).toBe(1);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("opens a round with the intervention tree's own coverage and wastage", async () => {
    const analyst = await newPage();
    await loginAt(analyst, ANALYST, '/programacion');
    await analyst.getByTestId('new-round-open').click();
    const form = analyst.getByTestId('new-round-form');
    expect(await form.getByTestId('round-treatment-coverage').inputValue()).toBe('100');
    expect(await form.getByTestId('round-prevention-coverage').inputValue()).toBe('100');
    expect(await form.getByTestId('round-wastage').inputValue()).toBe('5');
    await form.getByTestId('round-name').fill('Programación 2028 (metas de anemia)');
    await form.getByTestId('round-fiscalYear').fill('2028');
    await form.getByTestId('round-horizonStart').fill('2028-01');
    await form.getByTestId('round-prevention-coverage').fill('80');
    await form.getByTestId('round-wastage').fill('10');
    await screenshot(form, 'programming-round-intervention.png');
    await form.getByTestId('new-round-submit').click();
    await analyst.waitForURL((url) => url.searchParams.has('ronda'), { timeout: WAIT_MS });
    const roundId = Number(new URL(analyst.url()).searchParams.get('ronda'));
    const created = await apiGet<{
      round: { parameters: { intervention?: Record<string, number> } };
    }>(analyst, `/api/programming/rounds/${roundId}/programmes`);
    expect(created.round.parameters.intervention).toEqual({
      treatmentCoverage: 1,
      preventionCoverage: 0.8,
      wastage: 0.1,
    });

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await analyst.close();
  });
});
