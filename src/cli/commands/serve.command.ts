import type { Command } from 'commander';
import { startServer } from '../../server/main';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web UI and API (PORT, HOST, DENGBAO_DATA_DIR, DATABASE_URL)')
    .option('-p, --port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'host (default HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      await startServer({
        ...process.env,
        ...(opts.port && { PORT: opts.port }),
        ...(opts.host && { HOST: opts.host }),
      });
    });
}
