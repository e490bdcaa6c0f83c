#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a runtime dependency), so no build step is needed.
import { register } from 'tsx/esm/api';
register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
if (code !== 0 || !process.argv.includes('serve')) process.exitCode = code;
