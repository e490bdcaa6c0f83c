/**
 * One valid request per processing-register route for the permission matrix
 * (test/api/permissions.test.ts spreads {@link privacyRegisterRouteFixtures} into
 * ROUTE_FIXTURES). Write fixtures build fresh state on each call (the matrix calls a fixture once
 * per role).
 */
import type { InjectOptions } from 'fastify';
import { privacyWorkbook } from '../../src/app/privacy/excel';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A small activity with one transfer abroad (to a recipient in Germany). */
export const matrixActivity = (code: string) => ({
  code,
  name: '检验结果外送',
  purpose: '特殊检验项目送境外参考实验室检测',
  legalBases: ['consent'],
  dataCategories: ['name', 'medical_record'],
  dataSubjects: ['patients'],
  individuals: 100,
  sensitiveIndividuals: 100,
  retention: '随病历保存',
  recipients: [
    { key: 'R1', relationship: 'entrusted_processor', name: '境外参考实验室', country: 'DE' },
  ],
  transfers: [{ key: 'T1', recipientKey: 'R1' }],
});

export function privacyRegisterRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let seq = 0;
  const pv = (path: string) => org(`/privacy${path}`);
  const newActivity = async () =>
    (await ownerJson({
      method: 'POST',
      url: pv('/activities'),
      payload: matrixActivity(`PM-${++seq}`),
    })) as { id: string; version: number; code: string };
  let shared: Promise<{ id: string }> | undefined;
  const activity = () => (shared ??= newActivity());
  const newBatch = async () => {
    const a = await activity();
    return (
      await ownerJson({
        method: 'POST',
        url: pv(`/activities/${a.id}/batches`),
        payload: { transferKey: 'T1', transferredOn: '2026-02-01', individuals: 10 },
      })
    ).id as string;
  };
  let workbook: Promise<Buffer> | undefined;

  return {
    'GET /api/organisations/:orgId/privacy/profile': async () => ({ url: pv('/profile') }),
    'PUT /api/organisations/:orgId/privacy/profile': async () => {
      const current = await ownerJson({ url: pv('/profile') });
      return {
        method: 'PUT',
        url: pv('/profile'),
        payload: {
          version: current.version,
          ciiOperator: false,
          totalIndividuals: 1000 + ++seq,
          privacyNotices: [{ version: 'v1', effectiveFrom: '2026-01-01' }],
        },
      };
    },
    'GET /api/organisations/:orgId/privacy/activities': async () => ({ url: pv('/activities') }),
    'POST /api/organisations/:orgId/privacy/activities': async () => ({
      method: 'POST',
      url: pv('/activities'),
      payload: matrixActivity(`PC-${++seq}`),
    }),
    'GET /api/organisations/:orgId/privacy/activities/:activityId': async () => ({
      url: pv(`/activities/${(await activity()).id}`),
    }),
    'PATCH /api/organisations/:orgId/privacy/activities/:activityId': async () => {
      const a = await newActivity();
      return {
        method: 'PATCH',
        url: pv(`/activities/${a.id}`),
        payload: { version: a.version, individuals: 200 },
      };
    },
    'DELETE /api/organisations/:orgId/privacy/activities/:activityId': async () => ({
      method: 'DELETE',
      url: pv(`/activities/${(await newActivity()).id}`),
    }),
    'GET /api/organisations/:orgId/privacy/activities/:activityId/classification': async () => ({
      url: pv(`/activities/${(await activity()).id}/classification`),
    }),
    'GET /api/organisations/:orgId/privacy/classification': async () => ({
      url: pv('/classification'),
    }),
    'GET /api/organisations/:orgId/privacy/activities/:activityId/batches': async () => ({
      url: pv(`/activities/${(await activity()).id}/batches`),
    }),
    'POST /api/organisations/:orgId/privacy/activities/:activityId/batches': async () => ({
      method: 'POST',
      url: pv(`/activities/${(await activity()).id}/batches`),
      payload: { transferKey: 'T1', transferredOn: '2026-03-01', individuals: 5 },
    }),
    'DELETE /api/organisations/:orgId/privacy/batches/:batchId': async () => ({
      method: 'DELETE',
      url: pv(`/batches/${await newBatch()}`),
    }),
    'GET /api/organisations/:orgId/privacy/paths': async () => ({
      url: pv('/paths?asOf=2026-06-30'),
    }),
    'GET /api/organisations/:orgId/privacy/duties': async () => ({
      url: pv('/duties?asOf=2026-06-30'),
    }),
    'GET /api/organisations/:orgId/privacy/file': async () => ({ url: pv('/file?format=yaml') }),
    'POST /api/organisations/:orgId/privacy/file': async () => ({
      method: 'POST',
      url: pv('/file?dryRun=true'),
      payload: { format: 'dengbao.privacy.v1', activities: [matrixActivity(`PF-${++seq}`)] },
    }),
    'GET /api/organisations/:orgId/privacy/workbook.xlsx': async () => ({
      url: pv('/workbook.xlsx'),
    }),
    'POST /api/organisations/:orgId/privacy/workbook.xlsx': async () => ({
      method: 'POST',
      url: pv('/workbook.xlsx?dryRun=true'),
      headers: { 'content-type': XLSX },
      payload: await (workbook ??= privacyWorkbook({
        format: 'dengbao.privacy.v1',
        activities: [],
        transferBatches: [],
      })),
    }),
  };
}
