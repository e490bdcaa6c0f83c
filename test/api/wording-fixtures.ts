/**
 * Requests for the requirement-wording routes, for the permission matrix test
 * (test/api/permissions.test.ts spreads them into its ROUTE_FIXTURES).
 */
import type { InjectOptions } from 'fastify';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

/** A small licensed-copy table: one item for every level. */
export const WORDING_CSV = '编号,原文\n8.1.4.1-a,【本单位标准文本】身份鉴别（示例文本）\n';

export function wordingRouteFixtures(env: {
  readonly org: (path: string) => string;
}): Record<string, Fixture> {
  const { org } = env;
  return {
    'GET /api/organisations/:orgId/requirement-wording': async () => ({
      url: org('/requirement-wording'),
    }),
    'PUT /api/organisations/:orgId/requirement-wording': async () => ({
      method: 'PUT',
      url: org('/requirement-wording?name=wording.csv'),
      headers: { 'content-type': 'text/csv' },
      payload: WORDING_CSV,
    }),
    'DELETE /api/organisations/:orgId/requirement-wording': async () => ({
      method: 'DELETE',
      url: org('/requirement-wording'),
    }),
  };
}
