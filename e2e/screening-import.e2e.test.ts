// End-to-end test of importing screening records (dosajes) from the browser, against the real
// server without simulated screenings. A DIRESA planner uploads a small CSV and sees what was
// imported; uploading the same file again is refused as a whole, with the reason on screen and in
// the downloadable error report, which never carries the document numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startYawar, watchPage } from './harness.js';

const WAIT_MS = 60_000;
const PLANNER = 'demo.planificador';
const PATH = '/vigilancia/importar';

/** Made-up DNIs; establishment 4612 is a registered one in Cajamarca, the planner's region. */
const DNIS = ['71234560', '71234561', '71234562'];
const CSV = [
  'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress',
  // 21, 13 and 31 completed months old at the test.
  `DNI,${DNIS[0]},2023-05-10,F,2025-02-14,9.4,4612`,
  `DNI,${DNIS[1]},2024-01-20,M,2025-03-03,11.2,4612`,
  `DNI,${DNIS[2]},2022-11-02,F,2025-06-18,12.6,4612`,
].join('\n');

interface DemoAccounts {
  password: string | null;
}

let yawar: Awaited<ReturnType<typeof startYawar>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';

async function upload(): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'dosajes-e2e.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  expect(await text('import-file')).toContain('dosajes-e2e.csv');
  await page.getByTestId('import-submit').click();
}

describe('screening import page', () => {
  beforeAll(async () => {
    yawar = await startYawar();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    watchPage(page, pageErrors, cspViolations);
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('imports a file once, then refuses it whole with a downloadable error report', async () => {
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as DemoAccounts;
    expect(demo.password).toEqual(expect.any(String));

    // The page needs a session: the login form first, then back here.
    await page.goto(new URL(PATH, yawar.baseUrl).href);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: WAIT_MS });
    await page.getByTestId('login-username').fill(PLANNER);
    await page.getByTestId('login-password').fill(demo.password ?? '');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === PATH, { timeout: WAIT_MS });
    await page.getByTestId('import-page').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('nav-import').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('import-required-columns').textContent()).toContain('num_doc');

    // First upload: three tests of three new children, in one batch.
    await upload();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: WAIT_MS });
    const summary = (await result.textContent()) ?? '';
    expect(summary).toMatch(/Se importaron 3 dosajes de 3 niños \(3 nuevos\), lote \S+/);
    // The job is in the URL, so a reload finds the outcome again.
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/\S/);
    await page.reload();
    await result.waitFor({ timeout: WAIT_MS });

    // Same file again: every row is already imported, so nothing is written.
    await upload();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: WAIT_MS });
    expect(await errors.textContent()).toContain('No se importó nada: el archivo tiene 3 errores');
    const reasons = await page
      .getByTestId('import-error-row')
      .locator('td:last-child')
      .allTextContents();
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason).toContain('already imported');

    // The full report, fetched as the link would download it (with the page's session).
    const href = await page.getByTestId('import-errors-download').getAttribute('href');
    expect(href).toMatch(/\/errors\.csv$/);
    const report = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
      };
    }, href ?? '');
    expect(report.status).toBe(200);
    expect(report.type).toContain('text/csv');
    expect(report.body).toContain('already imported');
    for (const dni of DNIS) expect(report.body).not.toContain(dni);
    expect(await errors.textContent()).not.toContain(DNIS[0]);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
