/**
 * Fuzzes every file importer from a valid file: the systems file and the CII exchange file as
 * the CLI reads them (YAML/JSON text), the CII file as a JSON body, and the assessment and CII
 * workbooks through their HTTP import routes (bytes, zip entries and sheet XML mutated).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { parse, stringify } from 'yaml';
import { CLI_ACTOR } from '../../src/app/actor';
import { importCiiFileCommand } from '../../src/app/cii/file';
import type { AppContext } from '../../src/app/context';
import { createOrganisationCommand } from '../../src/app/organisations/commands';
import { parseStructuredFile } from '../../src/app/structured-file';
import { importSystems } from '../../src/app/systems/file';
import { AppError } from '../../src/errors';
import { CiiFileSchema } from '../../src/shared/cii-schemas';
import { SystemsFileSchema } from '../../src/shared/schemas';
import { level3Workbook } from '../fixtures/practitioner/workbooks';
import {
  FUZZ_SEED,
  XLSX,
  assertHealthy,
  chaos,
  counters,
  nastyString,
  sendChecked,
  type Harness,
  type World,
} from './kit';

// --- mutations -------------------------------------------------------------------------------------

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** A structural change at one node: replace by a hostile value, delete, or duplicate. */
const structural = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'replace', 'delete', 'duplicate', 'rename'),
  value: fc.oneof(chaos, nastyString),
});
type Structural = typeof structural extends fc.Arbitrary<infer T> ? T : never;

function applyStructural(doc: unknown, changes: readonly Structural[]): unknown {
  const root = structuredClone(doc) as Record<string, unknown>;
  for (const change of changes) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const path = all[change.at % all.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], root);
    const key = path[path.length - 1]!;
    if (change.op === 'replace') parent[key] = change.value;
    else if (change.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (change.op === 'duplicate') {
      if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
      else parent[`${String(key)}_copy`] = structuredClone(parent[key]);
    } else if (!Array.isArray(parent)) {
      parent[String(change.value).slice(0, 20) || 'x'] = parent[key];
      delete parent[key];
    }
  }
  return root;
}

/** A change of the text itself: insert, delete, replace, truncate. */
const textual = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  op: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  text: fc.oneof(
    nastyString,
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '\u0000',
      '&a [1,2] ',
      '*a',
      '!!binary AAAA',
      '<<: *a',
      '{',
      ']',
      '"',
      '\n  - ',
      '\t',
      '</c>',
      '<row r="1048577"><c r="XFD1048577"><v>1e308</v></c></row>',
      '&#0;',
      '_x0000_',
      '_x0007_a',
      '&amp',
      '<!DOCTYPE x [<!ENTITY e "x">]>',
    ),
  ),
});
type Textual = typeof textual extends fc.Arbitrary<infer T> ? T : never;

function applyTextual(text: string, changes: readonly Textual[]): string {
  let out = text;
  for (const c of changes) {
    const at = out.length === 0 ? 0 : c.at % out.length;
    if (c.op === 'insert') out = out.slice(0, at) + c.text + out.slice(at);
    else if (c.op === 'delete') out = out.slice(0, at) + out.slice(at + c.length);
    else if (c.op === 'replace') out = out.slice(0, at) + c.text + out.slice(at + c.text.length);
    else out = out.slice(0, at);
  }
  return out;
}

/** A text file mutated structurally (re-serialised as YAML or JSON) or as text. */
function textFile(base: string): fc.Arbitrary<string> {
  const doc = parse(base) as unknown;
  return fc.oneof(
    fc
      .tuple(fc.array(structural, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([changes, json]) => {
        const mutated = applyStructural(doc, changes);
        return json ? JSON.stringify(mutated) : stringify(mutated);
      }),
    fc.array(textual, { minLength: 1, maxLength: 4 }).map((changes) => applyTextual(base, changes)),
  );
}

/** A text file (XML, CSV) mutated as text only. */
function plainText(base: string): fc.Arbitrary<string> {
  return fc
    .array(textual, { minLength: 1, maxLength: 4 })
    .map((changes) => applyTextual(base, changes));
}

/** A workbook mutated as bytes, as zip entries, or inside its XML. */
function workbook(base: Buffer): fc.Arbitrary<Buffer> {
  const entries = unzipSync(new Uint8Array(base));
  const names = Object.keys(entries).sort();
  const xmlNames = names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const bytes = fc
    .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((flips) => {
      const out = Buffer.from(base);
      for (const f of flips) out[f.at % out.length] = f.byte;
      return out;
    });
  const cut = fc.oneof(
    fc.nat().map((n) => base.subarray(0, n % base.length)),
    fc.constantFrom(Buffer.alloc(0), Buffer.from('PK'), Buffer.from('PK\u0003\u0004')),
  );
  const xml = fc
    .tuple(fc.constantFrom(...xmlNames), fc.array(textual, { minLength: 1, maxLength: 4 }))
    .map(([name, changes]) => {
      const copy = { ...entries };
      copy[name] = new TextEncoder().encode(
        applyTextual(new TextDecoder().decode(entries[name]), changes),
      );
      return Buffer.from(zipSync(copy));
    });
  const cell = fc
    .tuple(
      fc.constantFrom(...xmlNames),
      fc.nat(),
      fc.oneof(nastyString, fc.constantFrom('_x0000_', 'a_x0001_b', '_x001B_[31m')),
      fc.boolean(),
    )
    .map(([name, at, value, escape]) => {
      const copy = { ...entries };
      const text = new TextDecoder().decode(entries[name]);
      const cells = [...text.matchAll(/<(v|t)(?: [^>]*)?>([^<]*)<\/\1>/g)];
      if (cells.length === 0) return base;
      const m = cells[at % cells.length]!;
      const content = escape
        ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        : value;
      const start = m.index + m[0].indexOf('>') + 1;
      copy[name] = new TextEncoder().encode(
        text.slice(0, start) + content + text.slice(start + m[2]!.length),
      );
      return Buffer.from(zipSync(copy));
    });
  const dropped = fc.constantFrom(...names).map((name) => {
    const copy = { ...entries };
    delete copy[name];
    return Buffer.from(zipSync(copy));
  });
  return fc.oneof(
    { arbitrary: cell, weight: 4 },
    { arbitrary: xml, weight: 3 },
    { arbitrary: bytes, weight: 2 },
    { arbitrary: cut, weight: 1 },
    { arbitrary: dropped, weight: 1 },
  );
}

// --- running ---------------------------------------------------------------------------------------

export interface ImporterFigures {
  readonly inputs: number;
  readonly failures: string[];
}

/**
 * Runs `check` on `runs` generated values; a broken property is recorded (once per distinct
 * message) and the run goes on, so one known fault does not hide the next.
 */
async function run<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  runs: number,
  check: (value: T) => Promise<void>,
  failures: string[],
): Promise<void> {
  const seed = FUZZ_SEED ^ (name.length * 7919);
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      try {
        await check(value);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const key = message.split('\n')[0]!;
        if (!seen.has(key)) {
          seen.add(key);
          failures.push(`${name} (seed ${seed}): ${message}`);
        }
      }
    }),
    { numRuns: runs, seed },
  );
}

/** Runs every importer `runs` times per mutation family. */
export async function fuzzImporters(
  h: Harness,
  world: World,
  snapshot: () => Promise<string>,
  runs: number,
): Promise<ImporterFigures> {
  const start = counters.inputs;
  const failures: string[] = [];
  const ctx: AppContext = h.ctx;
  const org = (p: string) => `/api/organisations/${world.orgId}${p}`;

  // The CLI's way in: parse the text, then import; an error must be a 4xx and change nothing.
  const throughCli = async (what: string, work: () => Promise<unknown>) => {
    const before = await snapshot();
    counters.inputs++;
    try {
      await work();
      counters.ok2xx++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500)
        throw new Error(
          `${what}: not a 4xx: ${error instanceof Error ? error.stack : String(error)}`,
          { cause: error },
        );
      counters.rejected4xx++;
      const after = await snapshot();
      if (after !== before)
        throw new Error(`${what}: refused (${error.message}) but the database changed`, {
          cause: error,
        });
    }
  };

  let systemsOrg = world.orgId;
  const systemsYaml = readFileSync('test/fixtures/systems.yaml', 'utf8');
  await run(
    'systems file (CLI)',
    textFile(systemsYaml),
    runs,
    async (text) => {
      let imported = false;
      await throughCli('systems file', async () => {
        const file = parseStructuredFile(text, SystemsFileSchema, 'systems.yaml');
        await importSystems(ctx, CLI_ACTOR, systemsOrg, file);
        imported = true;
      });
      // Names must be new: the next import goes into a fresh organisation.
      if (imported)
        systemsOrg = (
          await createOrganisationCommand(
            ctx,
            CLI_ACTOR,
            { name: `导入测试${counters.inputs}` },
            null,
          )
        ).id;
    },
    failures,
  );

  const ciiYaml = readFileSync('docs/examples/cii-bank-payment-clearing.yaml', 'utf8');
  await run(
    'CII exchange file (CLI)',
    textFile(ciiYaml),
    runs,
    (text) =>
      throughCli('CII file', async () => {
        const file = parseStructuredFile(text, CiiFileSchema, 'cii.yaml');
        await importCiiFileCommand(ctx, CLI_ACTOR, world.orgId, file, {
          name: 'cii.yaml',
          sm3: '0',
        });
      }),
    failures,
  );

  const ciiDoc = parse(ciiYaml) as unknown;
  await run(
    'CII exchange file (JSON body)',
    fc.array(structural, { minLength: 1, maxLength: 4 }).map((c) => applyStructural(ciiDoc, c)),
    runs,
    async (body) => {
      await sendChecked(
        world.owner,
        { method: 'POST', url: org('/cii/import'), payload: body as object },
        snapshot,
        'POST cii/import (JSON)',
      );
    },
    failures,
  );

  const ciiBook = await world.owner.inject({ method: 'GET', url: org('/cii/export?format=xlsx') });
  if (ciiBook.statusCode !== 200) failures.push(`CII export: ${ciiBook.statusCode}`);
  else
    await run(
      'CII workbook (HTTP)',
      workbook(ciiBook.rawPayload),
      runs * 2,
      async (bytes) => {
        await sendChecked(
          world.owner,
          {
            method: 'POST',
            url: org('/cii/import'),
            payload: bytes,
            headers: { 'content-type': XLSX },
          },
          snapshot,
          'POST cii/import (xlsx)',
        );
        await assertHealthy(h);
      },
      failures,
    );

  const assessmentId = world.pools.assessmentId![0]!;
  const book = await world.owner.inject({
    method: 'GET',
    url: org(`/assessments/${assessmentId}/export.xlsx`),
  });
  if (book.statusCode !== 200) failures.push(`assessment export: ${book.statusCode}`);
  else
    await run(
      'assessment workbook (HTTP)',
      workbook(book.rawPayload),
      runs * 2,
      async (bytes) => {
        await sendChecked(
          world.owner,
          {
            method: 'POST',
            url: org(`/assessments/${assessmentId}/import`),
            payload: bytes,
            headers: { 'content-type': XLSX },
          },
          snapshot,
          'POST assessments/:id/import (xlsx)',
        );
        await assertHealthy(h);
      },
      failures,
    );

  // An assessor's own workbook (layout auto): the same zip and cell mutations.
  const practitioner = (await level3Workbook()).buffer;
  await run(
    'practitioner workbook (HTTP)',
    workbook(practitioner),
    runs,
    async (bytes) => {
      await sendChecked(
        world.owner,
        {
          method: 'POST',
          url: org(`/assessments/${assessmentId}/import?layout=auto&dryRun=false`),
          payload: bytes,
          headers: { 'content-type': XLSX },
        },
        snapshot,
        'POST assessments/:id/import?layout=auto (xlsx)',
      );
      await assertHealthy(h);
    },
    failures,
  );

  // Scanner reports: text mutations of a real-schema Greenbone report and Nessus file.
  for (const [file, type] of [
    ['greenbone-his.xml', 'application/xml'],
    ['nessus-his.nessus', 'application/xml'],
    ['pentest-his.csv', 'text/csv'],
  ] as const) {
    const base = readFileSync(`test/fixtures/verification/${file}`, 'utf8');
    await run(
      `verification ${file} (HTTP)`,
      plainText(base),
      runs,
      async (text) => {
        await sendChecked(
          world.owner,
          {
            method: 'POST',
            url: org(
              `/assessments/${assessmentId}/verification?fileName=${encodeURIComponent(file)}&allowUnassigned=true`,
            ),
            payload: Buffer.from(text, 'utf8'),
            headers: { 'content-type': type },
          },
          snapshot,
          `POST assessments/:id/verification (${file})`,
        );
      },
      failures,
    );
  }

  return { inputs: counters.inputs - start, failures };
}
