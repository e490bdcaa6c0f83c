/**
 * One valid request per app-check route for the permission matrix (test/api/permissions.test.ts
 * spreads {@link appCheckRouteFixtures} into ROUTE_FIXTURES). Write fixtures build fresh state
 * on each call (the matrix calls a fixture once per role).
 */
import type { InjectOptions } from 'fastify';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

/** A ride-hailing app that collects the contacts list for its basic function. */
export const matrixAppCheck = (code: string) => ({
  code,
  name: '快行约车',
  appType: 'ride_hailing',
  platform: 'android',
  checkedOn: '2026-03-02',
  collected: [
    { item: 'registered_phone', piCategory: 'phone_number', function: '注册', basicFunction: true },
    { item: '通讯录', piCategory: 'contacts_list', function: '叫车', basicFunction: true },
  ],
  privacyPolicyUrl: 'https://example.cn/privacy',
  noticeElements: [
    'handler_identity_contact',
    'purposes_methods_types',
    'sensitive_necessity_impact',
    'retention_period',
    'rights_channels',
    'collection_list',
  ],
  consent: {
    beforeCollection: true,
    unbundled: true,
    basicUsableOnRefusal: true,
    withdrawalAvailable: true,
    accountDeletionAvailable: true,
    noRepeatedPrompts: true,
    personalisationOptOut: true,
  },
});

export function appCheckRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let seq = 0;
  const url = (path = '') => org(`/data-security/app-checks${path}`);
  const newCheck = async () =>
    (await ownerJson({ method: 'POST', url: url(), payload: matrixAppCheck(`AM-${++seq}`) })) as {
      id: string;
      version: number;
    };
  let shared: Promise<{ id: string }> | undefined;
  const check = () => (shared ??= newCheck());
  return {
    'GET /api/organisations/:orgId/data-security/app-checks': async () => ({ url: url() }),
    'POST /api/organisations/:orgId/data-security/app-checks': async () => ({
      method: 'POST',
      url: url(),
      payload: matrixAppCheck(`AC-${++seq}`),
    }),
    'GET /api/organisations/:orgId/data-security/app-checks/:id': async () => ({
      url: url(`/${(await check()).id}`),
    }),
    'PATCH /api/organisations/:orgId/data-security/app-checks/:id': async () => {
      const c = await newCheck();
      return {
        method: 'PATCH',
        url: url(`/${c.id}`),
        payload: { version: c.version, name: '快行约车 6.0' },
      };
    },
    'DELETE /api/organisations/:orgId/data-security/app-checks/:id': async () => ({
      method: 'DELETE',
      url: url(`/${(await newCheck()).id}`),
    }),
  };
}
