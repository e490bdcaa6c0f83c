/**
 * Test helpers for GB/T 39204 capability evaluations: a core business inserted directly into the
 * store, and one valid request per evaluation route for the permission matrix
 * (test/api/permissions.test.ts spreads {@link ciiEvaluationRouteFixtures} into ROUTE_FIXTURES).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Store } from '../../src/store/database';
import type { Client, Harness } from './harness';

/** Inserts a core business row (the CII model's own API is tested elsewhere); returns its id. */
export async function insertCoreBusiness(
  store: Store,
  organisationId: string,
  name: string,
): Promise<string> {
  const id = randomUUID();
  const now = '2026-03-02T01:00:00.000Z';
  await store.db
    .insertInto('cii_core_businesses')
    .values({
      id,
      organisation_id: organisationId,
      name,
      sector: 'finance',
      designating_authority: null,
      designation_notice: null,
      designated_on: null,
      description: null,
      chain_steps: '[]',
      info_categories: '[]',
      boundary_follow: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

type Fixture = (who: Client) => Promise<InjectOptions>;

/**
 * One valid request per capability-evaluation route. Write fixtures build fresh state each call
 * (the matrix calls a fixture once per role).
 */
export function ciiEvaluationRouteFixtures(env: {
  readonly harness: () => Harness;
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let business: Promise<string> | undefined;
  let seq = 0;
  const businessId = () => {
    business ??= (async () => {
      const orgId = /\/organisations\/([^/]+)/.exec(org(''))?.[1];
      assert.ok(orgId, 'organisation id');
      return insertCoreBusiness(env.harness().store, orgId, '权限测试核心业务');
    })();
    return business;
  };
  const newEvaluation = async (): Promise<any> =>
    ownerJson({
      method: 'POST',
      url: org(`/cii/core-businesses/${await businessId()}/evaluations`),
      payload: { title: `权限测试能力评价${++seq}` },
    });
  /** A fresh evaluation with 7.9-j recorded 不符合 (a finding). */
  const withFinding = async (): Promise<any> => {
    const evaluation = await newEvaluation();
    return ownerJson({
      method: 'PUT',
      url: org(`/cii/evaluations/${evaluation.id}/results`),
      payload: {
        rows: [{ requirementId: '7.9-j', result: 'non_compliant', note: '无检测报告', version: 0 }],
      },
    });
  };
  const allCompliant = async (): Promise<any> => {
    const evaluation = await newEvaluation();
    return ownerJson({
      method: 'PUT',
      url: org(`/cii/evaluations/${evaluation.id}/results`),
      payload: {
        rows: evaluation.requirements.map((r: { requirementId: string }) => ({
          requirementId: r.requirementId,
          result: 'compliant',
          version: 0,
        })),
      },
    });
  };
  const p = '/api/organisations/:orgId/cii';
  return {
    [`GET ${p}/capability-catalog`]: async () => ({ url: org('/cii/capability-catalog') }),
    [`GET ${p}/core-businesses/:businessId/evaluations`]: async () => ({
      url: org(`/cii/core-businesses/${await businessId()}/evaluations`),
    }),
    [`POST ${p}/core-businesses/:businessId/evaluations`]: async () => ({
      method: 'POST',
      url: org(`/cii/core-businesses/${await businessId()}/evaluations`),
      payload: { title: `权限测试能力评价${++seq}` },
    }),
    [`GET ${p}/evaluations/:evaluationId`]: async () => ({
      url: org(`/cii/evaluations/${(await newEvaluation()).id}`),
    }),
    [`PUT ${p}/evaluations/:evaluationId/results`]: async () => ({
      method: 'PUT',
      url: org(`/cii/evaluations/${(await newEvaluation()).id}/results`),
      payload: { rows: [{ requirementId: '6.1', result: 'compliant', version: 0 }] },
    }),
    [`POST ${p}/evaluations/:evaluationId/complete`]: async () => {
      const evaluation = await allCompliant();
      return {
        method: 'POST',
        url: org(`/cii/evaluations/${evaluation.id}/complete`),
        payload: { version: evaluation.version },
      };
    },
    [`POST ${p}/evaluations/:evaluationId/reopen`]: async () => {
      const filled = await allCompliant();
      const done = await ownerJson({
        method: 'POST',
        url: org(`/cii/evaluations/${filled.id}/complete`),
        payload: { version: filled.version },
      });
      return {
        method: 'POST',
        url: org(`/cii/evaluations/${done.id}/reopen`),
        payload: { version: done.version },
      };
    },
    [`POST ${p}/evaluations/:evaluationId/rectifications`]: async () => ({
      method: 'POST',
      url: org(`/cii/evaluations/${(await withFinding()).id}/rectifications`),
      payload: { requirementId: '7.9-j', owner: '项目组' },
    }),
    [`PATCH ${p}/evaluations/:evaluationId/rectifications/:rectificationId`]: async () => {
      const evaluation = await withFinding();
      const item = await ownerJson({
        method: 'POST',
        url: org(`/cii/evaluations/${evaluation.id}/rectifications`),
        payload: { requirementId: '7.9-j' },
      });
      return {
        method: 'PATCH',
        url: org(`/cii/evaluations/${evaluation.id}/rectifications/${item.id}`),
        payload: { version: item.version, status: 'in_progress' },
      };
    },
  };
}
