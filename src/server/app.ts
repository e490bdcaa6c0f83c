import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './rate-limit-store';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context';
import { RateLimitedError } from '../errors';
import { registerAuth, requireAccessRules, type RouteEntry } from './auth';
import { registerErrorHandler } from './errors';
import { auditRoutes } from './routes/audit.routes';
import { gradingRoutes } from './routes/grading.routes';
import { healthRoutes } from './routes/health.routes';
import { membersRoutes } from './routes/members.routes';
import { obligationsRoutes } from './routes/obligations.routes';
import { organisationsRoutes } from './routes/organisations.routes';
import { pipiaRoutes } from './routes/pipia.routes';
import { dataSecurityDutiesRoutes } from './routes/data-security-duties.routes';
import { piAuditsRoutes } from './routes/pi-audits.routes';
import { dataRiskRoutes } from './routes/data-risk.routes';
import { privacyRoutes } from './routes/privacy.routes';
import { incidentsRoutes } from './routes/incidents.routes';
import { dataSecurityRoutes } from './routes/data-security.routes';
import { appChecksRoutes } from './routes/app-checks.routes';
import { reportsRoutes } from './routes/reports.routes';
import { assessmentsRoutes } from './routes/assessments.routes';
import { catalogRoutes } from './routes/catalog.routes';
import { ciiRoutes } from './routes/cii.routes';
import { ciiEvaluationsRoutes } from './routes/cii-evaluations.routes';
import { ciiReportsRoutes } from './routes/cii-reports.routes';
import type { MlpsCatalog } from '../catalogs/mlps-catalog.model';
import { shippedMlpsCatalog } from '../catalogs/mlps-catalog';
import { rulesRoutes } from './routes/rules.routes';
import { sessionRoutes } from './routes/session.routes';
import { systemsRoutes } from './routes/systems.routes';
import { tokensRoutes } from './routes/tokens.routes';
import { wordingRoutes } from './routes/wording.routes';
import { attachmentsRoutes } from './routes/attachments.routes';
import { documentTemplateRoutes } from './routes/document-template.routes';
import { verificationRoutes } from './routes/verification.routes';
import { registerWebAssets } from './web-assets';

export interface BuildAppOptions extends Omit<AppContext, 'catalog'> {
  /** The GB/T 22239 catalog; default: the shipped one, validated here (start-up fails if invalid). */
  readonly catalog?: MlpsCatalog;
  readonly logger?: FastifyServerOptions['logger'];
  /** Directory of the built web UI; served at / when it exists. */
  readonly webDir?: string;
  /** Trust X-Forwarded-For from a reverse proxy (for the source IP in the audit log). */
  readonly trustProxy?: boolean;
}

export const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/** JSON bodies above this are refused (413); uploads get their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The app plus its route table (every /api route with its access rule). */
export type DengbaoApp = FastifyInstance & { readonly routeTable: readonly RouteEntry[] };

/** Builds the HTTP app around an open store; ready, not listening. */
export async function buildApp(options: BuildAppOptions): Promise<DengbaoApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  const routeTable: RouteEntry[] = [];
  requireAccessRules(app, routeTable);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // Counted in the database: shared by every worker and every server on the same database.
    store: databaseRateLimitStore(options.store),
    errorResponseBuilder: (_req, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'dengbao API',
        description:
          'MLPS grading, filing and obligations (网络安全等级保护定级、备案与义务). Authenticate with the session cookie from POST /api/session (and send the x-csrf-token header on writes) or with `Authorization: Bearer <API token>`.',
        version: '0.2.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dengbao_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get(
    '/api/openapi.json',
    { schema: { hide: true }, config: { access: { kind: 'public' } } },
    async () => app.swagger(),
  );

  const ctx: AppContext = {
    store: options.store,
    clock: options.clock,
    labelCitation: options.labelCitation,
    security: options.security,
    cipher: options.cipher,
    catalog: options.catalog ?? shippedMlpsCatalog(),
    auditAnchorFile: options.auditAnchorFile ?? null,
  };
  registerAuth(app, ctx);
  for (const routes of [
    healthRoutes,
    sessionRoutes,
    organisationsRoutes,
    membersRoutes,
    tokensRoutes,
    systemsRoutes,
    gradingRoutes,
    obligationsRoutes,
    rulesRoutes,
    auditRoutes,
    catalogRoutes,
    assessmentsRoutes,
    verificationRoutes,
    reportsRoutes,
    ciiRoutes,
    ciiReportsRoutes,
    ciiEvaluationsRoutes,
    wordingRoutes,
    attachmentsRoutes,
    documentTemplateRoutes,
    privacyRoutes,
    pipiaRoutes,
    incidentsRoutes,
    dataSecurityDutiesRoutes,
    piAuditsRoutes,
    dataRiskRoutes,
    dataSecurityRoutes,
    appChecksRoutes,
  ]) {
    await app.register(routes(ctx), { prefix: '/api' });
  }

  await registerWebAssets(app, options.webDir ?? DEFAULT_WEB_DIR);
  await app.ready();
  return Object.assign(app, { routeTable }) as unknown as DengbaoApp;
}
