/**
 * One valid request per incident route for the permission matrix (test/api/permissions.test.ts
 * spreads {@link incidentRouteFixtures} into ROUTE_FIXTURES). Write fixtures build fresh state
 * on each call (the matrix calls a fixture once per role).
 */
import type { InjectOptions } from 'fastify';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

/** A ransomware incident found 2026-03-02 09:15 Beijing, graded 较大. */
export const matrixIncident = (code: string) => ({
  code,
  title: '勒索病毒感染',
  type: 'malware',
  foundAt: '2026-03-02T09:15:00+08:00',
  grade: 'large',
  measures: { piLeakedIndividuals: 1_200_000 },
});

export function incidentRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let seq = 0;
  const url = (path = '') => org(`/data-security/incidents${path}`);
  const newIncident = async () =>
    (await ownerJson({ method: 'POST', url: url(), payload: matrixIncident(`IM-${++seq}`) })) as {
      id: string;
      version: number;
    };
  let shared: Promise<{ id: string }> | undefined;
  const incident = () => (shared ??= newIncident());
  return {
    'GET /api/organisations/:orgId/data-security/incidents': async () => ({ url: url() }),
    'POST /api/organisations/:orgId/data-security/incidents': async () => ({
      method: 'POST',
      url: url(),
      payload: matrixIncident(`IC-${++seq}`),
    }),
    'GET /api/organisations/:orgId/data-security/incidents/:incidentId': async () => ({
      url: url(`/${(await incident()).id}`),
    }),
    'PATCH /api/organisations/:orgId/data-security/incidents/:incidentId': async () => {
      const i = await newIncident();
      return {
        method: 'PATCH',
        url: url(`/${i.id}`),
        payload: { version: i.version, title: '勒索病毒感染（已控制）' },
      };
    },
    'DELETE /api/organisations/:orgId/data-security/incidents/:incidentId': async () => ({
      method: 'DELETE',
      url: url(`/${(await newIncident()).id}`),
    }),
    'POST /api/organisations/:orgId/data-security/incidents/:incidentId/reports': async () => {
      const i = await newIncident();
      return {
        method: 'POST',
        url: url(`/${i.id}/reports`),
        payload: {
          version: i.version,
          kind: 'initial',
          recipient: 'provincial_cac',
          submittedAt: '2026-03-02T10:00:00+08:00',
        },
      };
    },
    'GET /api/organisations/:orgId/data-security/incidents/:incidentId/report': async () => ({
      url: url(`/${(await incident()).id}/report?format=docx&kind=initial&lang=zh`),
    }),
  };
}
