/**
 * One valid request per PIPIA route for the permission matrix (test/api/permissions.test.ts
 * spreads {@link pipiaRouteFixtures} into ROUTE_FIXTURES). Write fixtures build fresh state
 * each call (the matrix calls a fixture once per role).
 */
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { CLI_ACTOR } from '../../src/app/actor';
import { createActivityCommand } from '../../src/app/privacy/commands';
import { ActivityInputSchema } from '../../src/shared/privacy-schemas';
import type { Client, Harness } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

export function pipiaRouteFixtures(env: {
  readonly harness: () => Harness;
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let activity: Promise<string> | undefined;
  let seq = 0;
  const activityId = () => {
    activity ??= (async () => {
      const orgId = /\/organisations\/([^/]+)/.exec(org(''))?.[1];
      assert.ok(orgId, 'organisation id');
      const created = await createActivityCommand(
        env.harness().ctx,
        CLI_ACTOR,
        orgId,
        ActivityInputSchema.parse({
          code: 'PIPIA-PERM',
          name: '权限测试处理活动',
          purpose: '权限矩阵测试',
          legalBases: ['consent'],
          dataCategories: ['name', 'medical_record'],
          dataSubjects: ['patients'],
          individuals: 10,
          retention: '一年',
        }),
      );
      return created.id;
    })();
    return activity;
  };
  const newPipia = async (reviewerIds: string[] = []): Promise<any> =>
    ownerJson({
      method: 'POST',
      url: org('/privacy/pipias'),
      payload: {
        title: `权限测试影响评估${++seq}`,
        activityIds: [await activityId()],
        reviewerIds,
      },
    });
  /** In review with `who` as its reviewer when `who` may be one. */
  const inReview = async (who: Client): Promise<any> => {
    let dto: any;
    try {
      dto = await newPipia([who.userId]);
    } catch {
      dto = await newPipia(); // `who` cannot review here (another organisation, no privacy.read)
    }
    const answered = await ownerJson({
      method: 'PATCH',
      url: org(`/privacy/pipias/${dto.id}`),
      payload: {
        version: dto.version,
        overallRisk: 'low',
        answers: Object.fromEntries(
          (dto.applicableQuestionIds as string[]).map((id) => [id, { answer: '已核实' }]),
        ),
      },
    });
    return ownerJson({
      method: 'POST',
      url: org(`/privacy/pipias/${dto.id}/transitions`),
      payload: { action: 'submit', version: answered.version },
    });
  };
  const p = '/api/organisations/:orgId/privacy/pipias';
  return {
    [`GET ${p}`]: async () => ({ url: org('/privacy/pipias') }),
    [`POST ${p}`]: async () => ({
      method: 'POST',
      url: org('/privacy/pipias'),
      payload: { title: `权限测试影响评估${++seq}`, activityIds: [await activityId()] },
    }),
    [`GET ${p}/:pipiaId`]: async () => ({ url: org(`/privacy/pipias/${(await newPipia()).id}`) }),
    [`PATCH ${p}/:pipiaId`]: async () => {
      const dto = await newPipia();
      return {
        method: 'PATCH',
        url: org(`/privacy/pipias/${dto.id}`),
        payload: { version: dto.version, conclusion: '权限测试结论' },
      };
    },
    [`DELETE ${p}/:pipiaId`]: async () => ({
      method: 'DELETE',
      url: org(`/privacy/pipias/${(await newPipia()).id}`),
    }),
    // The route needs privacy.read; a named reviewer records a review.
    [`POST ${p}/:pipiaId/transitions`]: async (who) => {
      const dto = await inReview(who);
      return {
        method: 'POST',
        url: org(`/privacy/pipias/${dto.id}/transitions`),
        payload: { action: 'review', version: dto.version, comment: '同意' },
      };
    },
    [`GET ${p}/:pipiaId/report.:format`]: async () => ({
      url: org(`/privacy/pipias/${(await newPipia()).id}/report.docx`),
    }),
  };
}
