import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

interface Collection {
  features: { id: string; properties: Record<string, unknown> }[];
}

async function get(url: string): Promise<Collection> {
  const response = await testApp.app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('altitudes in the API', () => {
  it('gives every populated place of Cajamarca an altitude with its source', async () => {
    const places = await get('/api/populated-places?department=06');
    expect(places.features).toHaveLength(6513);
    expect(places.features.every((f) => typeof f.properties['altitudeM'] === 'number')).toBe(true);
    expect(new Set(places.features.map((f) => f.properties['altitudeSource']))).toEqual(
      new Set(['dem']),
    );
    // Cajamarca city (INEI 0601010001, −7.1546, −78.5107): the capital's official altitude is 2,731 m.
    const city = places.features.find((f) => f.id === '0601010001');
    expect(Math.abs(Number(city?.properties['altitudeM']) - 2731)).toBeLessThan(60);
  });

  it('says where each establishment altitude comes from, with an altitude for every one', async () => {
    const establishments = await get('/api/establishments?department=06');
    const sources = new Map<unknown, number>();
    for (const f of establishments.features) {
      const source = f.properties['altitudeSource'];
      sources.set(source, (sources.get(source) ?? 0) + 1);
      if (source !== null) expect(typeof f.properties['altitudeM']).toBe('number');
    }
    expect(sources.get('renaes')).toBeGreaterThan(800);
    expect((sources.get('dem') ?? 0) + (sources.get('district_capital') ?? 0)).toBeGreaterThan(400);
    expect(sources.get(null) ?? 0).toBe(0);
  });
});
