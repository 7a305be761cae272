// A new planner's first look (issue #10, findings 13 and 14), at a laptop's 1,366 × 768 and at
// 1,440 × 900 (the issue names both widths): every page as every demo role fits the window (no horizontal scrolling, so the user menu and "Salir" stay on
// screen), the menu offers only pages the role may open (following any link never ends on the
// no-access page), and on the programming sheet the editable quantity is in view without scrolling
// the table past twelve months of history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  getJsonAs,
  logInAt,
  startYawar,
  watchPage,
} from './harness.js';

const WAIT_MS = 90_000;
/** The widths issue #10 names; the first is the one pages are loaded at. */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;
const VIEWPORT = VIEWPORTS[0];
const DEMO_USERS = [
  'demo.admin',
  'demo.analista',
  'demo.planificador',
  'demo.programador',
  'demo.laboratorio',
  'demo.microrred',
  'demo.visor',
];

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let password = '';
const pageErrors: string[] = [];
const cspViolations: string[] = [];

/** Every page of the app; the programme and round ids come from the demo round. */
let pages: string[] = [];
let programmeId = 0;
let roundId = 0;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS }).catch(() => undefined);
  // Lazy chunks and late layout (maps, tables) after the last answer.
  await page.waitForTimeout(300);
}

async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  // A string: the e2e project is typed for Node, without the DOM library.
  return page.evaluate<{ scrollWidth: number; innerWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  );
}

/** What does not fit at the page's current viewport: the page wider than the window, or "Salir" off it. */
async function misfits(page: Page, target: string): Promise<string[]> {
  const found: string[] = [];
  const { scrollWidth, innerWidth } = await overflow(page);
  if (scrollWidth > innerWidth) found.push(`${target}: ${scrollWidth} > ${innerWidth}`);
  // The way out is on screen on every page.
  const logout = await page.getByTestId('logout').boundingBox();
  const logoutRight = logout ? logout.x + logout.width : Infinity;
  if (logoutRight > innerWidth) found.push(`${target}: "Salir" ends at ${logoutRight}`);
  return found;
}

/**
 * The loaded page at another window size. Resizing reflows the page (media queries, flex and grid,
 * ResizeObserver) without loading it again, which would double this suite's time in CI; two frames
 * let the new layout land.
 */
async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))',
  );
}

async function logInAs(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  watchPage(page, pageErrors, cspViolations);
  await logInAt(
    page,
    { baseUrl: yawar.baseUrl, username, password, timeout: WAIT_MS },
    '/admin/usuarios',
    (pathname) => pathname === '/admin/usuarios',
  );
  return page;
}

describe('every page as every demo role at 1,366 × 768 and 1,440 × 900', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as { password: string };
    password = demo.password;
    const admin = await logInAs('demo.admin');
    const { rounds } = await getJsonAs<{ rounds: { id: number }[] }>(
      admin,
      yawar.baseUrl,
      '/api/programming/rounds',
    );
    roundId = rounds[0]?.id ?? 0;
    const { programmes } = await getJsonAs<{
      programmes: { id: number; unit: { code: string } }[];
    }>(admin, yawar.baseUrl, `/api/programming/rounds/${roundId}/programmes`);
    programmeId = programmes.find((p) => p.unit.code === '785')?.id ?? 0;
    expect(programmeId).toBeGreaterThan(0);
    await admin.close();
    pages = [
      '/',
      '/vigilancia',
      '/vigilancia/importar',
      '/seguimiento',
      '/abastecimiento',
      '/abastecimiento/importar',
      '/programacion',
      `/programacion/${programmeId}`,
      `/programacion/rondas/${roundId}/consolidado`,
      `/programacion/rondas/${roundId}/asistencia`,
      '/unidades/785',
      '/admin/usuarios',
      '/admin/auditoria',
    ];
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  for (const username of DEMO_USERS) {
    it(`${username}: no page is wider than the window, and no menu link leads to a 403`, async () => {
      const page = await logInAs(username);
      const tooWide: string[] = [];
      for (const target of pages) {
        await page.goto(new URL(target, yawar.baseUrl).href);
        await settle(page);
        tooWide.push(...(await misfits(page, target)));
        // The same page at the other widths, then back to the first for the next load.
        for (const viewport of VIEWPORTS.slice(1)) {
          await resize(page, viewport);
          tooWide.push(...(await misfits(page, `${target} at ${viewport.width}`)));
        }
        await resize(page, VIEWPORT);
      }
      expect(tooWide).toEqual([]);

      // Every menu link opens a page the role may use.
      await page.goto(new URL('/', yawar.baseUrl).href);
      await page.getByTestId('current-user').waitFor({ timeout: WAIT_MS });
      const links = await page
        .locator('.main-nav a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      const forbidden: string[] = [];
      for (const href of links) {
        await page.goto(new URL(href, yawar.baseUrl).href);
        await settle(page);
        if ((await page.getByTestId('forbidden').count()) > 0) forbidden.push(href);
      }
      expect(forbidden).toEqual([]);
      if (username === 'demo.programador') {
        expect(links).not.toContain('/vigilancia');
      }
      await page.close();
    });
  }

  it('keeps the editable quantity of the sheet in view without scrolling the table', async () => {
    const page = await logInAs('demo.programador');
    await page.goto(new URL(`/programacion/${programmeId}`, yawar.baseUrl).href);
    await page.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    await settle(page);
    const input = page.locator('[data-testid="sheet-line"] [data-testid="line-quantity"]').first();
    const why = page.locator('[data-testid="sheet-line"] .prog-justification').first();
    for (const viewport of VIEWPORTS) {
      await resize(page, viewport);
      const box = await input.boundingBox();
      expect(box, `quantity at ${viewport.width}`).not.toBeNull();
      expect(
        (box?.x ?? 0) + (box?.width ?? 0),
        `quantity at ${viewport.width}`,
      ).toBeLessThanOrEqual(viewport.width);
      // The justification column starts in view too (its box opens once the quantity departs).
      const whyBox = await why.boundingBox();
      expect(whyBox, `justification at ${viewport.width}`).not.toBeNull();
      expect(
        (whyBox?.x ?? 0) + (whyBox?.width ?? 0),
        `justification at ${viewport.width}`,
      ).toBeLessThanOrEqual(viewport.width);
      // Nothing of the wide table widens the page: the history scrolls inside its own box.
      expect((await overflow(page)).scrollWidth, `page at ${viewport.width}`).toBeLessThanOrEqual(
        viewport.width,
      );
    }
    await page.close();
  });

  it('does not say "Guardado" beside "justifíquela" (finding 17)', async () => {
    const page = await logInAs('demo.programador');
    await page.goto(new URL(`/programacion/${programmeId}`, yawar.baseUrl).href);
    await page.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    const sheet = await getJsonAs<{
      lines: { resourceCode: string; prefillQuantity: number; packSize: number }[];
    }>(page, yawar.baseUrl, `/api/programming/programmes/${programmeId}`);
    const line = sheet.lines[0];
    if (!line) throw new Error('the demo sheet has no lines');
    const row = page.locator(
      `[data-testid="sheet-line"][data-resource-code="${line.resourceCode}"]`,
    );
    await row.getByTestId('line-quantity').fill(String(line.prefillQuantity + line.packSize));
    await row.getByTestId('line-save').click();
    await row.getByTestId('line-incomplete').waitFor({ timeout: WAIT_MS });
    await row.getByTestId('line-problem').waitFor({ timeout: WAIT_MS });
    expect(await row.getByTestId('line-saved').count()).toBe(0);
    // With a justification the same line is saved and valid, and says so.
    await row.getByTestId('line-justification').fill('Campaña de tamizaje prevista para 2027');
    await row.getByTestId('line-save').click();
    await row.getByTestId('line-saved').waitFor({ timeout: WAIT_MS });
    expect(await row.getByTestId('line-problem').count()).toBe(0);
    await page.close();
  });

  it('warns before consolidating with units pending, and the round reads the same everywhere (finding 15)', async () => {
    // One programme approved, through the workflow as its people take it.
    const act = async (username: string, action: string, status: string) => {
      const page = await logInAs(username);
      await page.goto(new URL(`/programacion/${programmeId}`, yawar.baseUrl).href);
      await page.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
      await page.getByTestId(`action-${action}`).click();
      await page.getByTestId('action-confirm-button').click();
      await page
        .getByTestId('sheet-unit-name')
        .locator(`[data-testid="programme-status"][data-status="${status}"]`)
        .waitFor({ timeout: WAIT_MS });
      await page.close();
    };
    await act('demo.programador', 'submit', 'submitted');
    await act('demo.planificador', 'validate', 'in_review');
    await act('demo.analista', 'approve', 'approved');

    const analyst = await logInAs('demo.analista');
    const { programmes } = await getJsonAs<{ programmes: { status: string }[] }>(
      analyst,
      yawar.baseUrl,
      `/api/programming/rounds/${roundId}/programmes`,
    );
    const pendingCount = programmes.filter((p) => p.status !== 'approved').length;
    expect(pendingCount).toBeGreaterThan(0);
    await analyst.goto(new URL(`/programacion/rondas/${roundId}/consolidado`, yawar.baseUrl).href);
    const warning = analyst.getByTestId('consolidation-pending-warning');
    await warning.waitFor({ timeout: WAIT_MS });
    expect(await warning.locator('li').count()).toBe(pendingCount);
    expect(await warning.textContent()).toContain(`de ${programmes.length} unidades`);
    // The confirmation names the pending units; declining changes nothing.
    const questions: string[] = [];
    analyst.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await analyst.getByTestId('consolidate').click();
    await expect.poll(() => questions.length, { timeout: WAIT_MS }).toBe(1);
    expect(questions[0]).toContain(`${pendingCount} de ${programmes.length} unidades`);
    expect(questions[0]).toContain('Borrador');
    expect(await analyst.getByTestId('round-status').getAttribute('data-status')).toBe('open');
    analyst.once('dialog', (dialog) => void dialog.accept());
    await analyst.getByTestId('consolidate').click();
    await analyst
      .locator('[data-testid="round-status"][data-status="partial"]')
      .waitFor({ timeout: WAIT_MS });
    const shown = await analyst.getByTestId('round-status').textContent();
    // The round list says the same.
    await analyst.goto(new URL(`/programacion?ronda=${roundId}`, yawar.baseUrl).href);
    const listed = analyst.locator(`[data-testid="round-status"][data-status="partial"]`).first();
    await listed.waitFor({ timeout: WAIT_MS });
    expect(await listed.textContent()).toBe(shown);
    // Executing units in numeric order (785 before 1047).
    await analyst.getByTestId('programmes-table').waitFor({ timeout: WAIT_MS });
    const codes = (
      await analyst
        .getByTestId('programme-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-code') ?? ''))
    ).map(Number);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    await analyst.close();
  });

  it('asks before disabling a user and labels audit actions (finding 20)', async () => {
    const admin = await logInAs('demo.admin');
    await admin.getByTestId('user-row').first().waitFor({ timeout: WAIT_MS });
    const visor = admin.locator('[data-testid="user-row"][data-username="demo.visor"]');
    const questions: string[] = [];
    admin.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await visor.getByTestId('user-toggle-disabled').click();
    await expect.poll(() => questions.length, { timeout: WAIT_MS }).toBe(1);
    expect(questions[0]).toContain('demo.visor');
    // Declined: still active.
    expect((await visor.getAttribute('class')) ?? '').not.toContain('row-disabled');

    await admin.goto(new URL('/admin/auditoria', yawar.baseUrl).href);
    await admin.getByTestId('audit-table').waitFor({ timeout: WAIT_MS });
    const login = admin
      .locator('[data-testid="audit-action"][data-action="login.success"]')
      .first();
    await login.waitFor({ timeout: WAIT_MS });
    expect(await login.locator('.cell-main').textContent()).toBe('Inicio de sesión');
    const labels = await admin
      .getByTestId('audit-action')
      .evaluateAll((cells) =>
        cells.map((c) => [
          c.getAttribute('data-action'),
          c.querySelector('.cell-main')?.textContent,
        ]),
      );
    for (const [action, label] of labels) expect(label, String(action)).not.toBe(action);
    await admin.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
