import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN } from './support';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const port = 18080;

// Workers re-read this config; the env var makes them reuse the directory the main process made.
const dataDir = (process.env.DENGBAO_E2E_DATA_DIR ??= fs.mkdtempSync(
  path.join(os.tmpdir(), 'dengbao-e2e-'),
));

export default defineConfig({
  testDir: '.',
  outputDir: path.join(repoRoot, 'test-results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.DENGBAO_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Playwright starts the webServer before globalSetup, so the server script itself creates the
  // first platform administrator (with the CLI) in the fresh data directory, then serves it.
  webServer: {
    command: 'node test/e2e/start-server.mjs',
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DENGBAO_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      E2E_ADMIN_USERNAME: ADMIN.username,
      E2E_ADMIN_DISPLAY_NAME: ADMIN.displayName,
      E2E_ADMIN_PASSWORD: ADMIN.password,
    },
  },
});
