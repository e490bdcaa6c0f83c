#!/usr/bin/env node
// Compiles src/ to dist/ (one ES module per source file, same layout), so the CLI and server
// start without transpiling TypeScript. Runs at `npm install` (prepare) and before the tests.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist');
const ASSETS = /\.(ya?ml|json|txt|mjs)$/;

function walk(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

const files = walk(src);
const entryPoints = files.filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'),
);

// Pure-ESM libraries made of hundreds of small files (kysely ~260, zod ~95) load much faster as
// a few shared chunks. zod's one other user comes along so that there is a single zod.
const BUNDLED = new Set(['kysely', 'zod', 'fastify-type-provider-zod']);
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

// Every other import stays an import: packages as they are, our own modules with their `.js` name.
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) {
        if (BUNDLED.has(packageOf(args.path))) return undefined;
        return { path: args.path, external: true };
      }
      if (args.importer.includes('node_modules')) return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      for (const [suffix, spec] of [
        ['.ts', `${args.path}.js`],
        ['/index.ts', `${args.path}/index.js`],
      ]) {
        if (existsSync(target + suffix)) return { path: spec, external: true };
      }
      return { path: args.path, external: true }; // .json, .mjs and the like, as written
    });
  },
};

const started = performance.now();
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: out,
  outbase: src,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [keepImports],
});
for (const f of files.filter((f) => ASSETS.test(f))) {
  cpSync(f, path.join(out, path.relative(src, f)));
}
const ms = Math.round(performance.now() - started);
process.stderr.write(`dengbao: compiled ${entryPoints.length} modules to dist/ in ${ms} ms\n`);
