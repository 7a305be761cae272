import { sql, type Kysely } from 'kysely';

/**
 * Strategic health resources (catalogue), their logistics history per site and month, and the
 * annual programming rounds: one programme per executing unit and round, its lines, review
 * observations, status history and technical-assistance meetings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createCatalogue(db);
  await createHistory(db);
  await createRounds(db);
  await createProgrammes(db);
  await createAssistance(db);
}

async function createCatalogue(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('strategic_resource')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('concentration', 'text')
    .addColumn('dispensing_unit', 'text', (c) => c.notNull())
    .addColumn('pack_size', 'integer', (c) => c.notNull().check(sql`pack_size >= 1`))
    .addColumn('pack_description', 'text', (c) => c.notNull())
    // Soles per dispensing unit. Null when unknown.
    .addColumn('unit_price', 'double precision')
    .addColumn('price_source', 'text', (c) => c.notNull())
    .addColumn('price_simulated', 'boolean', (c) => c.notNull())
    .addColumn('intervention', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('medicine', 'supply', 'reagent')`),
    )
    .addColumn('digemid_code', 'text')
    // Content of one dispensing unit, e.g. 30 (mL) per bottle, and iron per unit of content.
    .addColumn('content_amount', 'double precision')
    .addColumn('content_unit', 'text')
    .addColumn('iron_mg_per_content_unit', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
}

async function createHistory(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supply_batch')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('import', 'simulated')`))
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per site, product and month. A null establishment is the executing unit's own
  // warehouse (almacén especializado); NULLS NOT DISTINCT keeps that row unique too (PG ≥ 15).
  await db.schema
    .createTable('supply_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('executing_unit_code', 'text', (c) => c.notNull().references('executing_unit.code'))
    .addColumn('establishment_code', 'char(8)', (c) => c.references('establishment.code'))
    .addColumn('resource_code', 'text', (c) => c.notNull().references('strategic_resource.code'))
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('consumption', 'double precision', (c) => c.notNull().check(sql`consumption >= 0`))
    .addColumn('stock_end', 'double precision', (c) => c.check(sql`stock_end >= 0`))
    .addColumn('stockout_days', 'smallint', (c) =>
      c.notNull().check(sql`stockout_days between 0 and 31`),
    )
    .addColumn('losses', 'double precision', (c) => c.notNull().check(sql`losses >= 0`))
    .addColumn('in_transit', 'double precision', (c) => c.notNull().check(sql`in_transit >= 0`))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('supply_batch.id'))
    .addColumn('simulated', 'boolean', (c) => c.notNull())
    .execute();
  await sql`alter table supply_history add constraint supply_history_site_month
    unique nulls not distinct (executing_unit_code, establishment_code, resource_code, month)`.execute(
    db,
  );
  // Each unit's monthly series per product (sites summed), kept by refreshSupplySeries after
  // every load, stored as the JSON the computation reads: a round reads 100 000 of these instead
  // of aggregating millions of history rows, and parses one JSON text instead of arrays.
  await db.schema
    .createTable('supply_series')
    .addColumn('executing_unit_code', 'text', (c) => c.notNull().references('executing_unit.code'))
    .addColumn('resource_code', 'text', (c) => c.notNull().references('strategic_resource.code'))
    .addColumn('simulated', 'boolean', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supply_series_pk', ['executing_unit_code', 'resource_code'])
    .execute();
  await db.schema
    .createIndex('supply_history_resource_idx')
    .on('supply_history')
    .columns(['resource_code', 'month'])
    .execute();
  await db.schema
    .createIndex('supply_history_establishment_idx')
    .on('supply_history')
    .columns(['establishment_code', 'month'])
    .execute();
}

async function createRounds(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programming_round')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('horizon_start', 'date', (c) => c.notNull())
    .addColumn('history_end', 'date', (c) => c.notNull())
    .addColumn('parameters', 'jsonb', (c) => c.notNull())
    .addColumn('regional_review', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'consolidated')`))
    .addColumn('consolidated_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

async function createProgrammes(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('programming_round.id'))
    .addColumn('executing_unit_code', 'text', (c) => c.notNull().references('executing_unit.code'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('draft', 'submitted', 'in_review', 'returned', 'approved', 'consolidated')`,
        ),
    )
    // Optimistic lock: every write names the version it read and bumps it.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('computed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_round_unit', ['round_id', 'executing_unit_code'])
    .execute();

  await db.schema
    .createTable('programme_line')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('resource_code', 'text', (c) => c.notNull().references('strategic_resource.code'))
    .addColumn('method', 'text', (c) => c.notNull())
    // What the system computed (prefill), what the unit programmes, and the justification
    // required when they differ (OpenLMIS J/W, BUQ verified value + remark).
    .addColumn('prefill_quantity', 'double precision', (c) => c.notNull())
    .addColumn('unit_quantity', 'double precision')
    .addColumn('justification', 'text')
    // The figures behind the prefill, as computed (the sheet recomputes them with their formulas
    // and flags a line whose history changed since). Plain columns: a round writes 100 000.
    .addColumn('computed_method', 'text', (c) => c.notNull())
    .addColumn('cpma', 'double precision', (c) => c.notNull())
    .addColumn('demand', 'double precision', (c) => c.notNull())
    .addColumn('safety_stock', 'double precision', (c) => c.notNull())
    .addColumn('stock_available', 'double precision', (c) => c.notNull())
    .addColumn('in_transit', 'double precision', (c) => c.notNull())
    .addColumn('net_requirement', 'double precision', (c) => c.notNull())
    /** Codes of the line's warnings, comma-separated (empty: none). */
    .addColumn('notices', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'double precision')
    .addColumn('pack_size', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('programme_line_pk', ['programme_id', 'resource_code'])
    .execute();

  // Every status change, with a snapshot of the lines at that moment: the programme's versions.
  await db.schema
    .createTable('programme_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('programme_event_programme_idx')
    .on('programme_event')
    .column('programme_id')
    .execute();

  // Review observations (CENARES' retroalimentación, QAT's problem list).
  await db.schema
    .createTable('programme_observation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('resource_code', 'text', (c) => c.references('strategic_resource.code'))
    .addColumn('criticality', 'text', (c) =>
      c.notNull().check(sql`criticality in ('high', 'medium', 'low')`),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'addressed', 'resolved')`),
    )
    .addColumn('response', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('addressed_at', 'timestamptz')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('programme_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('programme_observation_programme_idx')
    .on('programme_observation')
    .column('programme_id')
    .execute();

  // What a consolidation froze: national totals per product (the lines stay for drill-down).
  await db.schema
    .createTable('round_consolidation')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('programming_round.id'))
    .addColumn('resource_code', 'text', (c) => c.notNull().references('strategic_resource.code'))
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('packs', 'double precision', (c) => c.notNull())
    .addColumn('cost', 'double precision')
    .addPrimaryKeyConstraint('round_consolidation_pk', ['round_id', 'resource_code'])
    .execute();
}

async function createAssistance(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assistance_meeting')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('programming_round.id'))
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('modality', 'text', (c) =>
      c.notNull().check(sql`modality in ('in_person', 'virtual')`),
    )
    .addColumn('place', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assistance_participant')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('assistance_meeting.id'))
    .addColumn('executing_unit_code', 'text', (c) => c.notNull().references('executing_unit.code'))
    .addColumn('attended', 'boolean')
    .addColumn('feedback', 'text')
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('assistance_participant_pk', ['meeting_id', 'executing_unit_code'])
    .execute();
}
