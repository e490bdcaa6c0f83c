/**
 * The bare comparison server: `bare <jsonFile> [workers]` serves one JSON body from memory with
 * plain Fastify, in as many processes (node:cluster) as the dengbao server under test, so the
 * two are compared on the same footing. Prints `PORT <n>` once listening.
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [mode, file, workersArg] = process.argv.slice(2);
if (!file || mode !== 'bare') {
  console.error('usage: api-server.ts bare <jsonFile> [workers]');
  process.exit(2);
}
const workers = Number(workersArg ?? 1);
const port = Number(process.env.BARE_PORT ?? 0);

if (workers > 1 && cluster.isPrimary) {
  // Workers share one port: the primary picks a free one first and hands it over.
  const probe = Fastify();
  await probe.listen({ port: 0, host: '127.0.0.1' });
  const chosen = (probe.server.address() as { port: number }).port;
  await probe.close();
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork({ BARE_PORT: String(chosen) }).on('message', () => {
      if (++ready === workers) console.log(`PORT ${chosen}`);
    });
  }
} else {
  const body = readFileSync(file, 'utf8');
  const app = Fastify();
  app.get('/*', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  await app.listen({ port, host: '127.0.0.1' });
  if (process.send) process.send('ready');
  else console.log(`PORT ${(app.server.address() as { port: number }).port}`);
}
