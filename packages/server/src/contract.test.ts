import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.js';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/**
 * One contract (issue 11): every route declares what it answers, from @yawar/api's schemas, so
 * the OpenAPI document, the server's serialiser and the web app's types are one thing. A route
 * added without a response schema fails here.
 */
describe('API contract', () => {
  let testApp: TestApp;
  let operations: { route: string; operation: OpenApiOperation }[];

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.ready();
    const document = testApp.app.swagger() as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  });
  afterAll(() => testApp.close());

  it('documents the routes', () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.map((o) => o.route)).toContain('GET /api/surveillance/prevalence');
  });

  it('gives every route a success response with a schema (204 aside, which has no body)', () => {
    const missing = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
          status.startsWith('2'),
        );
        if (success.length === 0) return true;
        return success.some(
          ([status, response]) =>
            status !== '204' &&
            !Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
        );
      })
      .map((o) => o.route);
    expect(missing).toEqual([]);
  });

  it('names the media type of every file it sends', () => {
    const files = operations.filter(({ route }) => /export|\.csv|\.xlsx/.test(route));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const { route, operation } of files) {
      const media = Object.keys(operation.responses?.['200']?.content ?? {});
      expect(media.length, `${route} names no media type`).toBeGreaterThan(0);
      expect(media, route).not.toContain('application/json');
    }
  });
});
