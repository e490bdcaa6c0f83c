/**
 * CII boundary kernel at scale: 1,000,000 assets and 5,000,000 dependencies in CSR form,
 * against a plain C breadth-first search over the same arrays (compiled here with the system
 * C compiler; skipped with a note if none is installed). `npx tsx bench/cii-boundary.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  computeBoundaryCompact,
  DEPENDENCY_KINDS,
  type CompactGraph,
} from '../src/domain/cii/boundary';

/** Deterministic pseudo-random graph: mostly local dependencies plus shared platforms. */
function generate(assets: number, dependencies: number, seeds: number): CompactGraph {
  let state = 42;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const perAsset = dependencies / assets;
  const offsets = new Int32Array(assets + 1);
  for (let i = 0; i < assets; i++) offsets[i + 1] = Math.round((i + 1) * perAsset);
  const targets = new Int32Array(offsets[assets]!);
  const kinds = new Uint8Array(offsets[assets]!);
  const external = new Uint8Array(assets);
  for (let i = 0; i < assets; i++) {
    if (random() < 0.01) external[i] = 1;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      targets[e] =
        random() < 0.8
          ? (i + 1 + Math.floor(random() * 50)) % assets
          : Math.floor(random() * assets);
      kinds[e] = Math.floor(random() * DEPENDENCY_KINDS.length);
    }
  }
  const seedList = Int32Array.from({ length: seeds }, () => Math.floor(random() * assets));
  return { assetCount: assets, external, offsets, targets, kinds, seeds: seedList };
}

const C_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <time.h>
static void *slurp(const char *p, long *n) { FILE *f = fopen(p, "rb"); fseek(f, 0, SEEK_END); *n = ftell(f); fseek(f, 0, SEEK_SET); void *b = malloc(*n); fread(b, 1, *n, f); fclose(f); return b; }
int main(int argc, char **argv) {
  long no, nt, nk, ne, ns; int32_t *off = slurp(argv[1], &no), *tg = slurp(argv[2], &nt), *sd = slurp(argv[5], &ns);
  uint8_t *kd = slurp(argv[3], &nk), *ex = slurp(argv[4], &ne);
  int n = (int)(no / 4) - 1, s = (int)(ns / 4);
  uint8_t *in = calloc(n, 1); int32_t *q = malloc(4L * n), *par = malloc(4L * n); uint8_t *pk = malloc(n); int32_t *pts = malloc(8L * (nt / 4 + 1));
  struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
  int h = 0, t = 0; long np = 0;
  for (int i = 0; i < n; i++) { par[i] = -1; pk[i] = 255; }
  for (int i = 0; i < s; i++) { int x = sd[i]; if (in[x] || ex[x]) continue; in[x] = 1; q[t++] = x; }
  while (h < t) { int u = q[h++]; for (int e = off[u]; e < off[u + 1]; e++) { int v = tg[e], k = kd[e];
    if (k == 4 || ex[v]) { pts[np++] = u; pts[np++] = v; continue; } if (in[v]) continue; in[v] = 1; par[v] = u; pk[v] = k; q[t++] = v; } }
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%d %.3f\n", t, (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6);
  return 0;
}
`;

export function benchCiiBoundary(assets = 1_000_000, dependencies = 5_000_000): void {
  const t0 = performance.now();
  const graph = generate(assets, dependencies, 1000);
  const built = performance.now() - t0;
  const runs: number[] = [];
  let inside = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    inside = computeBoundaryCompact(graph).insideCount;
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `cii      boundary over ${assets.toLocaleString()} assets / ${dependencies.toLocaleString()} dependencies (generated in ${built.toFixed(0)} ms): median ${runs[1]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)} ms), ${inside.toLocaleString()} inside, RSS ${rss.toFixed(0)} MB`,
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-cii-'));
  try {
    const file = (name: string, data: ArrayBufferView) => {
      const p = path.join(dir, name);
      writeFileSync(p, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      return p;
    };
    const args = [
      file('offsets.bin', graph.offsets),
      file('targets.bin', graph.targets),
      file('kinds.bin', graph.kinds),
      file('external.bin', graph.external),
      file('seeds.bin', graph.seeds),
    ];
    const source = path.join(dir, 'bfs.c');
    writeFileSync(source, C_SOURCE);
    const binary = path.join(dir, 'bfs');
    try {
      execFileSync('cc', ['-O2', '-o', binary, source], { stdio: 'pipe' });
    } catch {
      console.log('cii      C comparison skipped: no C compiler (cc) on this machine');
      return;
    }
    const cRuns = [0, 1, 2].map(() => {
      const [count, ms] = execFileSync(binary, args, { encoding: 'utf8' }).trim().split(' ');
      if (Number(count) !== inside)
        throw new Error(`C BFS found ${count} inside, we found ${inside}`);
      return Number(ms);
    });
    cRuns.sort((a, b) => a - b);
    console.log(
      `cii      same graph, plain C BFS (cc -O2): median ${cRuns[1]!.toFixed(0)} ms → TypeScript / C = ${(runs[1]! / cRuns[1]!).toFixed(2)}× (target ≤ 3×)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchCiiBoundary();
