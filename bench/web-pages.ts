/**
 * `npx tsx bench/web-pages.ts` (npm run bench:web): how fast each page of the web UI shows its
 * content, in a real Chromium against a real server on loopback.
 *
 * It needs a built web UI (`npm run build:web`). It seeds a temporary SQLite store through the API
 * (an organisation with 40 systems, a level-3 system with an assessment and two test objects, a CII
 * core business), signs in, then for each page of the tour measures the time from navigation start
 * to the page's first meaningful element (a table row or the page's main content, never the
 * spinner or skeleton):
 *  - cold: a fresh browser context (empty HTTP cache) per run;
 *  - warm: the same page loaded a second time in the same context (cached assets).
 * Median of BENCH_WEB_RUNS runs (default 5) after one discarded warm-up round. It also prints the
 * JavaScript bytes transferred on a cold first load (compressed, as on the wire) and their size
 * once decoded.
 *
 * The server runs in a child process (this file with the argument `serve`), so the browser driver
 * does not share its event loop. Other load on the machine shows in the figures: the load average
 * is printed with them.
 *
 * Environment: DENGBAO_CHROMIUM (default /usr/bin/chromium); BENCH_WEB_RUNS; BENCH_WEB_DIR (a built
 * web UI other than web/dist, e.g. to compare two builds); BENCH_WEB_PAGES=catalog,基线 (only pages
 * whose name contains one of these); BENCH_WEB_TRACE=1 (instead of the table: one cold load per
 * page with its main-thread time by script and its network timeline); BENCH_WEB_SHOTS=<dir>
 * (with BENCH_WEB_TRACE, a screenshot of each page).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CLI_ACTOR } from '../src/app/actor';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { createUser } from '../src/app/identity';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { buildApp, DEFAULT_WEB_DIR } from '../src/server/app';
import { openStore } from '../src/store/database';
import { BENCH_KEYS } from './generate';

const USERNAME = 'webbench';
const PASSWORD = 'Dengbao#Pages-2026';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const CHROMIUM = process.env.DENGBAO_CHROMIUM ?? '/usr/bin/chromium';
/** The built web UI to serve (default web/dist). */
const WEB_DIR = process.env.BENCH_WEB_DIR
  ? path.resolve(process.env.BENCH_WEB_DIR)
  : DEFAULT_WEB_DIR;

function appContext(store: AppContext['store']): AppContext {
  return {
    store,
    clock: systemClock,
    labelCitation: citationLabeller(loadShippedKnowledgeBase()),
    // Sign-in happens once per context here; the limiter is not what is measured.
    security: { ...DEFAULT_SECURITY_CONFIG, signInRateLimitPerMinute: 1_000_000 },
    cipher: createFieldCipher(parseKeyList(BENCH_KEYS, 'bench')),
    catalog: shippedMlpsCatalog(),
    auditAnchorFile: null,
  };
}

/** Child process: serves dengbao (API + built web UI) on the store; prints `PORT <n>`. */
async function serve(file: string): Promise<void> {
  const store = await openStore({ kind: 'sqlite', file });
  const app = await buildApp({ ...appContext(store), webDir: WEB_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`PORT ${(app.server.address() as { port: number }).port}`);
}

function startServer(file: string): Promise<{ child: ChildProcess; origin: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, 'web-pages.ts'), 'serve', file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /PORT (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, origin: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`web bench server exited with ${code}`)));
  });
}

/** A JSON API client with the session cookie and CSRF token of one user. */
async function apiClient(origin: string) {
  const signIn = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
}

interface Seeded {
  readonly orgId: string;
  readonly systemId: string;
  readonly assessmentId: string;
  readonly businessId: string;
}

async function seed(origin: string): Promise<Seeded> {
  const call = await apiClient(origin);
  const { id: orgId } = await call<{ id: string }>('POST', '/api/organisations', {
    name: '某市大数据管理局',
  });
  const org = `/api/organisations/${orgId}`;
  const grade = (serious: boolean) => ({
    businessInformation: [
      { object: 'social_order_public_interest', degree: serious ? 'serious' : 'general' },
    ],
    systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
    gradedOn: '2026-03-02',
    reason: '基准测试数据：业务中断影响社会秩序和公共利益。',
  });
  let systemId = '';
  for (let i = 0; i < 40; i++) {
    const system = await call<{ id: string; version: number }>('POST', `${org}/systems`, {
      name: i === 0 ? '政务服务平台' : `业务系统${String(i).padStart(2, '0')}`,
      types: ['ordinary_system'],
    });
    if (i === 0) systemId = system.id;
    if (i % 4 !== 3)
      await call('POST', `${org}/systems/${system.id}/gradings`, {
        ...grade(i % 2 === 0),
        version: system.version,
      });
  }
  const { id: assessmentId } = await call<{ id: string }>(
    'POST',
    `${org}/systems/${systemId}/assessments`,
    { title: '2026年度政务服务平台等级测评', agency: '某某信息安全测评中心' },
  );
  for (const [name, kind] of [
    ['数据库服务器', 'server'],
    ['管理制度文档', 'document'],
  ] as const)
    await call('POST', `${org}/assessments/${assessmentId}/objects`, { name, kind });
  const { id: businessId } = await call<{ id: string }>('POST', `${org}/cii/core-businesses`, {
    name: '电子政务外网服务',
    sector: 'e_government',
    designatingAuthority: '某省委网信办',
    chainSteps: [{ name: '受理' }, { name: '审批' }, { name: '办结' }],
    infoCategories: [{ name: '公民身份信息', important: true }],
  });
  return { orgId, systemId, assessmentId, businessId };
}

interface PageCase {
  readonly name: string;
  readonly path: string;
  /** The first meaningful element: data on screen, not a spinner or skeleton. */
  readonly selector: string;
}

function tour(s: Seeded): PageCase[] {
  const o = `/o/${s.orgId}`;
  const row = '.ant-table-row';
  // The visible tab panel (antd 6 marks hidden ones with aria-hidden).
  const pane = '[role="tabpanel"][aria-hidden="false"]';
  const tabRow = `${pane} ${row}`;
  return [
    { name: '工作台 home (/)', path: '/', selector: '.ant-statistic-content-value' },
    { name: '系统列表 systems', path: `${o}/systems`, selector: row },
    {
      name: '系统 定级 tab',
      path: `${o}/systems/${s.systemId}`,
      selector: `${pane} .ant-card`,
    },
    {
      name: '系统 基线 tab',
      path: `${o}/systems/${s.systemId}?tab=baseline`,
      selector: '[data-testid="baseline-summary"]',
    },
    {
      name: '系统 义务 tab',
      path: `${o}/systems/${s.systemId}?tab=obligations`,
      selector: tabRow,
    },
    {
      name: '系统 测评 tab',
      path: `${o}/systems/${s.systemId}?tab=assessments`,
      selector: tabRow,
    },
    { name: '义务 obligations', path: `${o}/obligations`, selector: row },
    { name: '测评列表 assessments', path: `${o}/assessments`, selector: row },
    {
      name: '测评 overview',
      path: `${o}/assessments/${s.assessmentId}`,
      selector: '[data-testid="overview-requirement-count"]',
    },
    {
      name: '测评 workbook',
      path: `${o}/assessments/${s.assessmentId}?tab=workbook`,
      selector: tabRow,
    },
    { name: '目录 catalog', path: `${o}/catalog`, selector: '.catalog-node' },
    { name: 'CII 核心业务列表', path: `${o}/cii`, selector: row },
    {
      name: 'CII 核心业务',
      path: `${o}/cii/${s.businessId}`,
      selector: `${pane} .ant-statistic`,
    },
    { name: '审计 audit', path: `${o}/settings/audit`, selector: row },
    { name: '成员 members', path: `${o}/settings/members`, selector: row },
  ];
}

/**
 * Runs before any page script: records `performance.now()` (ms since navigation start) the first
 * time the page's selector matches, from a MutationObserver, so the figure does not include the
 * driver's polling or round trips.
 */
function markFirstSeen(rules: [string, string][]): string {
  // A string, not a function: tsx (keepNames) would wrap inner functions in a helper the page lacks.
  return `(() => {
    const rules = ${JSON.stringify(rules)};
    const here = location.pathname + location.search;
    const rule = rules.find((r) => r[0] === here);
    if (!rule) return;
    const observer = new MutationObserver(() => {
      if (window.__firstSeen === undefined && document.querySelector(rule[1])) {
        window.__firstSeen = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

/** For waitForFunction: a function, as the app's CSP forbids evaluating a string there. */
const firstSeen = () => (globalThis as { __firstSeen?: number }).__firstSeen !== undefined;

interface Measure {
  readonly ms: number;
  /** Bytes of .js on the wire (0 when served from the cache) and decoded. */
  readonly jsTransferred: number;
  readonly jsDecoded: number;
  readonly jsFiles: number;
}

async function measure(context: BrowserContext, origin: string, c: PageCase): Promise<Measure> {
  const page = await context.newPage();
  try {
    await page.goto(origin + c.path, { waitUntil: 'commit' });
    await page
      .waitForSelector(c.selector, { state: 'attached', timeout: 30_000 })
      .catch(async (e) => {
        const shot = path.join(tmpdir(), `web-bench-${Date.now()}.png`);
        await page.screenshot({ path: shot });
        throw new Error(`${c.name} (${c.path}): ${c.selector} never showed; screenshot ${shot}`, {
          cause: e,
        });
      });
    await page.waitForFunction(firstSeen);
    // Lazily imported chunks the page asks for right after its first render count too.
    await page.waitForLoadState('networkidle');
    // A string for the same reason as markFirstSeen (and this file is type-checked without DOM).
    return await page.evaluate<Measure>(`(() => {
      const js = performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js'));
      return {
        ms: window.__firstSeen,
        jsTransferred: js.reduce((n, e) => n + e.transferSize, 0),
        jsDecoded: js.reduce((n, e) => n + e.decodedBodySize, 0),
        jsFiles: js.length,
      };
    })()`);
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** Pads to `width` terminal cells: a Chinese character takes two. */
const padCells = (text: string, width: number) =>
  text +
  ' '.repeat(
    Math.max(0, width - [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)),
  );
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function newContext(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
  rules: [string, string][],
) {
  const context = await browser.newContext({
    storageState,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(markFirstSeen(rules));
  return context;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(WEB_DIR, 'index.html')))
    throw new Error(`no built web UI in ${WEB_DIR}: run npm run build:web first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-webbench-'));
  const file = path.join(dir, 'web.sqlite');
  const store = await openStore({ kind: 'sqlite', file });
  await createUser(appContext(store), CLI_ACTOR, {
    username: USERNAME,
    displayName: '基准测试',
    password: PASSWORD,
    isPlatformAdmin: true,
    mustChangePassword: false,
  });
  await store.close();

  const { child, origin } = await startServer(file);
  let browser: Browser | undefined;
  try {
    const seeded = await seed(origin);
    // BENCH_WEB_PAGES=catalog,基线: only the pages whose name contains one of these.
    const only = process.env.BENCH_WEB_PAGES?.split(',');
    const pages = tour(seeded).filter((p) => !only || only.some((o) => p.name.includes(o)));
    const rules = pages.map((p): [string, string] => [p.path, p.selector]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
    const signInContext = await browser.newContext();
    const signedIn = await signInContext.request.post(`${origin}/api/session`, {
      data: { username: USERNAME, password: PASSWORD },
    });
    if (!signedIn.ok()) throw new Error(`browser sign-in failed: ${signedIn.status()}`);
    const state = await signInContext.storageState();
    await signInContext.close();

    const assets = await fetch(`${origin}/`).then((r) => r.text());
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(assets)?.[1];
    if (entry) {
      const head = await fetch(origin + entry, { headers: { 'accept-encoding': 'br, gzip' } });
      console.log(
        `entry ${entry}: cache-control "${head.headers.get('cache-control')}", content-encoding "${head.headers.get('content-encoding') ?? 'none'}"`,
      );
    }

    if (process.env.BENCH_WEB_TRACE) {
      // One cold load per page with its resource timeline: where the time goes.
      for (const c of pages) {
        const context = await newContext(browser, state, rules);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
        await page.goto(origin + c.path, { waitUntil: 'commit' });
        await page.waitForFunction(firstSeen, undefined, { timeout: 30_000 });
        const { profile } = await cdp.send('Profiler.stop');
        // Self time by script until the first meaningful render: what the main thread did.
        const byScript = new Map<string, number>();
        const dt = new Map<number, number>();
        profile.samples?.forEach((id, i) =>
          dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)),
        );
        for (const node of profile.nodes) {
          const url = node.callFrame.url
            ? new URL(node.callFrame.url).pathname
            : `(${node.callFrame.functionName || 'native'})`;
          byScript.set(url, (byScript.get(url) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
        }
        const top = [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 8);
        console.log(
          `\n${c.name}: main-thread time by script (ms)\n${top.map(([u, ms]) => `${ms.toFixed(0).padStart(6)}  ${u}`).join('\n')}`,
        );
        await page.waitForLoadState('networkidle');
        const lines = await page.evaluate<string[]>(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const rows = [['document', 0, nav.responseEnd, nav.transferSize]];
          rows.push(['DOMContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd, 0]);
          for (const e of performance.getEntriesByType('resource'))
            rows.push([new URL(e.name).pathname.slice(0, 60), e.startTime, e.responseEnd, e.transferSize]);
          rows.push(['FIRST MEANINGFUL', window.__firstSeen, window.__firstSeen, 0]);
          return rows.sort((a, b) => a[2] - b[2]).map(([n, s, e, t]) =>
            String(Math.round(s)).padStart(6) + String(Math.round(e)).padStart(6) + String(Math.round(t / 1024)).padStart(6) + ' KB  ' + n);
        })()`);
        console.log(`\n${c.name}\n start   end  wire\n${lines.join('\n')}`);
        if (process.env.BENCH_WEB_SHOTS)
          await page.screenshot({
            path: path.join(process.env.BENCH_WEB_SHOTS, `${pages.indexOf(c)}.png`),
          });
        await context.close();
      }
      return;
    }

    console.log(
      `load average at the start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const cold = new Map<string, Measure[]>();
    const warm = new Map<string, number[]>();
    for (let round = 0; round <= RUNS; round++) {
      for (const c of pages) {
        const context = await newContext(browser, state, rules);
        const first = await measure(context, origin, c);
        const again = await measure(context, origin, c);
        await context.close();
        if (round === 0) continue; // warm-up: JIT, SQLite page cache
        cold.set(c.name, [...(cold.get(c.name) ?? []), first]);
        warm.set(c.name, [...(warm.get(c.name) ?? []), again.ms]);
      }
    }

    console.log(
      `\nfirst meaningful render, median of ${RUNS} runs (ms since navigation start), ${origin}`,
    );
    console.log(
      `${padCells('page', 26)} ${'cold'.padStart(7)} ${'warm'.padStart(7)}   JS on first load (wire / decoded, files)`,
    );
    let worst = 0;
    for (const c of pages) {
      const runs = cold.get(c.name)!;
      const coldMs = median(runs.map((r) => r.ms));
      const warmMs = median(warm.get(c.name)!);
      worst = Math.max(worst, coldMs, warmMs);
      const last = runs[runs.length - 1]!;
      console.log(
        `${padCells(c.name, 26)} ${coldMs.toFixed(0).padStart(7)} ${warmMs.toFixed(0).padStart(7)}   ${kb(last.jsTransferred).padStart(8)} / ${kb(last.jsDecoded).padStart(8)}, ${last.jsFiles}`,
      );
    }
    console.log(`slowest median: ${worst.toFixed(0)} ms (target < 1000 ms)`);
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (${availableParallelism()} CPUs)`,
    );
  } finally {
    await browser?.close();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') await serve(process.argv[3]!);
else await main();
