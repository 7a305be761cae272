// End-to-end test of the annual programming (issue #5) against the real server, on the demo round
// "Programación 2027" computed from the simulated history. One programme goes round the whole
// workflow in the browser, each step by the person who takes it:
//   the unit programmer (UE 785) changes a line with a justification and submits;
//   the DIRESA planner validates (the demo round has regional review);
//   the CENARES analyst observes the line and returns the programme with a note;
//   the programmer answers the observation, changes the line again and resubmits;
//   the planner validates, the analyst approves;
// then the national consolidation shows the unit's quantity, and the sheet's XLSX export holds
// the figures on screen. Along the way: the submission is refused while a justification is
// missing, "¿Cómo se calculó?" shows the formula steps, and a stale tab gets the conflict notice.
// Then CENARES opens and computes a new round and records an assistance meeting, the programmer
// takes its sheet to Excel and back (a file with a bad cell is refused whole), and a viewer, who
// may not see programmes, gets the no-access page.
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
const PLANNER = 'demo.planificador';
const ANALYST = 'demo.analista';
const UNIT = '785';
const ROUND = 'Programación 2027';
/** Set to a directory to keep screenshots of the pages (for reviewing their look). */
const SCREENSHOTS = process.env['YAWAR_E2E_SCREENSHOTS'];

interface SheetLine {
  resourceCode: string;
  resourceName: string;
  packSize: number;
  prefillQuantity: number;
  unitQuantity: number | null;
  finalQuantity: number;
  justification: string | null;
  computation: { steps: { key: string; value: number | null }[] };
}
interface Sheet {
  programme: { id: number; status: string; version: number; unit: { code: string } };
  round: { name: string; regionalReview: boolean };
  lines: SheetLine[];
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

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

const lineRow = (page: Page, code: string): Locator =>
  page.locator(`[data-testid="sheet-line"][data-resource-code="${code}"]`);

async function expectStatus(page: Page, status: string): Promise<void> {
  await page
    .getByTestId('sheet-unit-name')
    .locator(`[data-testid="programme-status"][data-status="${status}"]`)
    .waitFor({ timeout: WAIT_MS });
}

/** Takes a workflow action through its confirmation, with a note when given. */
async function act(page: Page, action: string, note?: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  if (note) await page.getByTestId('action-note').fill(note);
  await page.getByTestId('action-confirm-button').click();
}

/** Types the unit's quantity and justification of a line, and saves it. */
async function editLine(page: Page, code: string, quantity: number, why: string): Promise<void> {
  const row = lineRow(page, code);
  await row.getByTestId('line-quantity').fill(String(quantity));
  await row.getByTestId('line-justification').fill(why);
  await row.getByTestId('line-save').click();
  await row.getByTestId('line-saved').waitFor({ timeout: WAIT_MS });
}

async function openSheet(username: string, id: number): Promise<Page> {
  const page = await newPage();
  await loginAt(page, username, `/programacion/${id}`);
  await page.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
  return page;
}

async function validateAsPlanner(id: number): Promise<void> {
  const page = await openSheet(PLANNER, id);
  await act(page, 'validate');
  await expectStatus(page, 'in_review');
  await page.close();
}

describe('annual programming', () => {
  beforeAll(async () => {
    yawar = await startYawar({ demoData: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const demo = (await (
      await fetch(new URL('/api/auth/demo-accounts', yawar.baseUrl))
    ).json()) as {
      password: string | null;
    };
    expect(demo.password).toEqual(expect.any(String));
    password = demo.password ?? '';
  });

  afterAll(async () => {
    await browser?.close();
    await yawar?.close();
  });

  it('takes a unit programme from draft to the national consolidation, and exports it', async () => {
    // ── The unit programmer lands on its own programme of the demo round.
    const programmer = await newPage();
    await loginAt(programmer, PROGRAMMER, '/programacion', (p) => /^\/programacion\/\d+$/.test(p));
    const id = Number(new URL(programmer.url()).pathname.split('/').pop());
    await programmer.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    expect(await programmer.getByTestId('nav-programming').getAttribute('aria-current')).toBe(
      'page',
    );
    const sheet = await apiGet<Sheet>(programmer, `/api/programming/programmes/${id}`);
    expect(sheet.programme.unit.code).toBe(UNIT);
    expect(sheet.round.name).toBe(ROUND);
    expect(sheet.programme.status).toBe('draft');
    expect(await programmer.getByTestId('sheet-round-link').textContent()).toBe(ROUND);
    expect(await programmer.getByTestId('simulated-banner').textContent()).toContain('SIMULADO');
    await expectStatus(programmer, 'draft');

    // Every line on screen, with the server's prefill.
    expect(await programmer.getByTestId('sheet-line').count()).toBe(sheet.lines.length);
    const line = sheet.lines.find((item) => item.prefillQuantity > 0) ?? sheet.lines[0];
    if (!line) throw new Error('the demo programme has no lines');
    const code = line.resourceCode;
    const row = lineRow(programmer, code);
    expect(integer(await row.getByTestId('line-prefill').textContent())).toBe(line.prefillQuantity);

    // "¿Cómo se calculó?": the server's steps, the proposed quantity among them.
    await row.getByTestId('line-explain-toggle').click();
    const explain = programmer.getByTestId('line-explain');
    await explain.waitFor({ timeout: WAIT_MS });
    expect(await explain.getByTestId('explain-step').count()).toBe(line.computation.steps.length);
    const quantityStep = explain.locator('[data-testid="explain-step"][data-step="quantity"]');
    expect(integer(await quantityStep.getByTestId('explain-step-value').textContent())).toBe(
      line.prefillQuantity,
    );
    await screenshot(programmer, 'programming-sheet-draft.png');
    await row.getByTestId('line-explain-toggle').click();

    // A quantity away from the prefill, saved without a reason: the submission is refused and
    // says which line lacks its justification.
    const first = line.prefillQuantity + 2 * line.packSize;
    await row.getByTestId('line-quantity').fill(String(first));
    await row.getByTestId('line-save').click();
    // Kept, but not valid: the sheet does not say "Guardado" beside "justifíquela" (issue #10).
    await row.getByTestId('line-incomplete').waitFor({ timeout: WAIT_MS });
    expect(await row.getByTestId('line-saved').count()).toBe(0);
    await row.getByTestId('line-problem').waitFor({ timeout: WAIT_MS });
    await programmer.getByTestId('action-submit').click();
    const problems = programmer.getByTestId('action-problems');
    await problems.waitFor({ timeout: WAIT_MS });
    expect(await problems.textContent()).toContain(line.resourceName);
    expect(await programmer.getByTestId('action-confirm').count()).toBe(0);
    await screenshot(programmer, 'programming-submit-blocked.png');

    // Another tab of the same user, opened now, will be one version behind.
    const staleTab = await newPage();
    await loginAt(staleTab, PROGRAMMER, `/programacion/${id}`);
    await staleTab.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });

    await editLine(programmer, code, first, 'Campaña de suplementación en 2027 en toda la red.');
    expect(await row.getByTestId('line-problem').count()).toBe(0);

    // The stale tab saves on top of an older version: told so, and reloaded.
    const staleRow = lineRow(staleTab, code);
    await staleRow.getByTestId('line-quantity').fill(String(line.prefillQuantity + line.packSize));
    await staleRow.getByTestId('line-justification').fill('Escrito en una pestaña antigua.');
    await staleRow.getByTestId('line-save').click();
    await staleTab.getByTestId('sheet-conflict').waitFor({ timeout: WAIT_MS });
    await staleTab.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    expect(await lineRow(staleTab, code).getByTestId('line-quantity').inputValue()).toBe(
      String(first),
    );
    await staleTab.close();

    await act(programmer, 'submit');
    await expectStatus(programmer, sheet.round.regionalReview ? 'submitted' : 'in_review');
    expect(await programmer.getByTestId('action-submit').count()).toBe(0);

    // ── The DIRESA planner validates (the demo round has regional review).
    if (sheet.round.regionalReview) await validateAsPlanner(id);

    // ── The CENARES analyst finds the programme in the round, observes the line and returns it.
    const analyst = await newPage();
    await loginAt(analyst, ANALYST, '/programacion');
    const programmeLink = analyst
      .locator(`[data-testid="programme-row"][data-unit-code="${UNIT}"]`)
      .getByTestId('programme-link');
    await programmeLink.click();
    await analyst.waitForURL((url) => url.pathname === `/programacion/${id}`, { timeout: WAIT_MS });
    await expectStatus(analyst, 'in_review');
    const form = analyst.getByTestId('observation-form');
    await form.getByTestId('observation-line').selectOption(code);
    await form.getByTestId('observation-criticality').selectOption('high');
    await form
      .getByTestId('observation-note')
      .fill('El aumento no coincide con la tendencia del consumo.');
    await form.getByTestId('observation-submit').click();
    const observation = analyst.locator(
      `[data-testid="observation"][data-resource-code="${code}"][data-status="open"]`,
    );
    await observation.waitFor({ timeout: WAIT_MS });
    // Approval is refused while the observation is open, with the reason.
    await act(analyst, 'approve');
    await analyst.getByTestId('action-problems').waitFor({ timeout: WAIT_MS });
    expect(await analyst.getByTestId('action-problems').textContent()).toContain(line.resourceName);
    await act(analyst, 'return', 'Revise la línea observada y responda la observación.');
    await expectStatus(analyst, 'returned');
    await screenshot(analyst, 'programming-returned.png');

    // ── The programmer answers the observation, changes the line and resubmits.
    await programmer.reload();
    await expectStatus(programmer, 'returned');
    const open = programmer.locator(`[data-testid="observation"][data-status="open"]`);
    await open.getByTestId('observation-address').click();
    await open.getByTestId('observation-response-input').fill('Se ajustó a la tendencia de 2026.');
    await open.getByTestId('observation-address-submit').click();
    await programmer
      .locator(`[data-testid="observation"][data-resource-code="${code}"][data-status="addressed"]`)
      .waitFor({ timeout: WAIT_MS });
    const final = line.prefillQuantity + line.packSize;
    await editLine(programmer, code, final, 'Ajustado a la tendencia observada por CENARES.');
    await act(programmer, 'submit');
    await expectStatus(programmer, sheet.round.regionalReview ? 'submitted' : 'in_review');

    if (sheet.round.regionalReview) await validateAsPlanner(id);

    // ── The analyst approves (the addressed observation no longer blocks).
    await analyst.reload();
    await expectStatus(analyst, 'in_review');
    await act(analyst, 'approve');
    await expectStatus(analyst, 'approved');
    expect(integer(await lineRow(analyst, code).getByTestId('line-final').textContent())).toBe(
      final,
    );
    expect(
      await analyst.getByTestId('events-table').getByTestId('event-row').count(),
    ).toBeGreaterThanOrEqual(sheet.round.regionalReview ? 6 : 4);

    // ── The national consolidation has the unit's quantity for that product.
    await analyst.getByTestId('sheet-round-link').click();
    await analyst.getByTestId('round-consolidation-link').click();
    await analyst.getByTestId('consolidation-table').waitFor({ timeout: WAIT_MS });
    const product = analyst.locator(
      `[data-testid="consolidation-row"][data-resource-code="${code}"]`,
    );
    expect(integer(await product.getByTestId('consolidation-quantity').textContent())).toBe(final);
    await product.getByTestId('consolidation-drill').click();
    const unitRow = analyst.locator(
      `[data-testid="consolidation-unit-row"][data-unit-code="${UNIT}"]`,
    );
    await unitRow.waitFor({ timeout: WAIT_MS });
    expect(integer(await unitRow.getByTestId('consolidation-unit-final').textContent())).toBe(
      final,
    );
    await screenshot(analyst, 'programming-consolidation.png');

    // ── The sheet's XLSX export holds what the screen shows, line by line.
    const approved = await apiGet<Sheet>(analyst, `/api/programming/programmes/${id}`);
    await analyst.goto(new URL(`/programacion/${id}`, yawar.baseUrl).href);
    await analyst.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    const [download] = await Promise.all([
      analyst.waitForEvent('download', { timeout: WAIT_MS }),
      analyst.getByTestId('sheet-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile(await download.path())) as unknown as ArrayBuffer);
    const worksheet = workbook.worksheets[0];
    if (!worksheet) throw new Error('the export has no sheet');
    const header = (worksheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = (name: string) => {
      const index = header.indexOf(name);
      expect(index, name).toBeGreaterThan(0);
      return index;
    };
    const cells = { code: column('Código'), prefill: column('Cantidad sugerida') };
    const finalColumn = column('Cantidad final');
    const justificationColumn = column('Justificación');
    expect(worksheet.actualRowCount - 1).toBe(approved.lines.length);
    for (let r = 2; r <= worksheet.actualRowCount; r++) {
      const excel = worksheet.getRow(r);
      const lineCode = String(excel.getCell(cells.code).value);
      const screen = lineRow(analyst, lineCode);
      expect(Number(excel.getCell(cells.prefill).value), lineCode).toBe(
        integer(await screen.getByTestId('line-prefill').textContent()),
      );
      expect(Number(excel.getCell(finalColumn).value), lineCode).toBe(
        integer(await screen.getByTestId('line-final').textContent()),
      );
    }
    const ours = worksheet
      .getRows(2, worksheet.actualRowCount - 1)
      ?.find((excel) => String(excel.getCell(cells.code).value) === code);
    expect(Number(ours?.getCell(finalColumn).value)).toBe(final);
    expect(String(ours?.getCell(justificationColumn).value)).toBe(
      'Ajustado a la tendencia observada por CENARES.',
    );

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await programmer.close();
    await analyst.close();
  });

  it('lets CENARES open and compute a round, and record an assistance meeting', async () => {
    const analyst = await newPage();
    analyst.on('dialog', (dialog) => void dialog.accept());
    await loginAt(analyst, ANALYST, '/programacion');
    await analyst.getByTestId('rounds-table').waitFor({ timeout: WAIT_MS });
    expect(await analyst.getByTestId('round-link').allTextContents()).toContain(ROUND);

    // A new round, from the form's defaults with another name and year.
    await analyst.getByTestId('new-round-open').click();
    const form = analyst.getByTestId('new-round-form');
    await form.getByTestId('round-name').fill('Programación 2028 (prueba)');
    await form.getByTestId('round-fiscalYear').fill('2028');
    await form.getByTestId('round-horizonStart').fill('2028-01');
    await form.getByTestId('round-growth').fill('3');
    await screenshot(analyst, 'programming-new-round.png');
    await form.getByTestId('new-round-submit').click();
    await analyst.waitForURL((url) => url.searchParams.has('ronda'), { timeout: WAIT_MS });
    await analyst
      .getByTestId('round-title')
      .filter({ hasText: '2028' })
      .waitFor({ timeout: WAIT_MS });
    const roundId = Number(new URL(analyst.url()).searchParams.get('ronda'));
    const created = await apiGet<{
      round: { parameters: { growthRate: number } };
      programmes: { lineCount: number; unit: { code: string } }[];
    }>(analyst, `/api/programming/rounds/${roundId}/programmes`);
    expect(created.round.parameters.growthRate).toBeCloseTo(0.03);
    expect(created.programmes.length).toBeGreaterThan(0);

    // "Calcular": the job runs, the page follows it and reloads the programmes when it is done.
    await analyst.getByTestId('compute-start').click();
    await analyst.getByTestId('compute-done').waitFor({ timeout: WAIT_MS });
    const computed = await apiGet<typeof created>(
      analyst,
      `/api/programming/rounds/${roundId}/programmes`,
    );
    expect(computed.programmes.some((programme) => programme.lineCount > 0)).toBe(true);
    expect(await analyst.getByTestId('programme-row').count()).toBe(computed.programmes.length);
    // The table on screen was reloaded with the computed lines.
    const ours = computed.programmes.find((programme) => programme.unit.code === UNIT);
    await expect
      .poll(
        async () =>
          integer(
            await analyst
              .locator(`[data-testid="programme-row"][data-unit-code="${UNIT}"]`)
              .getByTestId('programme-lines')
              .textContent(),
          ),
        { timeout: WAIT_MS },
      )
      .toBe(ours?.lineCount);
    await screenshot(analyst, 'programming-rounds.png');

    // An assistance meeting with UE 785: attendance and feedback.
    await analyst.getByTestId('round-assistance-link').click();
    await analyst.getByTestId('meetings-empty').waitFor({ timeout: WAIT_MS });
    await analyst.getByTestId('meeting-new').click();
    const meeting = analyst.getByTestId('meeting-form');
    await meeting.getByTestId('meeting-groupName').fill('Macrorregión Norte');
    await meeting.getByTestId('meeting-startsOn').fill('2027-11-10');
    await meeting.getByTestId('meeting-endsOn').fill('2027-11-11');
    await meeting.getByTestId('meeting-modality').selectOption('in_person');
    await meeting.getByTestId('meeting-place').fill('Chiclayo');
    await meeting.locator(`[data-testid="meeting-unit"][data-unit-code="${UNIT}"]`).check();
    await meeting.getByTestId('meeting-submit').click();
    const participant = analyst.locator(
      `[data-testid="participant-row"][data-unit-code="${UNIT}"]`,
    );
    await participant.waitFor({ timeout: WAIT_MS });
    await participant.getByTestId('participant-attended').selectOption('yes');
    await participant.getByTestId('participant-feedback').fill('Revisar la tendencia del sulfato.');
    await participant.getByTestId('participant-save').click();
    await expect
      .poll(() => participant.getByTestId('participant-save').isDisabled(), { timeout: WAIT_MS })
      .toBe(true);
    const meetings = await apiGet<{
      meetings: { participants: { unit: { code: string }; attended: boolean | null }[] }[];
    }>(analyst, `/api/programming/rounds/${roundId}/meetings`);
    expect(meetings.meetings[0]?.participants.find((p) => p.unit.code === UNIT)?.attended).toBe(
      true,
    );
    await screenshot(analyst, 'programming-assistance.png');

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await analyst.close();
  });

  it('takes the sheet out to Excel and back, refusing a file with bad cells', async () => {
    // The newest open round is the one computed by the previous test.
    const programmer = await newPage();
    await loginAt(programmer, PROGRAMMER, '/programacion', (p) => /^\/programacion\/\d+$/.test(p));
    await programmer.getByTestId('sheet-table').waitFor({ timeout: WAIT_MS });
    const id = Number(new URL(programmer.url()).pathname.split('/').pop());
    const sheet = await apiGet<Sheet>(programmer, `/api/programming/programmes/${id}`);
    expect(sheet.programme.status).toBe('draft');
    const line = sheet.lines.find((item) => item.packSize > 1) ?? sheet.lines[0];
    if (!line) throw new Error('the computed programme has no lines');

    const [download] = await Promise.all([
      programmer.waitForEvent('download', { timeout: WAIT_MS }),
      programmer.getByTestId('sheet-export').click(),
    ]);
    const original = await fs.readFile(await download.path());
    /** The exported workbook with the line's unit columns set, as a planner would in Excel. */
    const edited = async (quantity: number, why: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(original as unknown as ArrayBuffer);
      const worksheet = workbook.worksheets[0];
      if (!worksheet) throw new Error('the export has no sheet');
      const header = (worksheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      for (let r = 2; r <= worksheet.actualRowCount; r++) {
        const row = worksheet.getRow(r);
        if (String(row.getCell(header.indexOf('Código')).value) !== line.resourceCode) continue;
        row.getCell(header.indexOf('Cantidad UE')).value = quantity;
        row.getCell(header.indexOf('Justificación')).value = why;
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const upload = async (buffer: Buffer) =>
      programmer.getByTestId('sheet-import').setInputFiles({
        name: 'programacion.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });

    // Not a whole number of packs: nothing changes, and the table says which cell.
    if (line.packSize > 1) {
      await upload(await edited(line.prefillQuantity + 1, 'Cantidad suelta, no en envases.'));
      const errors = programmer.getByTestId('sheet-import-errors');
      await errors.waitFor({ timeout: WAIT_MS });
      expect(await errors.textContent()).toContain('Cantidad UE');
      const after = await apiGet<Sheet>(programmer, `/api/programming/programmes/${id}`);
      expect(after.programme.version).toBe(sheet.programme.version);
    }

    // A good file: the line takes the unit's quantity and justification.
    const quantity = line.prefillQuantity + line.packSize;
    await upload(await edited(quantity, 'Importado desde Excel con la meta de 2028.'));
    const row = lineRow(programmer, line.resourceCode);
    await expect
      .poll(() => row.getByTestId('line-quantity').inputValue(), { timeout: WAIT_MS })
      .toBe(String(quantity));
    expect(await row.getByTestId('line-justification').inputValue()).toBe(
      'Importado desde Excel con la meta de 2028.',
    );
    expect(await programmer.getByTestId('sheet-import-error').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await programmer.close();
  });

  it('shows a viewer the no-access page, without the menu link', async () => {
    const viewer = await newPage();
    await loginAt(viewer, 'demo.visor', '/programacion');
    await viewer.getByTestId('forbidden').waitFor({ timeout: WAIT_MS });
    expect(await viewer.getByTestId('nav-programming').count()).toBe(0);
    await viewer.close();
  });
});
