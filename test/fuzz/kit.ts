/**
 * Property-based fuzzing of the HTTP API and the file importers (fast-check), shared by the CI
 * tests (test/fuzz/*.test.ts, small) and `npm run fuzz` (full size).
 *
 * Properties for every generated input: no 5xx; a 4xx changed nothing (row counts and version
 * sums of every table, audit log included); /api/health still answers within a second.
 *
 * Size: DENGBAO_FUZZ_RUNS inputs per route, DENGBAO_FUZZ_IMPORT_RUNS per importer mutation family
 * (defaults: the CI size; `npm run fuzz` runs the full size, over 100,000 inputs).
 * Seed: DENGBAO_FUZZ_SEED (default: a fixed seed), printed so a failure can be replayed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { parse } from 'yaml';
import type { Store } from '../../src/store/database';
import { startHarness, type Client, type Harness } from '../api/harness';

export const FUZZ_RUNS = Number(process.env.DENGBAO_FUZZ_RUNS ?? 8);
/** Inputs per importer mutation family (workbooks get twice this). */
export const FUZZ_IMPORT_RUNS = Number(process.env.DENGBAO_FUZZ_IMPORT_RUNS ?? 12);
export const FUZZ_SEED = Number(process.env.DENGBAO_FUZZ_SEED ?? 20261207);

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Inputs sent so far (all routes and importers), for the figures. */
export const counters = { inputs: 0, rejected4xx: 0, ok2xx: 0 };

/**
 * Requests answered by the error handler's database backstop (a 400 without the field named):
 * safe, but a schema should have refused them first. Listed, once per route, in the figures.
 */
export const backstopped = new Set<string>();

// --- nasty values --------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\t\n\r',
  "'; drop table systems; --",
  '" or 1=1 --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x","y")',
  '医院信息系统（HIS）',
  '𠀀𠀁🙂',
  '\uD800',
  '\uFEFF',
  '9999-12-31',
  '0000-00-00',
  '2025-02-30',
  '1899-12-31',
  '2200-01-01',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(201),
  '测'.repeat(4001),
];
const NASTY_NUMBERS = [
  0, -1, -0, 0.5, 2147483647, 2147483648, -2147483649, 9007199254740991, 9007199254740992, 1e21,
  1e308, -1e308,
];

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** A value of any JSON type, often hostile. */
export const chaos: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);

// --- the seeded world ----------------------------------------------------------------------------

/** Known ids and names, by parameter/field name, so generated requests reach real rows. */
export type Pools = Record<string, (string | number)[]>;

export interface World {
  readonly orgId: string;
  readonly pools: Pools;
  readonly owner: Client;
  /** Other roles (a few requests are sent as these). */
  readonly others: readonly Client[];
}

let worldSeq = 0;

/** An organisation with a bit of everything: systems, an assessment, CII model and evaluation. */
export async function seedWorld(h: Harness): Promise<World> {
  const n = ++worldSeq;
  const owner = await h.user(`fuzz.owner${n}`, { admin: true });
  const call = async (method: InjectOptions['method'], url: string, payload?: unknown) => {
    const res = await owner.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
    assert.ok(res.statusCode < 300, `seed ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : null;
  };
  const orgId = (await call('POST', '/api/organisations', { name: `某省大数据局${n}` })).id;
  const org = (p: string) => `/api/organisations/${orgId}${p}`;
  const system = await call('POST', org('/systems'), {
    name: '核心清算系统',
    types: ['ordinary_system', 'cloud_tenant_system'],
    goLiveOn: '2020-06-01',
  });
  await call('POST', org(`/systems/${system.id}/gradings`), {
    businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
    systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
    gradedOn: '2025-11-10',
    reason: '支付清算中断将严重影响社会秩序',
    version: system.version,
  });
  const other = await call('POST', org('/systems'), {
    name: '门户网站',
    types: ['ordinary_system'],
  });
  const assessment = await call('POST', org(`/systems/${system.id}/assessments`), {
    title: '2026年度等级测评',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-20',
  });
  const a = (p: string) => org(`/assessments/${assessment.id}${p}`);
  const server = await call('POST', a('/objects'), { name: '清算应用服务器', kind: 'server' });
  const docs = await call('POST', a('/objects'), { name: '安全管理制度', kind: 'document' });
  await call('PUT', a(`/results/8.1.4.1-a/${server.id}`), {
    version: 0,
    result: 'non_compliant',
    record: '存在弱口令',
  });
  await call('PUT', a(`/results/8.1.4.1-d/${server.id}`), {
    version: 0,
    result: 'partial',
    record: '仅口令',
    reason: '未启用双因素',
  });
  await call('PUT', a('/findings/8.1.4.1-d'), {
    version: 0,
    risk: 'high',
    observations: [{ caseId: '6.4.1.3', symptoms: [0], mitigations: [] }],
  });
  const majorRisk = await call('POST', a('/major-risks'), { triggerId: 'A-19', note: '无双因素' });
  const rectifications = await call('POST', a('/rectifications'));
  const evidence = await owner.inject({
    method: 'POST',
    url: a(`/evidence?requirementId=8.1.4.1-a&objectId=${server.id}&fileName=check.txt`),
    headers: { 'content-type': 'text/plain' },
    payload: '口令策略核查记录',
  });
  assert.ok(evidence.statusCode < 300, evidence.body);

  const bank = parse(readFileSync('docs/examples/cii-bank-payment-clearing.yaml', 'utf8'));
  await call('POST', org('/cii/import'), bank);
  const assets = (await call('GET', org('/cii/assets'))) as { id: string; code: string }[];
  const businesses = (await call('GET', org('/cii/core-businesses'))) as { id: string }[];
  const businessId = businesses[0]!.id;
  const flows = (await call('GET', org(`/cii/core-businesses/${businessId}/flows`))) as {
    id: string;
  }[];
  const dependencies = (await call('GET', org('/cii/dependencies'))) as { id: string }[];
  await call('POST', org(`/cii/core-businesses/${businessId}/determinations`), {
    note: '年度识别',
  });
  const evaluation = await call('POST', org(`/cii/core-businesses/${businessId}/evaluations`), {
    title: '2026年度能力评价',
  });
  await call('PUT', org(`/cii/evaluations/${evaluation.id}/results`), {
    rows: [
      { requirementId: '6.1', result: 'non_compliant', version: 0 },
      { requirementId: '6.2', result: 'compliant', version: 0 },
    ],
  });
  const ciiRect = await call('POST', org(`/cii/evaluations/${evaluation.id}/rectifications`), {
    requirementId: '6.1',
    plan: '建立专门安全管理机构',
  });

  const others: Client[] = [];
  const userIds = [owner.userId];
  for (const role of ['viewer', 'assessor', 'audit_admin', 'security_admin']) {
    const client = await h.user(`fuzz.${role.replace('_', '.')}${n}`);
    await call('POST', org('/members'), { username: client.username, role });
    others.push(client);
    userIds.push(client.userId);
  }
  await call('PUT', org(`/members/${others[1]!.userId}/systems/${system.id}`));
  const token = await call('POST', org('/tokens'), {
    name: '采集器',
    role: 'viewer',
    expiresInDays: 30,
  });

  const pools: Pools = {
    orgId: [orgId],
    systemId: [system.id, other.id],
    hostSystemId: [other.id],
    assessmentId: [assessment.id],
    objectId: [server.id, docs.id],
    requirementId: ['8.1.4.1-a', '8.1.4.1-d', '8.1.4.2-a', '6.1', '6.2', '7.9-j'],
    evidenceId: [JSON.parse(evidence.body).id],
    majorRiskId: [majorRisk.id],
    rectificationId: [
      ...((rectifications.items ?? rectifications) as { id: string }[]).map((r) => r.id),
      ciiRect.id as string,
    ],
    businessId: [businessId],
    coreBusinessId: [businessId],
    assetId: assets.map((x) => x.id).slice(0, 5),
    fromAssetId: assets.map((x) => x.id).slice(0, 5),
    toAssetId: assets.map((x) => x.id).slice(5, 10),
    asset: assets.map((x) => x.code).slice(0, 5),
    code: assets.map((x) => x.code).slice(0, 3),
    flowId: flows.map((f) => f.id),
    dependencyId: dependencies.map((d) => d.id).slice(0, 3),
    evaluationId: [evaluation.id],
    userId: userIds,
    tokenId: [token.id],
    username: [owner.username, ...others.map((o) => o.username)],
    caseId: ['6.4.1.3'],
    triggerId: ['A-19', 'A-01'],
    key: ['mlps.filing', 'mlps.assessment'],
    version: [1, 2, 0],
    level: [3, 2, 4],
    agreedLevel: [3],
    expiresInDays: [30, 365],
  };
  return { orgId, pools, owner, others };
}

// --- snapshots -----------------------------------------------------------------------------------

/** Row counts and version sums of every table, in one query. */
export async function snapshotter(store: Store): Promise<() => Promise<string>> {
  const tables =
    store.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            store.db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            store.db,
          )
        ).rows.map((r) => r.name);
  const columns = async (t: string) =>
    store.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from pragma_table_info(${t})`.execute(store.db))
          .rows
      : (
          await sql<{
            name: string;
          }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${t}`.execute(
            store.db,
          )
        ).rows;
  const parts: string[] = [];
  // Sessions change on every request (last seen); migrations never do.
  for (const t of tables.filter((x) => !/^(sessions|kysely_migration.*)$/.test(x)).sort()) {
    const hasVersion = (await columns(t)).some((c) => c.name === 'version');
    parts.push(
      `select '${t}' as t, count(*) as n, ${hasVersion ? 'coalesce(sum(version), 0)' : '0'} as v from "${t}"`,
    );
  }
  const query = sql.raw<{ t: string; n: number; v: number }>(parts.join(' union all '));
  return async () =>
    (await query.execute(store.db)).rows.map((r) => `${r.t}:${r.n}:${r.v}`).join(' ');
}

// --- JSON Schema → arbitrary ---------------------------------------------------------------------

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

const DATES = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '2026-03-02',
      '2025-01-01',
      '1900-01-01',
      '2199-12-31',
      '2024-02-29',
    ),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('1899-12-31', '2200-01-01', '9999-12-31', '2025-02-29'), weight: 1 },
);

const text = fc.oneof(
  {
    arbitrary: fc.constantFrom('医院信息系统', '核心清算系统', '测评记录', 'Payment clearing'),
    weight: 6,
  },
  { arbitrary: fc.string({ minLength: 1, maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), weight: 1 },
  { arbitrary: nastyString, weight: 1 },
);

/** A value shaped by the schema (mostly valid), with hostile values mixed in at every level. */
export function fromSchema(
  schema: JsonSchema,
  pools: Pools,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, pools, name, depth);
  // Hostile values now and then, more often at the top than deep inside (so most requests
  // are valid enough to reach the database).
  return fc.oneof(
    { arbitrary: shaped, weight: depth === 0 ? 12 : 40 },
    { arbitrary: chaos, weight: 1 },
  );
}

function shapedBy(
  schema: JsonSchema,
  pools: Pools,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const pool = pools[name];
  const base = shapedInner(schema, pools, name, depth);
  const withPool = pool?.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 4 }, { arbitrary: base, weight: 1 })
    : base;
  return schema.nullable ? fc.oneof(withPool, fc.constant(null)) : withPool;
}

function shapedInner(
  schema: JsonSchema,
  pools: Pools,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((s) => shapedBy(s, pools, name, depth)));
  if (schema.allOf?.length) return shapedBy(Object.assign({}, ...schema.allOf), pools, name, depth);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, pools);
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -5;
      const max = typeof schema.maximum === 'number' ? schema.maximum : Math.max(min + 10, 1000);
      return fc.oneof(
        {
          arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) }),
          weight: 6,
        },
        { arbitrary: fc.constantFrom(min - 1, max + 1, ...NASTY_NUMBERS), weight: 1 },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = schema.items ? fromSchema(schema.items, pools, name, depth + 1) : chaos;
      const minLength = schema.minItems ?? 0;
      return fc.array(item, {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(
          Object.entries(props).map(([k, s]) => [k, fromSchema(s, pools, k, depth + 1)]),
        ),
        { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
      );
      // Now and then an unknown key (strict schemas refuse it).
      return fc.oneof(
        { arbitrary: record, weight: 10 },
        {
          arbitrary: fc
            .tuple(record, fc.string({ maxLength: 8 }), chaos)
            .map(([r, k, v]) => ({ ...r, [k || 'x']: v })),
          weight: 1,
        },
      );
    }
    default:
      return chaos;
  }
}

function stringFor(schema: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  // Mostly the expected shape; now and then the longest allowed and one too long.
  let shaped: fc.Arbitrary<string> | undefined;
  if (schema.format === 'uuid' || /\[0-9a-fA-F\]\{8\}/.test(schema.pattern ?? '')) {
    const ids = Object.values(pools)
      .flat()
      .filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
    shaped = fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 6 }, fc.uuid());
  } else if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || schema.format === 'date') {
    shaped = DATES;
  } else if (schema.format === 'date-time') {
    shaped = fc.constantFrom(
      '2026-03-02T01:00:00Z',
      '2026-03-02T09:00:00+08:00',
      '9999-12-31T23:59:59Z',
      '0000-01-01T00:00:00Z',
    );
  } else if (schema.pattern) {
    try {
      shaped = fc.stringMatching(new RegExp(schema.pattern), { size: 'xsmall' });
    } catch {
      // A pattern JavaScript cannot compile: plain text below.
    }
  }
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  shaped ??= text.map((s) => (s.length < min ? s.padEnd(min, '甲') : s.slice(0, max)));
  return fc.oneof(
    { arbitrary: shaped, weight: 10 },
    { arbitrary: text, weight: 1 },
    { arbitrary: fc.constantFrom('x'.repeat(Math.max(min, max)), '测'.repeat(max + 1)), weight: 1 },
  );
}

// --- sending ---------------------------------------------------------------------------------------

export interface Outcome {
  readonly res: LightMyRequestResponse;
  readonly changedOn4xx: boolean;
}

/**
 * Lets the event loop run its queued immediates. On SQLite (synchronous driver) a fuzz run is
 * promises only and never reaches the loop's check phase, so light-my-request's per-response
 * setImmediate callbacks pile up, each keeping its whole response (payload included) alive:
 * `npm run fuzz` grew to 5.9 GB that way.
 */
export function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Sends one request and checks the properties (no 5xx; a 4xx changed nothing). */
export async function sendChecked(
  client: Client,
  opts: InjectOptions,
  snapshot: () => Promise<string>,
  describe: string,
  allowChangeOn4xx = false,
): Promise<LightMyRequestResponse> {
  const before = await snapshot();
  const res = await client.inject(opts);
  await turnEventLoop();
  counters.inputs++;
  if (res.statusCode >= 500)
    throw new Error(
      `${describe}: ${res.statusCode} ${res.body.slice(0, 500)}\nrequest: ${show(opts)}`,
    );
  if (res.statusCode >= 400) {
    counters.rejected4xx++;
    if (res.body.includes('a value is not accepted by the database'))
      backstopped.add(`${describe}: ${show(opts).slice(0, 300)}`);
    if (!allowChangeOn4xx) {
      // A refused sign-in or privilege change may be audited (and counted towards a lockout);
      // nothing else may change.
      const audited = [401, 403, 429].includes(res.statusCode);
      const after = await snapshot();
      if (
        audited ? withoutRefusalRecords(after) !== withoutRefusalRecords(before) : after !== before
      )
        throw new Error(
          `${describe}: ${res.statusCode} but the database changed\n before: ${diff(before, after)}\nrequest: ${show(opts)}\nresponse: ${res.body.slice(0, 300)}`,
        );
    }
  } else counters.ok2xx++;
  return res;
}

function withoutRefusalRecords(snapshot: string): string {
  return snapshot
    .split(' ')
    .filter((part) => !/^(audit_entries|sign_in_throttles|users):/.test(part))
    .join(' ');
}

function diff(a: string, b: string): string {
  const x = a.split(' ');
  const y = b.split(' ');
  return x
    .map((v, i) => (v === y[i] ? '' : `${v} -> ${y[i]}`))
    .filter(Boolean)
    .join(', ');
}

function show(opts: InjectOptions): string {
  const payload = Buffer.isBuffer(opts.payload)
    ? `<${opts.payload.length} bytes>`
    : JSON.stringify(opts.payload ?? null);
  return `${opts.method ?? 'GET'} ${opts.url} ${JSON.stringify(opts.headers ?? {})} ${(payload ?? '').slice(0, 800)}`;
}

/** /api/health answers 200 within a second. */
export async function assertHealthy(h: Harness): Promise<void> {
  const started = performance.now();
  const res = await h.app.inject({ method: 'GET', url: '/api/health' });
  const ms = performance.now() - started;
  assert.equal(res.statusCode, 200, `health: ${res.statusCode} ${res.body}`);
  assert.ok(ms < 1000, `health took ${ms.toFixed(0)} ms`);
}

export { startHarness };
export type { Client, Harness };
