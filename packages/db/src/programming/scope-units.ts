import type { Scope } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The executing units a scope sees in programming lists: all for national, the department's for a
 * department, its own for an executing unit, and for a network, microred or establishment the
 * units that run an establishment inside it. Null means every unit.
 */
export async function unitCodesInScope(
  db: Kysely<Database>,
  scope: Scope,
): Promise<string[] | null> {
  switch (scope.kind) {
    case 'national':
      return null;
    case 'department': {
      const rows = await db
        .selectFrom('executing_unit')
        .select('code')
        .where('department_ubigeo', '=', scope.code)
        .execute();
      return rows.map((r) => r.code);
    }
    case 'executing_unit':
      return [scope.code];
    case 'establishment': {
      const rows = await db
        .selectFrom('establishment')
        .select('executing_unit_code as code')
        .where('code', '=', scope.code)
        .where('executing_unit_code', 'is not', null)
        .execute();
      return rows.map((r) => r.code as string);
    }
    case 'network':
    case 'microred': {
      const rows = await db
        .selectFrom('establishment as e')
        .innerJoin('health_network as n', 'n.id', 'e.network_id')
        .leftJoin('microred as m', 'm.id', 'e.microred_id')
        .select('e.executing_unit_code as code')
        .distinct()
        .where('e.executing_unit_code', 'is not', null)
        .where(
          scope.kind === 'network'
            ? sql<boolean>`n.department_ubigeo || '/' || n.name = ${scope.code}`
            : sql<boolean>`n.department_ubigeo || '/' || n.name || '/' || m.name = ${scope.code}`,
        )
        .execute();
      return rows.map((r) => r.code as string);
    }
  }
}
