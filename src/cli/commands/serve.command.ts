import type { Command } from 'commander';
import { parseWorkerCount, serveWorkers } from '../../server/cluster';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'start the web UI and API (PORT, HOST, DENGBAO_DATA_DIR, DATABASE_URL, DENGBAO_WORKERS)',
    )
    .option('-p, --port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'host (default HOST or 127.0.0.1)')
    .option(
      '-w, --workers <n>',
      'server processes sharing the port (default DENGBAO_WORKERS or one per core)',
    )
    .action(async (opts: { port?: string; host?: string; workers?: string }) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...(opts.port && { PORT: opts.port }),
        ...(opts.host && { HOST: opts.host }),
      };
      await serveWorkers(env, parseWorkerCount(opts.workers ?? env.DENGBAO_WORKERS));
    });
}
