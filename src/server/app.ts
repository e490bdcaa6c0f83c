import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context';
import { registerErrorHandler } from './errors';
import { gradingRoutes } from './routes/grading.routes';
import { healthRoutes } from './routes/health.routes';
import { obligationsRoutes } from './routes/obligations.routes';
import { organisationsRoutes } from './routes/organisations.routes';
import { rulesRoutes } from './routes/rules.routes';
import { systemsRoutes } from './routes/systems.routes';

export interface BuildAppOptions extends AppContext {
  readonly logger?: FastifyServerOptions['logger'];
  /** Directory of the built web UI; served at / when it exists. */
  readonly webDir?: string;
}

export const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/** Builds the HTTP app around an open store; ready, not listening. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'dengbao API',
        description: 'MLPS grading, filing and obligations (网络安全等级保护定级、备案与义务)',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const ctx: AppContext = {
    store: options.store,
    clock: options.clock,
    labelCitation: options.labelCitation,
  };
  await app.register(healthRoutes(ctx), { prefix: '/api' });
  await app.register(organisationsRoutes(ctx), { prefix: '/api' });
  await app.register(systemsRoutes(ctx), { prefix: '/api' });
  await app.register(gradingRoutes(ctx), { prefix: '/api' });
  await app.register(obligationsRoutes(ctx), { prefix: '/api' });
  await app.register(rulesRoutes(ctx), { prefix: '/api' });

  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(path.join(webDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true });
  }
  // Client-side routes get the SPA; unknown API paths get a JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      existsSync(path.join(webDir, 'index.html'))
    ) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      details: [],
    });
  });
  await app.ready();
  return app;
}
