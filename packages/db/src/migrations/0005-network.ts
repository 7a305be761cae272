import { sql, type Kysely } from 'kysely';

/**
 * The real health network and elevation (issue 9): MINSA's RENAES registry gives every government
 * establishment its red and microred codes, its executing unit and an altitude (COTA); a DEM gives
 * every populated place an altitude. Each altitude says where it came from, and an establishment
 * whose sources disagree keeps both values in `registry_discrepancies`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('health_network').addColumn('code', 'text').execute();
  await db.schema.alterTable('microred').addColumn('code', 'text').execute();

  await db.schema
    .alterTable('establishment')
    .addColumn('altitude_source', 'text', (c) =>
      c.check(sql`altitude_source in ('renaes', 'dem', 'district_capital')`),
    )
    .execute();
  // [{ field, chosen, chosenSource, other, otherSource }]: both values, and which one won.
  await db.schema
    .alterTable('establishment')
    .addColumn('registry_discrepancies', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.alterTable('establishment').addColumn('in_renaes', 'boolean').execute();
  // Backfill: the altitudes loaded before this migration were RENIPRESS COTA values.
  await sql`update establishment set altitude_source = 'renaes' where altitude_m is not null`.execute(
    db,
  );

  await db.schema
    .alterTable('populated_place')
    .addColumn('altitude_m', 'double precision')
    .execute();
  await db.schema
    .alterTable('populated_place')
    .addColumn('altitude_source', 'text', (c) =>
      c.check(sql`altitude_source in ('dem', 'record', 'district_capital')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('populated_place').dropColumn('altitude_source').execute();
  await db.schema.alterTable('populated_place').dropColumn('altitude_m').execute();
  await db.schema.alterTable('establishment').dropColumn('in_renaes').execute();
  await db.schema.alterTable('establishment').dropColumn('registry_discrepancies').execute();
  await db.schema.alterTable('establishment').dropColumn('altitude_source').execute();
  await db.schema.alterTable('microred').dropColumn('code').execute();
  await db.schema.alterTable('health_network').dropColumn('code').execute();
}
