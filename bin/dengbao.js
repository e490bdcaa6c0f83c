#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` or `npm run build`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'dengbao: the compiled program is missing (dist/cli/main.js); run `npm run build` in the dengbao folder first\n',
  );
  process.exit(1);
}
const { runCli } = await import(main.href);
const code = await runCli(process.argv.slice(2));
if (code !== 0 || !process.argv.includes('serve')) process.exitCode = code;
