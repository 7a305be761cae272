import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext, ServerContext } from './context.js';
import { ApiError, errorBody, registerErrorHandling } from './errors.js';
import { rejectUnstorableText } from './routes/inputs.js';
import { establishmentRoutes } from './routes/establishments.js';
import { followUpRoutes } from './routes/follow-up.js';
import { healthRoutes } from './routes/health.js';
import { screeningImportRoutes } from './routes/screening-imports.js';
import { jobRoutes } from './routes/jobs.js';
import { registerProgrammingRoutes } from './routes/programming/index.js';
import { registerSupplyRoutes } from './routes/supply/index.js';
import { JobRegistry } from './jobs/job-registry.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { laboratoryRoutes } from './routes/laboratory.js';
import { microredRoutes } from './routes/microreds.js';
import { sourceRoutes } from './routes/sources.js';
import { surveillanceRoutes } from './routes/surveillance.js';
import { surveillanceSeriesRoutes } from './routes/surveillance-series.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';
import { accessPlugin } from './security/access-hook.js';
import { headersPlugin } from './security/headers-plugin.js';
import { sessionPlugin } from './security/session-plugin.js';
import { territoryRoutes } from './routes/territory.js';

export interface AppOptions extends AppContext {
  /** Built web app to serve at / (packages/web/dist); null serves the API alone. */
  readonly webDir: string | null;
  readonly logger: FastifyServerOptions['logger'];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    requestIdHeader: 'x-request-id',
    // Unique across restarts and servers, so an audit row's request id finds its log lines.
    genReqId: () => randomUUID(),
    trustProxy: options.security.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(headersPlugin);
  // Planners are often on slow rural links; GeoJSON compresses about tenfold.
  await app.register(compress, { threshold: 1024 });
  await app.register(rateLimit, {
    global: false,
    // Thrown by the plugin: an ApiError, so the one error handler gives the one error shape.
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'too_many_requests',
        `too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
  await app.register(sessionPlugin, {
    connection: options.connection,
    switches: { demoAccountsEnabled: options.security.demoAccounts },
  });
  await app.register(accessPlugin, { publicRegistries: options.security.publicRegistries });
  // No NUL byte or lone surrogate reaches a route, whatever its schema (issue 10, finding 7);
  // after the access checks, so a caller who would get 401 or 403 learns nothing about input.
  app.addHook('preValidation', rejectUnstorableText);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yawar API',
        version: options.version,
        description: 'Territory, health network and planning data for Peru’s public health system',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(healthRoutes(options));
  await app.register(authRoutes(options));
  await app.register(territoryRoutes(options));
  await app.register(microredRoutes(options));
  await app.register(establishmentRoutes(options));
  await app.register(laboratoryRoutes(options));
  await app.register(unitRoutes(options));
  await app.register(userRoutes(options));
  await app.register(auditRoutes(options));
  await app.register(surveillanceRoutes(options));
  await app.register(surveillanceSeriesRoutes(options));
  await app.register(followUpRoutes(options));
  const server: ServerContext = { ...options, jobs: new JobRegistry() };
  await app.register(jobRoutes(server));
  await app.register(screeningImportRoutes(server));
  await registerProgrammingRoutes(app, server);
  await registerSupplyRoutes(app, server);
  await app.register(sourceRoutes);
  await serveWebApp(app, options.webDir);
  return app;
}

/** Serves the single-page app; unknown non-API paths get index.html so client routes survive a reload. */
async function serveWebApp(app: FastifyInstance, webDir: string | null): Promise<void> {
  const index = webDir ? path.join(webDir, 'index.html') : null;
  const hasWeb = index !== null && fs.existsSync(index);
  if (hasWeb && webDir) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // Client routes (/unidades/785 …) get the app; a missing file under /assets/ is a real 404,
    // not index.html, which the browser would refuse as a script after a rebuild.
    const isClientRoute = !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (hasWeb && request.method === 'GET' && isClientRoute) return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(
        errorBody('not_found', `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`),
      );
  });
}
