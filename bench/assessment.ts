/**
 * Level assessments: scoring 1,000 level-3 cloud assessments with 20 test objects each (target
 * < 1 s), and opening such an assessment's workbook through the API at 100 concurrent
 * connections (target p99 < 100 ms). Run alone with `npx tsx bench/assessment.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_ACTOR } from '../src/app/actor';
import { baselineOf, scoringRequirements, testObjectsOf } from '../src/app/assessment/model';
import { workbookQuery } from '../src/app/assessment/queries';
import { citationLabeller, loadShippedKnowledgeBase } from '../src/app/citation-labels';
import { systemClock } from '../src/app/clock';
import type { AppContext } from '../src/app/context';
import { createApiToken } from '../src/app/identity';
import { shippedMlpsCatalog } from '../src/catalogs/mlps-catalog';
import { scoreAssessment, type ScoringInput } from '../src/domain/mlps/assessment/scoring';
import type { ItemResult } from '../src/domain/mlps/assessment/types';
import { DEFAULT_SECURITY_CONFIG } from '../src/security/config';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import {
  getAssessment,
  listResults,
  listTestObjects,
} from '../src/store/repositories/assessments.repository';
import {
  createHospitalAssessment,
  HOSPITAL_OBJECTS,
  practitionerObjects,
  recordSomeResults,
} from '../test/fixtures/assessment-fixture';
import { BENCH_KEYS } from './generate';
import { load, startDengbao, stopProcess } from './load';

/** The hospital's 14 objects plus 9 more servers and databases: 23 test objects. */
export const TWENTY_OBJECTS = [
  ...HOSPITAL_OBJECTS,
  ...Array.from({ length: 9 }, (_, i) => ({
    name: `${i % 2 === 0 ? '业务服务器' : '数据库服务器'}${String(i + 1).padStart(2, '0')}`,
    kind: (i % 2 === 0 ? 'server' : 'database') as 'server' | 'database',
  })),
];

export async function benchAssessments(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-bench-assessment-'));
  const file = path.join(dir, 'dengbao.sqlite');
  const store = await openStore({ kind: 'sqlite', file });
  const ctx: AppContext = {
    store,
    clock: systemClock,
    labelCitation: citationLabeller(loadShippedKnowledgeBase()),
    security: DEFAULT_SECURITY_CONFIG,
    cipher: createFieldCipher(parseKeyList(BENCH_KEYS, 'bench')),
    catalog: shippedMlpsCatalog(),
  };
  const fixture = await createHospitalAssessment(ctx, { objects: TWENTY_OBJECTS });
  // The workbook under load: 40 objects in an assessor's layout, some with their own selection.
  const forty = await createHospitalAssessment(ctx, { objects: practitionerObjects(ctx.catalog) });
  const fortyRows = (await workbookQuery(ctx, forty.organisationId, forty.assessmentId)).rows;
  await recordSomeResults(
    ctx,
    forty,
    fortyRows.map((r) => ({
      requirementId: r.requirementId,
      objectId: r.objectId,
      category: r.category,
    })),
  );
  const workbook = await workbookQuery(ctx, fixture.organisationId, fixture.assessmentId);
  await recordSomeResults(
    ctx,
    fixture,
    workbook.rows.map((r) => ({
      requirementId: r.requirementId,
      objectId: r.objectId,
      category: r.category,
    })),
  );

  // Scoring: the same inputs the API builds, 1,000 times.
  const assessment = await getAssessment(store.db, fixture.organisationId, fixture.assessmentId);
  const input: ScoringInput = {
    requirements: scoringRequirements(baselineOf(assessment)),
    objects: testObjectsOf(await listTestObjects(store.db, assessment.id)),
    results: (await listResults(store.db, assessment.id)).map((r) => ({
      requirementId: r.requirement_id,
      objectId: r.object_id,
      result: r.result as ItemResult,
    })),
    problems: [{ risk: 'high', closed: false }],
    majorRisks: [{ rectified: true }],
    reportDate: '2026-04-15',
  };
  scoreAssessment(input);
  const runs: number[] = [];
  let conclusion = '';
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) conclusion = scoreAssessment(input).conclusion;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `assess   score 1,000 level-3 cloud assessments (${input.requirements.length} items × 20 objects, ${input.results.length} results each): median ${runs[1]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)} ms, 3 runs) → ${conclusion}`,
  );

  // The workbook under load, as the assessors' grid opens it (API token, viewer role).
  const { token } = await createApiToken(ctx, CLI_ACTOR, forty.organisationId, {
    name: 'bench',
    role: 'viewer',
    expiresInDays: 1,
  });
  await store.close();
  const workers = availableParallelism();
  const api = await startDengbao(
    { ...process.env, DENGBAO_DATA_DIR: dir, DENGBAO_ENCRYPTION_KEYS: BENCH_KEYS },
    workers,
  );
  const url = `http://127.0.0.1:${api.port}/api/organisations/${forty.organisationId}/assessments/${forty.assessmentId}/workbook`;
  // As Chromium asks for it (brotli over HTTPS and on localhost), and gzip-only for comparison.
  const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' };
  const gzipOnly = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' };
  const size = (
    await (await fetch(url, { headers: { authorization: headers.authorization } })).text()
  ).length;
  console.log(
    `assess   open the workbook (40 objects, ${workers} workers, ${fortyRows.length} rows, ${(size / 1024).toFixed(0)} KB JSON, brotli), 100 connections from 1 client thread, 10 s: ${await load({ url, headers, connections: 100 })}`,
  );
  // One autocannon thread saturates a core decoding 1,500 responses a second on this 2-core
  // machine (the server workers use about 0.6 core): the same load from two client threads.
  console.log(
    `assess   open the workbook, 100 connections from 2 client threads, 10 s: ${await load({ url, headers, connections: 100, workers: 2 })}`,
  );
  console.log(
    `assess   open the workbook, gzip only (no brotli), 100 connections, 10 s: ${await load({ url, headers: gzipOnly, connections: 100 })}`,
  );
  console.log(
    `assess   open the workbook, 10 connections, 10 s: ${await load({ url, headers, connections: 10 })}`,
  );
  await stopProcess(api.child);
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAssessments();
