// Playwright's webServer command. Playwright starts the webServer BEFORE globalSetup, so the first
// platform administrator is created here, with the CLI, in the fresh data directory; then the server
// starts on the same directory. There is no default account: without this nobody could sign in.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const { E2E_ADMIN_USERNAME, E2E_ADMIN_DISPLAY_NAME, E2E_ADMIN_PASSWORD, ...serverEnv } =
  process.env;
if (!serverEnv.DENGBAO_DATA_DIR || !E2E_ADMIN_USERNAME || !E2E_ADMIN_PASSWORD) {
  process.stderr.write(
    'start-server: DENGBAO_DATA_DIR, E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD are required\n',
  );
  process.exit(2);
}

const created = spawnSync(
  process.execPath,
  [
    'bin/dengbao.js',
    'users',
    'create-admin',
    '--username',
    E2E_ADMIN_USERNAME,
    '--display-name',
    E2E_ADMIN_DISPLAY_NAME ?? E2E_ADMIN_USERNAME,
  ],
  {
    cwd: repoRoot,
    // The CLI reads the password from the environment, never from argv.
    env: { ...serverEnv, DENGBAO_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD },
    encoding: 'utf8',
  },
);
// A data directory reused on purpose (DENGBAO_E2E_DATA_DIR) already has the administrator.
const exists = /already exists/.test(`${created.stderr}${created.stdout}`);
if (created.status !== 0 && !exists) {
  process.stderr.write(
    `start-server: creating the administrator failed:\n${created.stderr}${created.stdout}`,
  );
  process.exit(created.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  cwd: repoRoot,
  env: serverEnv,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
