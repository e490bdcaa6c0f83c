#!/usr/bin/env node
// The tests need Debian's Chromium and CJK fonts (browser tests), poppler-utils (pdftotext and
// pdftoppm read the PDFs we render) and the PostgreSQL client tools (pg_dump / pg_restore drive
// backup and restore). Install them when missing and we are root (as in CI or a fresh container);
// otherwise say exactly what to install. `npm test` runs this first.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.DENGBAO_CHROMIUM ?? '/usr/bin/chromium';
const hasCjkFont = () => spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .']).status === 0;
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (!hasCommand('pdftotext') || !hasCommand('pdftoppm')) missing.push('poppler-utils');
if (!hasCommand('pg_dump') || !hasCommand('pg_restore')) missing.push('postgresql-client');
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptGet = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
if (isRoot && aptGet) {
  console.log(`installing ${missing.join(' ')} (needed by the tests)...`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    { stdio: 'inherit' },
  );
  process.exit(0);
}
console.error(
  `The tests need: ${missing.join(', ')}.\n` +
    `Install with: sudo apt-get install -y ${missing.join(' ')}\n` +
    `(or point DENGBAO_CHROMIUM at a Chromium binary).`,
);
process.exit(1);
