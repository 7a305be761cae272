// Issue #10, finding 20: the audit page showed raw codes (`login.success`, `programme.compute`).
// Every action the code records is in the core's AUDIT_ACTIONS (checked on the server side by
// `server/src/routes/audit-actions.test.ts`); here, each has a Spanish and an English label.
import { AUDIT_ACTIONS } from '@yawar/core';
import { describe, expect, it } from 'vitest';
import { auditEn, auditEs } from './audit.js';

describe('audit action labels', () => {
  it('labels every action in Spanish and English', () => {
    const es: Record<string, string> = auditEs;
    const en: Record<string, string> = auditEn;
    for (const action of AUDIT_ACTIONS) {
      const key = `audit.action.${action}`;
      expect(es[key], key).toMatch(/\S/);
      expect(en[key], key).toMatch(/\S/);
      expect(es[key]).not.toBe(action);
    }
    expect(es['audit.action.login.success']).toBe('Inicio de sesión');
  });
});
