import { sql, type Kysely } from 'kysely';

/**
 * Issue 9, supply side of the source review:
 * - `strategic_resource.vital`: the item is in the Listado Nacional de Productos Farmacéuticos
 *   Vitales (RM N.° 1288-2018/MINSA). Under DIGEMID's Ficha 28 of the availability indicator
 *   (signed 18/12/2025) a sin-rotación item counts in the denominator only when it is vital.
 * - `district_population_single_age`: the population of a district by single year of age, as in
 *   INEI, Censos Nacionales 2017, Resultados Definitivos, Tomo I, Cuadro N.° 1
 *   (`yawar import population`, docs/formats/population-single-age.md); the children 6–35 months
 *   estimate uses it when present.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('strategic_resource')
    .addColumn('vital', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('district_population_single_age')
    .addColumn('district_ubigeo', 'text', (c) =>
      c.notNull().references('district.ubigeo').onDelete('cascade'),
    )
    // Completed years of age: 0 is "menos de 1 año".
    .addColumn('age', 'integer', (c) => c.notNull().check(sql`age >= 0 and age <= 120`))
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    // Publisher and table, e.g. "INEI, Censos Nacionales 2017, Resultados Definitivos, Tomo I, Cuadro N.° 1".
    .addColumn('source', 'text', (c) => c.notNull())
    // Reference year of the figures (2017 for the census).
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('district_population_single_age_pk', ['district_ubigeo', 'age'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('district_population_single_age').execute();
  await db.schema.alterTable('strategic_resource').dropColumn('vital').execute();
}
