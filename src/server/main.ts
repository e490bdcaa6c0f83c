import { systemClock } from '../app/clock';
import { citationLabeller, loadShippedKnowledgeBase } from '../app/citation-labels';
import { openStore, storeOptionsFromEnv } from '../store/database';
import { buildApp } from './app';

/** Starts the server from the environment: PORT, HOST, DENGBAO_DATA_DIR, DATABASE_URL. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const labelCitation = citationLabeller(loadShippedKnowledgeBase());
  const store = await openStore(storeOptionsFromEnv(env));
  const app = await buildApp({
    store,
    clock: systemClock,
    labelCitation,
    logger: { level: env.LOG_LEVEL ?? 'info' },
  });
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port, host });
  app.log.info(
    `dengbao is serving http://${host}:${port}/ (store: ${store.dialect} at ${store.location}; API docs at /api/docs)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
