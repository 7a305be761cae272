import { listAudit, type AuditFilter, type AuditRow } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditExportResponse, auditFilterQuery, auditPageQuery, auditPageSchema } from '@yawar/api';
import type { AppContext } from '../context.js';
import { permission } from '../security/access.js';

const READ_AUDIT = permission('audit:read');
const EXPORT_LIMIT = 100_000;

const present = (row: AuditRow) => ({ ...row, at: row.at.toISOString() });

/** The audit trail is read-only through the API: there is no route to change or delete it. */
export const auditRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;

    app.get(
      '/api/audit',
      {
        config: { access: READ_AUDIT },
        schema: {
          summary: 'Browse the audit trail, newest first',
          tags: ['audit'],
          querystring: auditPageQuery,
          response: { 200: auditPageSchema },
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        const result = await listAudit(db, filter satisfies AuditFilter, {
          offset: (page - 1) * pageSize,
          limit: pageSize,
        });
        return { items: result.items.map(present), total: result.total };
      },
    );

    app.get(
      '/api/audit/export',
      {
        config: { access: READ_AUDIT },
        schema: {
          summary: 'The audit trail as CSV (Excel-compatible, UTF-8 with BOM)',
          tags: ['audit'],
          querystring: auditFilterQuery,
          response: { 200: auditExportResponse },
        },
      },
      async (request, reply) => {
        const { items } = await listAudit(db, request.query, { offset: 0, limit: EXPORT_LIMIT });
        const header = [
          'id',
          'at',
          'actor',
          'action',
          'entity',
          'entity_id',
          'before',
          'after',
          'request_id',
          'ip',
        ];
        const lines = items.map((row) =>
          [
            row.id,
            row.at.toISOString(),
            row.actor,
            row.action,
            row.entity,
            row.entityId,
            json(row.before),
            json(row.after),
            row.requestId,
            row.ip,
          ]
            .map(csvCell)
            .join(','),
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="yawar-auditoria.csv"')
          .send(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`);
      },
    );
  };

const json = (value: unknown): string =>
  value === null || value === undefined ? '' : JSON.stringify(value);

/** Quotes a cell; a leading =, +, - or @ is neutralised so Excel does not run it as a formula. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
