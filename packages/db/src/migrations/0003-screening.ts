import { sql, type Kysely } from 'kysely';

/**
 * Children (by pseudonym only: no name, no document number) and their hemoglobin tests. Raw Hb and
 * altitude are stored; adjusted Hb and anemia level are computed on read under any rule set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screening_batch')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('import', 'simulated')`))
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('child')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('pseudonym', 'text', (c) => c.notNull().unique())
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('sex', 'char(1)', (c) => c.notNull().check(sql`sex in ('F', 'M')`))
    .addColumn('simulated', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('screening')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('child_id', 'integer', (c) => c.notNull().references('child.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('screening_batch.id'))
    .addColumn('test_date', 'date', (c) => c.notNull())
    .addColumn('age_months', 'smallint', (c) => c.notNull())
    .addColumn('hb_tenths', 'smallint', (c) => c.notNull().check(sql`hb_tenths between 30 and 250`))
    .addColumn('altitude_m', 'double precision', (c) => c.notNull())
    .addColumn('altitude_source', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`altitude_source in ('record', 'populated_place', 'establishment', 'district_capital')`,
        ),
    )
    .addColumn('residence_ubigeo', 'char(6)', (c) => c.references('district.ubigeo'))
    .addColumn('populated_place_code', 'char(10)', (c) => c.references('populated_place.code'))
    .addColumn('establishment_code', 'char(8)', (c) => c.notNull().references('establishment.code'))
    .addColumn('weight_kg', 'double precision')
    .addColumn('supplementation_code', 'text')
    .addColumn('simulated', 'boolean', (c) => c.notNull())
    .addUniqueConstraint('screening_same_test', [
      'child_id',
      'test_date',
      'establishment_code',
      'hb_tenths',
    ])
    .execute();
  await db.schema.createIndex('screening_date_idx').on('screening').column('test_date').execute();
  // Prevalence takes each child's first test of a period: child then date is the order it reads.
  await db.schema
    .createIndex('screening_child_date_idx')
    .on('screening')
    .columns(['child_id', 'test_date'])
    .execute();
  await db.schema
    .createIndex('screening_establishment_idx')
    .on('screening')
    .column('establishment_code')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('screening').execute();
  await db.schema.dropTable('child').execute();
  await db.schema.dropTable('screening_batch').execute();
}
