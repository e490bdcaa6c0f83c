/**
 * One valid request per verification route (漏洞扫描/渗透测试) for the permission matrix:
 * test/api/permissions.test.ts spreads {@link verificationRouteFixtures} into ROUTE_FIXTURES.
 * The upload is a dry run (repeatable by every role); each delete first imports a sheet of its own.
 */
import type { InjectOptions } from 'fastify';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

export function verificationRouteFixtures(env: {
  /** `/api/organisations/:orgId/assessments/:assessmentId` + path of an editable assessment. */
  readonly am: (path?: string) => Promise<string>;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { am, ownerJson } = env;
  let seq = 0;
  const sheet = () =>
    Buffer.from(
      `漏洞名称,目标地址,端口,风险等级,CVE编号,CVSS\n管理后台弱口令 ${++seq},10.99.0.${seq % 250},8443,中,,5.3\n`,
    );
  const upload = async (query: string): Promise<InjectOptions> => ({
    method: 'POST',
    url: await am(`/verification?${query}`),
    headers: { 'content-type': 'text/csv' },
    payload: sheet(),
  });
  return {
    'POST /api/organisations/:orgId/assessments/:assessmentId/verification': () =>
      upload('fileName=pentest.csv&dryRun=true&allowUnassigned=true'),
    'GET /api/organisations/:orgId/assessments/:assessmentId/verification': async () => ({
      url: await am('/verification'),
    }),
    'GET /api/organisations/:orgId/assessments/:assessmentId/verification/candidates':
      async () => ({ url: await am('/verification/candidates') }),
    'DELETE /api/organisations/:orgId/assessments/:assessmentId/verification/:importId':
      async () => {
        const done = await ownerJson(await upload('fileName=pentest.csv&allowUnassigned=true'));
        return { method: 'DELETE', url: await am(`/verification/${done.id as string}`) };
      },
  };
}
