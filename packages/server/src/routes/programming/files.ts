import ExcelJS from 'exceljs';
import {
  IssueLog,
  readSheetChanges,
  readSheetIdentity,
  SHEET_ABOUT_SHEET,
  sheetIdentityProblem,
} from '@yawar/core';
import { readSpreadsheetBuffer, SourceFileError, updateLines } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MEDIA_TYPES,
  programmeSheetSchema,
  programmingIdParams,
  sheetExportResponse,
  sheetImportQuery,
} from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { permission } from '../../security/access.js';
import { actorOf, locateProgramme, sheetFor } from './common.js';
import { sheetWorkbook } from './workbook.js';

const XLSX = MEDIA_TYPES.xlsx;
const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/** The sheet out to Excel and back: the same layout both ways. */
export const programmeFileRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const locate = locateProgramme(db);
    const params = programmingIdParams;
    app.addContentTypeParser(
      XLSX,
      { parseAs: 'buffer', bodyLimit: MAX_SHEET_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/programming/programmes/:id/export.xlsx',
      {
        config: { access: permission('programming:read', locate) },
        schema: {
          summary: 'The programming sheet as an Excel workbook',
          tags: ['programming'],
          params,
          response: { 200: sheetExportResponse },
        },
      },
      async (request, reply) => {
        const sheet = await sheetFor(db, request, request.params.id);
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="programacion-${sheet.programme.unit.code}-v${sheet.programme.version}.xlsx"`,
          )
          .send(await sheetWorkbook(sheet));
      },
    );

    app.post(
      '/api/programming/programmes/:id/import',
      {
        config: { access: permission('programming:edit', locate) },
        bodyLimit: MAX_SHEET_BYTES,
        schema: {
          summary:
            "Load the unit's columns (method, quantity, justification) from the sheet's Excel layout; all rows or none",
          tags: ['programming'],
          params,
          querystring: sheetImportQuery,
          response: { 200: programmeSheetSchema },
        },
      },
      async (request) => {
        const { id } = request.params;
        if (!Buffer.isBuffer(request.body))
          throw new ApiError(400, 'unsupported_file', 'send the XLSX file as the request body');
        const source = await readSheet(request.body);
        const sheet = await sheetFor(db, request, id);
        const problem = sheetIdentityProblem(await readIdentity(request.body), {
          programmeId: sheet.programme.id,
          roundId: sheet.round.id,
          unitCode: sheet.programme.unit.code,
        });
        // The message is Spanish on purpose: the web app shows it to the planner as it is.
        if (problem) throw new ApiError(422, problem.code, problem.message, problem);
        const lines = new Map(sheet.lines.map((l) => [l.resourceCode, { packSize: l.packSize }]));
        const log = new IssueLog();
        const changes = readSheetChanges(source, lines, log);
        if (log.errors.length > 0) {
          throw new ApiError(
            422,
            'import_invalid',
            `${log.errors.length} problem(s) in the sheet; nothing was changed`,
            {
              errors: log.errors,
            },
          );
        }
        await updateLines(db, actorOf(request), id, request.query.version, changes);
        return sheetFor(db, request, id);
      },
    );
  };

async function readSheet(body: Buffer) {
  try {
    return await readSpreadsheetBuffer(body, 'programacion.xlsx');
  } catch (error) {
    if (error instanceof SourceFileError)
      throw new ApiError(422, 'import_invalid', 'the file is not a readable sheet', {
        errors: error.issues,
      });
    throw error;
  }
}

/** The about sheet's label → value rows (empty when the workbook has no such sheet). */
async function readIdentity(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows = new Map<string, string>();
  workbook.getWorksheet(SHEET_ABOUT_SHEET)?.eachRow((row) => {
    rows.set(row.getCell(1).text.trim(), row.getCell(2).text.trim());
  });
  return readSheetIdentity(rows);
}
