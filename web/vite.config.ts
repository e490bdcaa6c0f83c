import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Files worth compressing: text of at least 1 KB (smaller ones gain less than the header costs). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside each compressible file of the build, once, at the best
 * levels, so the server sends them (@fastify/static `preCompressed`) without compressing per
 * request. A variant that is not smaller than the file is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'dengbao:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true }))
        .map((f) => path.join(outDir, f))
        .filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < MIN_COMPRESS_BYTES) return;
          const data = await readFile(file);
          const variants: [string, Buffer][] = [
            [
              '.br',
              await brotli(data, {
                params: {
                  [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                  [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
            ],
            ['.gz', await gz(data, { level: zlib.Z_BEST_COMPRESSION })],
          ];
          for (const [ext, packed] of variants)
            if (packed.length < data.length) await writeFile(file + ext, packed);
        }),
      );
    },
  };
}

/** A module of one of these packages (rolldown ids are absolute paths; `[\\/]` for Windows). */
const inPackages = (names: string[]) =>
  new RegExp(`node_modules[\\\\/](${names.join('|')})[\\\\/]`);

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts (about 510 KB, loaded by the assessments list only) is the largest chunk.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // entriesAware chunks are named after every page that shares them: keep file names short.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('antd~') ? 'assets/antd-[hash].js' : 'assets/[name]-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((n) => n.startsWith('antd~'))
            ? 'assets/antd-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
        // Libraries change less often than the app, so they get chunks of their own that stay
        // cached across releases. Only the React core and the antd components the shell uses
        // load on every page; each page is its own chunk (React.lazy in App.tsx), and libraries
        // only some pages use (ECharts, React Flow) load with those pages.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: inPackages([
                'react',
                'react-dom',
                'scheduler',
                'react-router',
                'react-router-dom',
                '@tanstack',
                'i18next',
                'react-i18next',
              ]),
              priority: 4,
            },
            { name: 'echarts', test: inPackages(['echarts', 'zrender']), priority: 3 },
            {
              name: 'react-flow',
              test: inPackages(['@xyflow', '@dagrejs', 'd3-[a-z-]+', 'classcat', 'zustand']),
              priority: 3,
            },
            // antd is split by the pages that use each component (entriesAware), in chunks of at
            // least 60 KB so that a page does not wait for dozens of tiny files.
            {
              name: 'antd',
              entriesAware: true,
              entriesAwareMergeThreshold: 60 * 1024,
              test: inPackages(['antd', '@ant-design', '@rc-component', 'rc-[a-z-]+', 'dayjs']),
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
