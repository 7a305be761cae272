import { createUser, DEMO_PASSWORD, systemActor } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** A production-like deployment: registries closed, demo accounts off, behind a TLS proxy. */
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({
    publicRegistries: false,
    demoAccounts: false,
    trustProxy: true,
    loginAttemptsPerMinute: 3,
  });
});

afterAll(() => testApp.close());

describe('a closed, production-like deployment', () => {
  it('asks for a session before showing the registries', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/districts' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await testApp.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses demo accounts and does not advertise them', async () => {
    const demo = await testApp.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    expect(demo.json()).toEqual({ items: [], password: null });
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.1',
      payload: { username: 'demo.admin', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ error: { code: 'account_disabled' } });
  });

  it('rate-limits login attempts per address with 429', async () => {
    const attempt = () =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.2',
        payload: { username: 'nobody', password: 'x' },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await attempt()).json()).toMatchObject({ error: { code: 'too_many_requests' } });
    const elsewhere = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.3',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('sends HSTS and a Secure cookie when the proxy says the request came over TLS', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    await createUser(testApp.database.db, systemActor('test'), {
      username: 'tls.user',
      displayName: 'TLS',
      role: 'viewer',
      scope: { kind: 'national', code: '' },
      password: 'clave-segura-larga',
    });
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.4',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'tls.user', password: 'clave-segura-larga' },
    });
    expect(login.cookies.find((c) => c.name === 'yawar_session')).toMatchObject({
      secure: true,
      httpOnly: true,
    });
  });
});
