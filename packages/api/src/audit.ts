import { z } from 'zod';
import { calendarInstant, safeText } from './inputs.js';
import { fileResponse, MEDIA_TYPES, pageOf } from './common.js';

/** /api/audit: the audit trail, read-only (there is no route to change or delete it). */
export const auditFilterQuery = z.object({
  actor: safeText(100).optional(),
  entity: safeText(60).optional(),
  action: safeText(60).optional(),
  from: calendarInstant.optional(),
  to: calendarInstant.optional(),
});

export const auditPageQuery = auditFilterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export const auditPageSchema = pageOf(auditEntrySchema);

export const auditExportResponse = fileResponse(
  MEDIA_TYPES.csv,
  'The audit trail as CSV (UTF-8 with BOM)',
);

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
/** The filters as a client sends them. */
export type AuditQuery = z.input<typeof auditFilterQuery>;
