/**
 * Fuzzes every route of the OpenAPI document: requests generated from each route's parameter and
 * body schemas (see kit.ts), sent as the owner and now and then as other roles.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import {
  FUZZ_SEED,
  assertHealthy,
  chaos,
  counters,
  fromSchema,
  sendChecked,
  type Harness,
  type JsonSchema,
  type World,
} from './kit';

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly params: { name: string; in: string; schema: JsonSchema; required?: boolean }[];
  readonly body: JsonSchema | undefined;
}

interface Generated {
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  readonly hasBody: boolean;
  readonly role: number;
  readonly contentType: string;
}

/** Routes that end the session or remove rows the other routes use run last, in this order. */
function phase(op: Operation): number {
  if (op.path.startsWith('/api/session') && op.method !== 'GET' && op.method !== 'POST') return 9;
  if (op.path === '/api/session/sign-out-everywhere') return 9;
  if (op.method === 'DELETE') {
    if (/\/(systems|assessments|core-businesses|members)\/\{\w+\}$/.test(op.path)) return 8;
    return 7;
  }
  if (op.method === 'PATCH' && op.path.includes('/members/')) return 6;
  return 0;
}

export function operations(h: Harness): Operation[] {
  const doc = h.app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Operation['params'];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return ops.sort((a, b) => phase(a) - phase(b));
}

const EVIDENCE_TYPES = [
  'text/plain',
  'application/pdf',
  'image/png',
  'application/octet-stream',
  'text/html',
];

function generator(op: Operation, world: World): fc.Arbitrary<Generated> {
  const value = (p: Operation['params'][number]) => fromSchema(p.schema ?? {}, world.pools, p.name);
  const params = fc.record(
    Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, value(p)])),
  );
  const query = fc.record(
    Object.fromEntries(op.params.filter((p) => p.in === 'query').map((p) => [p.name, value(p)])),
    { requiredKeys: [] },
  );
  const write = ['POST', 'PUT', 'PATCH'].includes(op.method);
  // Raw uploads to the importers are fuzzed from real workbooks in importers.ts; evidence and
  // attachment uploads get random bytes.
  const upload = op.method === 'POST' && /\/(evidence|attachments)$/.test(op.path);
  const body: fc.Arbitrary<unknown> = upload
    ? fc.oneof(
        fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
        chaos,
      )
    : op.body
      ? fromSchema(op.body, world.pools)
      : chaos;
  return fc.record({
    params,
    query,
    body,
    hasBody: write ? fc.boolean().map((b) => b || Boolean(op.body)) : fc.constant(false),
    role: fc.oneof(
      { arbitrary: fc.constant(0), weight: 6 },
      fc.integer({ min: 1, max: world.others.length }),
    ),
    contentType: upload ? fc.constantFrom(...EVIDENCE_TYPES) : fc.constant('application/json'),
  });
}

function toText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

/** Percent-encoded; a lone surrogate becomes the invalid UTF-8 a hostile client would send. */
function encodeSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '')) + '%ED%A0%80';
  }
}

function request(op: Operation, g: Generated): InjectOptions {
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeSegment(toText(g.params[name] ?? 'x')),
  );
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(g.query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, toText(item));
  }
  const qs = search.toString();
  if (qs) url += `?${qs}`;
  const opts: InjectOptions = { method: op.method as InjectOptions['method'], url };
  if (g.hasBody) {
    if (Buffer.isBuffer(g.body)) {
      opts.payload = g.body;
      opts.headers = { 'content-type': g.contentType };
    } else {
      opts.payload = JSON.stringify(g.body ?? null);
      opts.headers = { 'content-type': 'application/json' };
    }
  }
  return opts;
}

function hash(s: string): number {
  let x = 0;
  for (const c of s) x = (Math.imul(x, 31) + c.charCodeAt(0)) | 0;
  return x;
}

/** Fuzzes each route with `runs` inputs; throws on the first broken property. */
export async function fuzzRoutes(
  h: Harness,
  world: World,
  snapshot: () => Promise<string>,
  runs: number,
  filter = process.env.DENGBAO_FUZZ_ROUTE,
): Promise<{ routes: number; inputs: number; failures: string[] }> {
  const ops = operations(h).filter((op) => !filter || `${op.method} ${op.path}`.includes(filter));
  const start = counters.inputs;
  const failures: string[] = [];
  for (const op of ops) {
    const name = `${op.method} ${op.path}`;
    const seed = FUZZ_SEED ^ hash(name);
    // Failed sign-ins count towards the lockout: a 4xx that changes state by design.
    const allowChange = op.path === '/api/session';
    let sent = 0;
    const seen = new Set<string>();
    const statuses = new Map<number, number>();
    // A broken property is recorded (once per distinct answer) and the run goes on.
    await fc.assert(
      fc.asyncProperty(generator(op, world), async (g) => {
        const client = g.role === 0 ? world.owner : world.others[g.role - 1]!;
        try {
          const res = await sendChecked(client, request(op, g), snapshot, name, allowChange);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (++sent % 50 === 0) await assertHealthy(h);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const key = message.split('\n')[0]!;
          if (!seen.has(key)) {
            seen.add(key);
            failures.push(`${message}\n(seed ${seed})`);
          }
        }
      }),
      { numRuns: runs, seed },
    );
    await assertHealthy(h);
    if (process.env.DENGBAO_FUZZ_VERBOSE)
      console.log(
        `# ${name}: ${[...statuses]
          .sort()
          .map(([c, n]) => `${c}×${n}`)
          .join(' ')}`,
      );
  }
  return { routes: ops.length, inputs: counters.inputs - start, failures };
}
