import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLaboratoryOverride, systemActor } from '@yawar/db';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createTestApp, testSecurity, type TestApp } from './testing/test-app.js';

let testApp: TestApp;
let app: FastifyInstance;

interface Collection {
  type: string;
  features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
}

beforeAll(async () => {
  testApp = await createTestApp();
  app = testApp.app;
  app.get('/api/test/failure', { config: { access: { kind: 'public' } } }, () => {
    throw new Error('internal detail that must not leak');
  });
  await app.ready();
});

afterAll(() => testApp.close());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    body: response.json() as unknown,
    headers: response.headers,
  };
};

describe('GET /api/health', () => {
  it('answers ok with the engine in use', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', database: testApp.database.engine, version: 'test' });
  });

  it('answers while another request holds the database in a long transaction (issue 10, finding 6)', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    // An import's write phase: one transaction that keeps the embedded engine's session.
    const held = testApp.database.db.transaction().execute(async (trx) => {
      await sql`lock table screening in share row exclusive mode`.execute(trx);
      opened();
      await finished;
    });
    await isOpen;
    try {
      const answer = await Promise.race([
        get('/api/health'),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
      ]);
      expect(answer).toMatchObject({ status: 200, body: { status: 'ok' } });
    } finally {
      finish();
      await held;
    }
  });
});

describe('territory', () => {
  it('returns the 127 Cajamarca districts as GeoJSON with population and altitude', async () => {
    const { status, body } = await get('/api/districts');
    const districts = body as Collection;
    expect(status).toBe(200);
    expect(districts.type).toBe('FeatureCollection');
    expect(districts.features).toHaveLength(127);
    const cajamarca = districts.features.find((f) => f.id === '060101');
    expect(cajamarca?.properties).toMatchObject({
      name: 'CAJAMARCA',
      provinceName: 'CAJAMARCA',
      capitalAltitudeM: 2731,
    }); // ubigeo_distrito.csv, altitude of 060101
    expect(cajamarca?.properties['population2022']).toBeGreaterThan(200_000);
    expect(
      districts.features.every((f) => typeof f.properties['capitalAltitudeM'] === 'number'),
    ).toBe(true);
    const children = districts.features.reduce(
      (sum, f) => sum + Number(f.properties['children6to35Months']),
      0,
    );
    expect(children).toBe(14_062 + 26_737 + 28_458);
    const establishments = districts.features.reduce(
      (sum, f) => sum + Number(f.properties['establishmentCount']),
      0,
    );
    expect(establishments).toBe(1298);
  });

  it('filters districts by province and returns one district by ubigeo', async () => {
    const province = (await get('/api/districts?province=0601')).body as Collection;
    expect(province.features).toHaveLength(12);
    const one = await get('/api/districts/060101');
    expect(one.status).toBe(200);
    expect((one.body as { properties: { name: string } }).properties.name).toBe('CAJAMARCA');
  });

  it('summarises the department', async () => {
    const { body } = await get('/api/summary?department=06');
    expect(body).toEqual({
      department: { ubigeo: '06', name: 'CAJAMARCA' },
      provinces: 13,
      districts: 127,
      establishments: 1298,
      establishmentsWithCoordinates: 1143,
      populatedPlaces: 6513,
      networks: 14,
    });
  });

  it('returns the populated places of a district', async () => {
    const { body } = await get('/api/populated-places?district=060101');
    const places = body as Collection;
    expect(places.features.length).toBeGreaterThan(50);
    expect(places.features.every((f) => f.properties['districtUbigeo'] === '060101')).toBe(true);
  });
});

describe('establishments', () => {
  it('filters by category', async () => {
    const { body } = await get('/api/establishments?category=I-4');
    const collection = body as Collection;
    // RENAES 2025 recategorised two I-3 and one II-E establishment as I-4 (the 2021 list had 19).
    expect(collection.features).toHaveLength(21);
    expect(
      collection.features.every(
        (f) => f.properties['category'] === 'I-4' && f.properties['hasLaboratory'] === true,
      ),
    ).toBe(true);
    const both = (await get('/api/establishments?category=I-3,I-4')).body as Collection;
    expect(both.features).toHaveLength(224);
  });

  it('filters by network and district, and searches by name without accents or by code', async () => {
    const chota = (await get('/api/establishments?network=chota')).body as Collection;
    expect(chota.features).toHaveLength(164);
    const district = (await get('/api/establishments?district=060101')).body as Collection;
    expect(district.features.every((f) => f.properties['districtUbigeo'] === '060101')).toBe(true);
    const jaen = (await get('/api/establishments?q=jaen')).body as Collection;
    expect(jaen.features.map((f) => f.id)).toContain('00004210');
    const byCode = (await get('/api/establishments?q=4612')).body as Collection;
    expect(byCode.features.map((f) => f.properties['name'])).toContain('CHILIMPAMPA');
  });

  it('keeps establishments without coordinates, with a null geometry', async () => {
    const all = (await get('/api/establishments')).body as Collection;
    expect(all.features).toHaveLength(1298);
    const missing = all.features.filter((f) => f.geometry === null);
    expect(missing).toHaveLength(155);
    expect(missing.every((f) => f.properties['coordinateStatus'] === 'missing')).toBe(true);
    expect(
      all.features.filter((f) => f.properties['coordinateStatus'] === 'outside_district'),
    ).toHaveLength(39);
  });

  it('gives at least 800 Cajamarca establishments a microred, an executing unit and an altitude', async () => {
    const all = (await get('/api/establishments?department=06')).body as Collection;
    const withAll = all.features.filter(
      (f) =>
        f.properties['microred'] !== null &&
        f.properties['executingUnitCode'] !== null &&
        f.properties['altitudeM'] !== null,
    );
    expect(withAll.length).toBeGreaterThanOrEqual(800);
    expect(all.features.filter((f) => f.properties['microred'] !== null)).toHaveLength(822);
    expect(all.features.filter((f) => f.properties['executingUnitCode'] !== null)).toHaveLength(
      829,
    );
    const flagged = all.features.find((f) => f.id === '00004660');
    expect(flagged?.properties['registryDiscrepancies']).toEqual([
      expect.objectContaining({ field: 'coordinates', chosenSource: 'RENAES 2025' }),
    ]);
  });

  it('returns one establishment, with its RENAES network, executing unit and altitude', async () => {
    const { status, body } = await get('/api/establishments/4210');
    expect(status).toBe(200);
    expect((body as { properties: Record<string, unknown> }).properties).toMatchObject({
      code: '00004210',
      category: 'II-1',
      institution: 'GOBIERNO REGIONAL',
      executingUnitCode: '1047',
      altitudeM: 729,
      altitudeSource: 'renaes',
      inRenaes: true,
      hasLaboratory: true,
      laboratorySource: 'category_rule',
    });
  });

  it('shows a planner override of the laboratory rule', async () => {
    await setLaboratoryOverride(testApp.database.db, systemActor('test'), '00004612', {
      hasLaboratory: true,
      reason: 'laboratorio instalado en 2025',
    });
    const { body } = await get('/api/establishments/00004612');
    expect((body as { properties: Record<string, unknown> }).properties).toMatchObject({
      category: 'I-1',
      hasLaboratory: true,
      laboratorySource: 'override',
      laboratoryReason: 'laboratorio instalado en 2025',
    });
    await setLaboratoryOverride(testApp.database.db, systemActor('test'), '00004612', null);
  });

  it('counts per network, category and executing unit', async () => {
    const networks = (await get('/api/networks')).body as {
      items: { name: string; establishmentCount: number }[];
    };
    expect(networks.items).toContainEqual({ name: 'CHOTA', establishmentCount: 164 });
    const categories = (await get('/api/categories')).body as {
      items: { code: string; count: number }[];
    };
    expect(categories.items.map((c) => c.code)).toEqual([
      'I-1',
      'I-2',
      'I-3',
      'I-4',
      'II-1',
      'II-2',
      'SD',
    ]);
    expect(categories.items.reduce((sum, c) => sum + c.count, 0)).toBe(1298);
    const units = (await get('/api/executing-units')).body as {
      items: { code: string; establishmentCount: number }[];
    };
    expect(units.items.map((u) => [u.code, u.establishmentCount])).toEqual([
      ['785', 233],
      ['786', 159],
      ['787', 183],
      ['788', 78],
      ['999', 1],
      ['1047', 1],
      ['1539', 1],
      ['1654', 84],
      ['1662', 50],
      ['1671', 39],
    ]);
  });
});

describe('errors', () => {
  it('rejects bad parameters with 400 and a stable code', async () => {
    const { status, body } = await get('/api/establishments?category=I-9');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_request' } });
    expect((await get('/api/districts?department=6x')).status).toBe(400);
    expect((await get('/api/establishments/abc')).status).toBe(400);
  });

  it('answers 404 in the error shape for unknown records and routes', async () => {
    expect(await get('/api/establishments/99999999')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(await get('/api/summary?department=25')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(await get('/api/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', details: null } },
    });
  });

  it('hides internal errors behind a generic 500', async () => {
    const { status, body } = await get('/api/test/failure');
    expect(status).toBe(500);
    expect(body).toEqual({
      error: {
        code: 'internal_error',
        message: 'the server could not complete the request',
        details: null,
      },
    });
  });
});

describe('sources', () => {
  it('names the publisher and vintage of every reference dataset, and each establishment cites them', async () => {
    const { body } = await get('/api/sources');
    const ids = (body as { items: { id: string }[] }).items.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'minsa-tb-eess',
        'minsa-renaes',
        'inei-limits-2007',
        'minsa-reunis-2020',
      ]),
    );
    const hospital = (await get('/api/establishments/4210')).body as {
      properties: { source: string };
    };
    expect(hospital.properties.source).toBe('MINSA, TB_EESS (≈2021); MINSA, RENAES (2025)');
  });
});

describe('OpenAPI', () => {
  it('documents every public route', async () => {
    const { status, body } = await get('/api/docs/json');
    expect(status).toBe(200);
    const paths = Object.keys((body as { paths: Record<string, unknown> }).paths);
    for (const path of [
      '/api/health',
      '/api/districts',
      '/api/establishments',
      '/api/establishments/{code}',
      '/api/networks',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('compresses large responses for slow connections', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/districts',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
  });
});

describe('the web app', () => {
  it('serves index.html for client routes, but 404 for a missing asset', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Yawar</title>');
    const web = await buildApp({
      connection: testApp.database,
      defaultDepartment: '06',
      version: 'test',
      security: testSecurity(webDir),
      webDir,
      logger: false,
    });
    try {
      const page = await web.inject({ method: 'GET', url: '/unidades/785' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const asset = await web.inject({ method: 'GET', url: '/assets/index-gone.js' });
      expect(asset.statusCode).toBe(404);
      expect(asset.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});
