import fs from 'node:fs';
import path from 'node:path';
import {
  formatIssue,
  IssueLog,
  parseCsv,
  readStrategicResources,
  type StrategicResource,
} from '@yawar/core';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import { REPOSITORY_DATA_DIR } from '../paths.js';
import type { Database } from '../schema.js';
import { upsertRows, type UpsertCounts } from '../upsert.js';

export const CATALOGUE_FILE = path.join(REPOSITORY_DATA_DIR, 'supply', 'recursos_estrategicos.csv');

/** Reads and validates the catalogue file; throws with every located problem when it is bad. */
export function readCatalogueFile(file: string = CATALOGUE_FILE): StrategicResource[] {
  const log = new IssueLog();
  const resources = readStrategicResources(
    { file: path.basename(file), table: parseCsv(fs.readFileSync(file, 'utf8')) },
    log,
  );
  if (log.errors.length > 0) {
    throw new Error(`catalogue ${file} is invalid:\n${log.errors.map(formatIssue).join('\n')}`);
  }
  return resources;
}

/** Upserts the catalogue (idempotent: a second run changes nothing) and audits what changed. */
export async function loadCatalogue(
  db: Kysely<Database>,
  actor: Actor,
  resources: readonly StrategicResource[],
): Promise<UpsertCounts> {
  return db.transaction().execute(async (trx) => {
    const counts = await upsertRows(trx, 'strategic_resource', ['code'], resources.map(toRow));
    if (counts.inserted + counts.updated > 0) {
      await recordAudit(trx, actor, {
        action: 'catalogue.load',
        entity: 'strategic_resource',
        entityId: null,
        after: counts,
      });
    }
    return counts;
  });
}

function toRow(r: StrategicResource) {
  return {
    code: r.code,
    name: r.name,
    form: r.form,
    concentration: r.concentration,
    dispensing_unit: r.dispensingUnit,
    pack_size: r.packSize,
    pack_description: r.packDescription,
    unit_price: r.unitPrice,
    price_source: r.priceSource,
    price_simulated: r.priceSimulated,
    intervention: r.intervention,
    kind: r.kind,
    digemid_code: r.digemidCode,
    content_amount: r.contentAmount,
    content_unit: r.contentUnit,
    iron_mg_per_content_unit: r.ironMgPerContentUnit,
    vital: r.vital,
    source: r.source,
  };
}

export interface ResourceRow {
  code: string;
  name: string;
  form: string;
  concentration: string | null;
  dispensingUnit: string;
  packSize: number;
  packDescription: string;
  unitPrice: number | null;
  priceSimulated: boolean;
  priceSource: string;
  intervention: string;
  kind: string;
  digemidCode: string | null;
  /** In the vital-medicines list, RM N.° 1288-2018/MINSA. */
  vital: boolean;
  contentAmount: number | null;
  contentUnit: string | null;
}

export async function listResources(db: Kysely<Database>): Promise<ResourceRow[]> {
  return db
    .selectFrom('strategic_resource')
    .select([
      'code',
      'name',
      'form',
      'concentration',
      'dispensing_unit as dispensingUnit',
      'pack_size as packSize',
      'pack_description as packDescription',
      'unit_price as unitPrice',
      'price_simulated as priceSimulated',
      'price_source as priceSource',
      'intervention',
      'kind',
      'digemid_code as digemidCode',
      'vital',
      'content_amount as contentAmount',
      'content_unit as contentUnit',
    ])
    .where('active', '=', true)
    .orderBy('code')
    .execute();
}
