/**
 * One valid request per CII model route for the permission matrix
 * (test/api/permissions.test.ts spreads {@link ciiRouteFixtures} into ROUTE_FIXTURES).
 * Write fixtures build fresh state on each call (the matrix calls a fixture once per role).
 */
import type { InjectOptions } from 'fastify';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

export function ciiRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let seq = 0;
  const unique = (p: string) => `${p}${++seq}`;
  const cii = (path: string) => org(`/cii${path}`);
  const newBusiness = async () =>
    (
      await ownerJson({
        method: 'POST',
        url: cii('/core-businesses'),
        payload: { name: unique('权限测试核心业务'), sector: 'energy', designatedOn: '2025-01-01' },
      })
    ).id as string;
  const newAsset = async () =>
    (await ownerJson({
      method: 'POST',
      url: cii('/assets'),
      payload: { code: unique('A-'), name: '调度自动化系统', kind: 'information_system' },
    })) as { id: string; version: number };
  const newFlow = async () => {
    const [business, asset] = await Promise.all([newBusiness(), newAsset()]);
    return (await ownerJson({
      method: 'POST',
      url: cii(`/core-businesses/${business}/flows`),
      payload: { name: '遥测数据', hops: [{ assetId: asset.id, stage: 'collection' }] },
    })) as { id: string; version: number; coreBusinessId: string };
  };
  const newDependency = async () => {
    const [a, b] = await Promise.all([newAsset(), newAsset()]);
    return (
      await ownerJson({
        method: 'POST',
        url: cii('/dependencies'),
        payload: { fromAssetId: a.id, toAssetId: b.id, kind: 'runs_on' },
      })
    ).id as string;
  };
  let shared: Promise<string> | undefined;
  const business = () => (shared ??= newFlow().then((f) => f.coreBusinessId));

  return {
    'GET /api/organisations/:orgId/cii/core-businesses': async () => ({
      url: cii('/core-businesses'),
    }),
    'POST /api/organisations/:orgId/cii/core-businesses': async () => ({
      method: 'POST',
      url: cii('/core-businesses'),
      payload: { name: unique('省级电力调度业务'), sector: 'energy' },
    }),
    'GET /api/organisations/:orgId/cii/core-businesses/:businessId': async () => ({
      url: cii(`/core-businesses/${await business()}`),
    }),
    'PATCH /api/organisations/:orgId/cii/core-businesses/:businessId': async () => {
      const id = await newBusiness();
      return {
        method: 'PATCH',
        url: cii(`/core-businesses/${id}`),
        payload: { version: 1, designatingAuthority: '国家能源局' },
      };
    },
    'DELETE /api/organisations/:orgId/cii/core-businesses/:businessId': async () => ({
      method: 'DELETE',
      url: cii(`/core-businesses/${await newBusiness()}`),
    }),
    'GET /api/organisations/:orgId/cii/assets': async () => ({ url: cii('/assets') }),
    'POST /api/organisations/:orgId/cii/assets': async () => ({
      method: 'POST',
      url: cii('/assets'),
      payload: { code: unique('B-'), name: '调度数据网', kind: 'network_facility' },
    }),
    'PATCH /api/organisations/:orgId/cii/assets/:assetId': async () => {
      const asset = await newAsset();
      return {
        method: 'PATCH',
        url: cii(`/assets/${asset.id}`),
        payload: { version: asset.version, description: '主调' },
      };
    },
    'DELETE /api/organisations/:orgId/cii/assets/:assetId': async () => ({
      method: 'DELETE',
      url: cii(`/assets/${(await newAsset()).id}`),
    }),
    'GET /api/organisations/:orgId/cii/dependencies': async () => ({ url: cii('/dependencies') }),
    'POST /api/organisations/:orgId/cii/dependencies': async () => {
      const [a, b] = await Promise.all([newAsset(), newAsset()]);
      return {
        method: 'POST',
        url: cii('/dependencies'),
        payload: { fromAssetId: a.id, toAssetId: b.id, kind: 'managed_by' },
      };
    },
    'DELETE /api/organisations/:orgId/cii/dependencies/:dependencyId': async () => ({
      method: 'DELETE',
      url: cii(`/dependencies/${await newDependency()}`),
    }),
    'GET /api/organisations/:orgId/cii/core-businesses/:businessId/flows': async () => ({
      url: cii(`/core-businesses/${await business()}/flows`),
    }),
    'POST /api/organisations/:orgId/cii/core-businesses/:businessId/flows': async () => {
      const asset = await newAsset();
      return {
        method: 'POST',
        url: cii(`/core-businesses/${await business()}/flows`),
        payload: { name: unique('流'), hops: [{ assetId: asset.id, stage: 'storage' }] },
      };
    },
    'PATCH /api/organisations/:orgId/cii/flows/:flowId': async () => {
      const flow = await newFlow();
      return {
        method: 'PATCH',
        url: cii(`/flows/${flow.id}`),
        payload: { version: flow.version, description: '改' },
      };
    },
    'DELETE /api/organisations/:orgId/cii/flows/:flowId': async () => ({
      method: 'DELETE',
      url: cii(`/flows/${(await newFlow()).id}`),
    }),
    'GET /api/organisations/:orgId/cii/export': async () => ({ url: cii('/export') }),
    'POST /api/organisations/:orgId/cii/import': async () => ({
      method: 'POST',
      url: cii('/import'),
      payload: {
        format: 'dengbao.cii.v1',
        assets: [{ code: unique('IMP-'), name: '导入资产', kind: 'om_system' }],
      },
    }),
    'GET /api/organisations/:orgId/cii/core-businesses/:businessId/boundary': async () => ({
      url: cii(`/core-businesses/${await business()}/boundary`),
    }),
    'GET /api/organisations/:orgId/cii/core-businesses/:businessId/determinations': async () => ({
      url: cii(`/core-businesses/${await business()}/determinations`),
    }),
    'POST /api/organisations/:orgId/cii/core-businesses/:businessId/determinations': async () => ({
      method: 'POST',
      url: cii(`/core-businesses/${await business()}/determinations`),
      payload: {},
    }),
    'GET /api/organisations/:orgId/cii/core-businesses/:businessId/duties': async () => ({
      url: cii(`/core-businesses/${await business()}/duties?asOf=2026-03-02`),
    }),
    'GET /api/organisations/:orgId/cii/core-businesses/:businessId/reports/boundary.:format':
      async () => ({
        url: cii(
          `/core-businesses/${await business()}/reports/boundary.docx?lang=zh&asOf=2026-03-02`,
        ),
      }),
  };
}
