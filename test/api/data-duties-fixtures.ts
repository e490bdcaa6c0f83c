/**
 * One valid request per route of the data-security profile, provisions, duties and PI audits for
 * the permission matrix (test/api/permissions.test.ts spreads {@link dataDutiesRouteFixtures}
 * into ROUTE_FIXTURES). Write fixtures build fresh state on each call (the matrix calls a
 * fixture once per role).
 */
import type { InjectOptions } from 'fastify';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

/** A PI compliance audit as planned. */
export const matrixAudit = (title: string) => ({
  title,
  kind: 'self',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  plannedOn: '2026-04-01',
  findings: [{ code: 'F-1', title: '隐私政策缺少SDK清单', severity: 'medium' }],
});

export function dataDutiesRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let seq = 0;
  const ds = (path: string) => org(`/data-security${path}`);
  // One important resource (declared) the provisions name.
  let resource: Promise<string> | undefined;
  const importantCode = () =>
    (resource ??= ownerJson({
      method: 'POST',
      url: ds('/resources'),
      payload: {
        code: 'DD-IMP',
        name: '区域公共卫生监测数据',
        declaredGrade: 'important',
        declaredOn: '2026-01-10',
      },
    }).then(() => 'DD-IMP'));
  const newProvision = async () =>
    (await ownerJson({
      method: 'POST',
      url: ds('/provisions'),
      payload: {
        code: `PV-${++seq}`,
        kind: 'entrust',
        recipient: '云服务商',
        dataResourceCodes: [await importantCode()],
        startsOn: '2026-05-01',
      },
    })) as { id: string; version: number };
  const newAudit = async () =>
    (await ownerJson({
      method: 'POST',
      url: ds('/pi-audits'),
      payload: matrixAudit(`审计-${++seq}`),
    })) as { id: string; version: number };
  let sharedAudit: Promise<{ id: string }> | undefined;
  const audit = () => (sharedAudit ??= newAudit());
  const base = '/api/organisations/:orgId/data-security';

  return {
    [`GET ${base}/profile`]: async () => ({ url: ds('/profile') }),
    [`PUT ${base}/profile`]: async () => {
      const current = await ownerJson({ url: ds('/profile') });
      return {
        method: 'PUT',
        url: ds('/profile'),
        payload: { version: current.version, registeredUsers: 1000 + ++seq },
      };
    },
    [`GET ${base}/provisions`]: async () => ({ url: ds('/provisions') }),
    [`POST ${base}/provisions`]: async () => ({
      method: 'POST',
      url: ds('/provisions'),
      payload: {
        code: `PC-${++seq}`,
        kind: 'provide',
        recipient: '医联体平台',
        dataResourceCodes: [await importantCode()],
        startsOn: '2026-05-01',
      },
    }),
    [`PATCH ${base}/provisions/:provisionId`]: async () => {
      const p = await newProvision();
      return {
        method: 'PATCH',
        url: ds(`/provisions/${p.id}`),
        payload: { version: p.version, riskAssessedOn: '2026-04-20' },
      };
    },
    [`DELETE ${base}/provisions/:provisionId`]: async () => ({
      method: 'DELETE',
      url: ds(`/provisions/${(await newProvision()).id}`),
    }),
    [`GET ${base}/duties`]: async () => ({ url: ds('/duties?asOf=2026-03-02') }),
    [`GET ${base}/pi-audits`]: async () => ({ url: ds('/pi-audits') }),
    [`POST ${base}/pi-audits`]: async () => ({
      method: 'POST',
      url: ds('/pi-audits'),
      payload: matrixAudit(`新审计-${++seq}`),
    }),
    [`GET ${base}/pi-audits/:auditId`]: async () => ({
      url: ds(`/pi-audits/${(await audit()).id}`),
    }),
    [`PATCH ${base}/pi-audits/:auditId`]: async () => {
      const a = await newAudit();
      return {
        method: 'PATCH',
        url: ds(`/pi-audits/${a.id}`),
        payload: { version: a.version, auditor: '内审部' },
      };
    },
    [`DELETE ${base}/pi-audits/:auditId`]: async () => ({
      method: 'DELETE',
      url: ds(`/pi-audits/${(await newAudit()).id}`),
    }),
  };
}
