import { sql, type Kysely } from 'kysely';

/**
 * Territory and health network. Geometries are GeoJSON in jsonb: PostGIS is not available in the
 * embedded engine, and the spatial work (point in polygon, travel time) lives in the core anyway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('department')
    .addColumn('ubigeo', 'char(2)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capital', 'text')
    .addColumn('area_km2', 'double precision')
    .addColumn('geometry', 'jsonb')
    .execute();

  await db.schema
    .createTable('province')
    .addColumn('ubigeo', 'char(4)', (c) => c.primaryKey())
    .addColumn('department_ubigeo', 'char(2)', (c) => c.notNull().references('department.ubigeo'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capital', 'text')
    .addColumn('area_km2', 'double precision')
    .addColumn('geometry', 'jsonb')
    .execute();

  await db.schema
    .createTable('district')
    .addColumn('ubigeo', 'char(6)', (c) => c.primaryKey())
    .addColumn('province_ubigeo', 'char(4)', (c) => c.notNull().references('province.ubigeo'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capital', 'text')
    .addColumn('capital_altitude_m', 'double precision')
    .addColumn('capital_lat', 'double precision')
    .addColumn('capital_lon', 'double precision')
    .addColumn('area_km2', 'double precision')
    .addColumn('poverty_pct', 'double precision')
    .addColumn('extreme_poverty_pct', 'double precision')
    .addColumn('idh', 'double precision')
    .addColumn('population_2017', 'integer')
    .addColumn('population_2022', 'integer')
    .addColumn('children_6_35m', 'integer')
    .addColumn('children_6_35m_method', 'text')
    .addColumn('geometry', 'jsonb')
    .execute();
  await db.schema
    .createIndex('district_province_idx')
    .on('district')
    .column('province_ubigeo')
    .execute();

  await db.schema
    .createTable('populated_place')
    .addColumn('code', 'char(10)', (c) => c.primaryKey())
    .addColumn('district_ubigeo', 'char(6)', (c) => c.notNull().references('district.ubigeo'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_type', 'text', (c) => c.notNull().check(sql`area_type in ('urban', 'rural')`))
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('in_registry', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema
    .createIndex('populated_place_district_idx')
    .on('populated_place')
    .column('district_ubigeo')
    .execute();

  await db.schema
    .createTable('health_network')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('department_ubigeo', 'char(2)', (c) => c.notNull().references('department.ubigeo'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('health_network_name_key', ['department_ubigeo', 'name'])
    .execute();

  await db.schema
    .createTable('microred')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('network_id', 'integer', (c) => c.notNull().references('health_network.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('microred_name_key', ['network_id', 'name'])
    .execute();

  await db.schema
    .createTable('executing_unit')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_directorate', 'text')
    .addColumn('department_ubigeo', 'char(2)', (c) => c.notNull().references('department.ubigeo'))
    .addColumn('evidence', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('establishment')
    .addColumn('code', 'char(8)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('institution', 'text')
    .addColumn('network_id', 'integer', (c) => c.references('health_network.id'))
    .addColumn('microred_id', 'integer', (c) => c.references('microred.id'))
    .addColumn('district_ubigeo', 'char(6)', (c) => c.notNull().references('district.ubigeo'))
    .addColumn('executing_unit_code', 'text', (c) => c.references('executing_unit.code'))
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('altitude_m', 'double precision')
    .addColumn('coordinate_status', 'text', (c) =>
      c.notNull().check(sql`coordinate_status in ('ok', 'missing', 'outside_district')`),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('in_registry', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema
    .createIndex('establishment_district_idx')
    .on('establishment')
    .column('district_ubigeo')
    .execute();
  await db.schema
    .createIndex('establishment_network_idx')
    .on('establishment')
    .column('network_id')
    .execute();

  await db.schema
    .createTable('establishment_lab_override')
    .addColumn('establishment_code', 'char(8)', (c) =>
      c.primaryKey().references('establishment.code'),
    )
    .addColumn('has_laboratory', 'boolean', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('import', 'manual')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('import_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department_ubigeo', 'char(2)')
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'import_run',
    'establishment_lab_override',
    'establishment',
    'executing_unit',
    'microred',
    'health_network',
    'populated_place',
    'district',
    'province',
    'department',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
