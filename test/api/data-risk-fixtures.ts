/**
 * Seeds of the data-security tables an annual risk assessment reads, and one valid request per
 * risk-assessment route for the permission matrix (test/api/permissions.test.ts spreads
 * {@link dataRiskRouteFixtures} into ROUTE_FIXTURES). Write fixtures build fresh state on each
 * call (the matrix calls a fixture once per role).
 *
 * The inventory, profile and incident rows are written straight into their tables, encrypted as
 * src/store/reencrypt.ts binds them, so these tests do not depend on the inventory, duties and
 * incident commands (other modules).
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { AppContext } from '../../src/app/context';
import type { Client, Harness } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

export interface SeedResource {
  readonly code: string;
  readonly name: string;
  readonly grade: 'general' | 'important' | 'core';
  readonly data?: Record<string, unknown>;
}

/** A data resource of the inventory, its content encrypted under its row binding. */
export async function seedResource(
  ctx: AppContext,
  organisationId: string,
  r: SeedResource,
): Promise<string> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  await ctx.store.db
    .insertInto('data_resources')
    .values({
      id,
      organisation_id: organisationId,
      code: r.code,
      name: r.name,
      grade: r.grade,
      catalog_version: 'test',
      data_enc: ctx.cipher.encrypt(JSON.stringify({ code: r.code, name: r.name, ...r.data }), {
        table: 'data_resources',
        column: 'data_enc',
        rowId: id,
      }),
      version: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The data-security profile with the officer and the body (NDS Art. 30), unless one exists. */
export async function seedProfile(
  ctx: AppContext,
  organisationId: string,
  profile: Record<string, unknown>,
): Promise<void> {
  const exists = await ctx.store.db
    .selectFrom('data_security_profiles')
    .select('organisation_id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (exists) return;
  await ctx.store.db
    .insertInto('data_security_profiles')
    .values({
      organisation_id: organisationId,
      data_enc: ctx.cipher.encrypt(JSON.stringify(profile), {
        table: 'data_security_profiles',
        column: 'data_enc',
        rowId: organisationId,
      }),
      version: 1,
      updated_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** An incident of the register (clear columns; the content is an empty object). */
export async function seedIncident(
  ctx: AppContext,
  organisationId: string,
  i: { code: string; title: string; foundAt: string; grade: string | null; status: string },
): Promise<void> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  await ctx.store.db
    .insertInto('security_incidents')
    .values({
      id,
      organisation_id: organisationId,
      code: i.code,
      title: i.title,
      found_at: i.foundAt,
      grade: i.grade,
      status: i.status,
      content_enc: ctx.cipher.encrypt('{}', {
        table: 'security_incidents',
        column: 'content_enc',
        rowId: id,
      }),
      version: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export function dataRiskRouteFixtures(env: {
  readonly harness: () => Harness;
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  const base = '/data-security/risk-assessments';
  let seq = 0;
  /** A year without an assessment (one per organisation and year; the matrix calls often). */
  const freeYear = async (): Promise<number> => {
    const taken = new Set(
      ((await ownerJson({ url: org(base) })).items as { year: number }[]).map((a) => a.year),
    );
    for (let year = 2100; year >= 2021; year--) if (!taken.has(year)) return year;
    throw new Error('no free year left for a risk assessment');
  };
  const assessmentBody = (year: number) => ({
    year,
    title: `权限测试${year}年度数据安全风险评估`,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
  });
  const newAssessment = async (): Promise<any> =>
    ownerJson({ method: 'POST', url: org(base), payload: assessmentBody(await freeYear()) });
  let shared: Promise<string> | undefined;
  /** One draft the read and risk fixtures share, read afresh (its version moves). */
  const draft = async (): Promise<any> => {
    shared ??= newAssessment().then((a) => a.id as string);
    return ownerJson({ url: org(`${base}/${await shared}`) });
  };
  const newRisk = async (assessmentId: string): Promise<any> =>
    ownerJson({
      method: 'POST',
      url: org(`${base}/${assessmentId}/risks`),
      payload: {
        code: `R-PERM-${++seq}`,
        title: '权限测试风险',
        area: 'storage',
        likelihood: 2,
        impact: 3,
      },
    });
  let completedOne: Promise<string> | undefined;
  /** One assessment set back to completed before each call (straight in the table: the matrix tests access, not the workflow). */
  const completed = async (): Promise<any> => {
    completedOne ??= newAssessment().then((a) => a.id as string);
    const id = await completedOne;
    await env
      .harness()
      .store.db.updateTable('data_risk_assessments')
      .set({ status: 'completed', completed_on: '2026-01-10', reported_on: null })
      .where('id', '=', id)
      .execute();
    return ownerJson({ url: org(`${base}/${id}`) });
  };
  const p = '/api/organisations/:orgId/data-security';
  const a = `${p}/risk-assessments/:assessmentId`;
  return {
    [`GET ${p}/risk-assessments`]: async () => ({ url: org(base) }),
    [`POST ${p}/risk-assessments`]: async () => ({
      method: 'POST',
      url: org(base),
      payload: assessmentBody(await freeYear()),
    }),
    [`GET ${a}`]: async () => ({ url: org(`${base}/${(await draft()).id}`) }),
    [`PATCH ${a}`]: async () => {
      const dto = await draft();
      return {
        method: 'PATCH',
        url: org(`${base}/${dto.id}`),
        payload: { version: dto.version, conclusion: `权限测试结论${++seq}` },
      };
    },
    [`DELETE ${a}`]: async () => ({
      method: 'DELETE',
      url: org(`${base}/${(await newAssessment()).id}`),
    }),
    // The route needs datasec.write; report is the action that needs no more.
    [`POST ${a}/transition`]: async () => {
      const dto = await completed();
      return {
        method: 'POST',
        url: org(`${base}/${dto.id}/transition`),
        payload: {
          action: 'report',
          version: dto.version,
          reportedOn: '2026-02-01',
          recipient: '某省网信办',
        },
      };
    },
    [`GET ${a}/risks`]: async () => ({ url: org(`${base}/${(await draft()).id}/risks`) }),
    [`POST ${a}/risks`]: async () => ({
      method: 'POST',
      url: org(`${base}/${(await draft()).id}/risks`),
      payload: {
        code: `R-NEW-${++seq}`,
        title: '权限测试风险',
        area: 'storage',
        likelihood: 1,
        impact: 1,
      },
    }),
    [`PATCH ${a}/risks/:riskId`]: async () => {
      const dto = await draft();
      const risk = await newRisk(dto.id);
      return {
        method: 'PATCH',
        url: org(`${base}/${dto.id}/risks/${risk.id}`),
        payload: { version: risk.version, status: 'in_progress' },
      };
    },
    [`DELETE ${a}/risks/:riskId`]: async () => {
      const dto = await draft();
      const risk = await newRisk(dto.id);
      return { method: 'DELETE', url: org(`${base}/${dto.id}/risks/${risk.id}`) };
    },
    [`GET ${p}/risks`]: async () => ({ url: org('/data-security/risks?status=open') }),
    [`GET ${a}/report`]: async () => ({
      url: org(`${base}/${(await draft()).id}/report?format=docx`),
    }),
  };
}
