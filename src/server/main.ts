import { importLimitsFromEnv } from '../spreadsheet/limits';
import { shippedMlpsCatalog } from '../catalogs/mlps-catalog';
import { systemClock } from '../app/clock';
import { citationLabeller, loadShippedKnowledgeBase } from '../app/citation-labels';
import { needsFirstAdmin } from '../app/identity';
import { securityConfigFromEnv } from '../security/config';
import { createFieldCipher } from '../security/field-crypto';
import { anchorFilePath, startAnchorSchedule } from '../app/audit-anchors';
import { loadStoreKeyring } from '../app/backup/keyring-guard';
import { fieldCipherAtStart } from '../app/field-binding';
import { openStoreFromEnv } from '../app/bootstrap';
import { buildApp } from './app';

/**
 * Starts the server from the environment (see the README's configuration table). Under
 * `serve --workers N` each worker runs this; only the one with DENGBAO_AUDIT_ANCHORS unset or
 * `on` keeps the audit anchors, and the primary has already migrated the store and created keys.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const security = securityConfigFromEnv(env);
  importLimitsFromEnv(env); // a bad import limit stops the start, not the first upload
  // Embedded mode creates a key file beside new SQLite data (never beside existing encrypted
  // data); with PostgreSQL the keys must be configured.
  const keys = loadStoreKeyring(env);
  const labelCitation = citationLabeller(loadShippedKnowledgeBase());
  const store = await openStoreFromEnv(env);
  // Values encrypted before the field binding are bound to their row now (no operator step).
  const fields = await fieldCipherAtStart(store, keys.keyring);
  const app = await buildApp({
    store,
    clock: systemClock,
    labelCitation,
    security,
    cipher: fields.cipher,
    trustProxy: env.DENGBAO_TRUST_PROXY === 'true',
    logger: { level: env.LOG_LEVEL ?? 'info' },
    auditAnchorFile: anchorFilePath(env),
  });
  if (keys.created)
    app.log.warn(
      `created the encryption key file ${keys.file ?? keys.source}; back it up — it is not in the database`,
    );
  for (const w of [...keys.warnings, ...(store.warnings ?? []), ...fields.warnings])
    app.log.warn(w);
  for (const line of fields.info) app.log.info(line);
  // Audit heads to a file outside the database now and each day: a cut-off tail is then caught.
  const anchors =
    env.DENGBAO_AUDIT_ANCHORS === 'off'
      ? { stop: () => undefined }
      : await startAnchorSchedule(store.db, anchorFilePath(env), () => systemClock.now(), app.log);
  const close = async () => {
    anchors.stop();
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
  process.send?.({ dengbao: 'listening', port, host });
  if (env.DENGBAO_WORKER_INDEX && env.DENGBAO_WORKER_INDEX !== '0') return;
  if (
    await needsFirstAdmin({
      store,
      clock: systemClock,
      labelCitation,
      security,
      cipher: createFieldCipher(keys.keyring),
      catalog: shippedMlpsCatalog(),
    })
  ) {
    app.log.warn(
      'no accounts yet: create the first administrator with `npx dengbao users create-admin --username <name>`',
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
