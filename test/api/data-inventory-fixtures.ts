/**
 * One valid request per data-inventory route for the permission matrix
 * (test/api/permissions.test.ts spreads {@link dataInventoryRouteFixtures} into ROUTE_FIXTURES).
 * Write fixtures build fresh state on each call (the matrix calls a fixture once per role).
 */
import type { InjectOptions } from 'fastify';
import { inventoryWorkbook } from '../../src/app/data-security/inventory/excel';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A small resource: patients' lab results, sensitive personal information. */
export const matrixResource = (code: string) => ({
  code,
  name: '检验结果',
  individuals: 100,
  piCategories: ['name', 'medical_record'],
  impacts: [{ object: 'individual_rights', degree: 'serious' }],
});

export function dataInventoryRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  let seq = 0;
  const ds = (path: string) => org(`/data-security${path}`);
  const newResource = async () =>
    (await ownerJson({
      method: 'POST',
      url: ds('/resources'),
      payload: matrixResource(`DM-${++seq}`),
    })) as { id: string; version: number; code: string };
  let shared: Promise<{ id: string }> | undefined;
  const resource = () => (shared ??= newResource());
  let workbook: Promise<Buffer> | undefined;
  const base = 'GET /api/organisations/:orgId/data-security';

  return {
    [`${base}/resources`]: async () => ({ url: ds('/resources') }),
    'POST /api/organisations/:orgId/data-security/resources': async () => ({
      method: 'POST',
      url: ds('/resources'),
      payload: matrixResource(`DC-${++seq}`),
    }),
    [`${base}/resources/:resourceId`]: async () => ({
      url: ds(`/resources/${(await resource()).id}`),
    }),
    'PATCH /api/organisations/:orgId/data-security/resources/:resourceId': async () => {
      const r = await newResource();
      return {
        method: 'PATCH',
        url: ds(`/resources/${r.id}`),
        payload: { version: r.version, individuals: 200 },
      };
    },
    'DELETE /api/organisations/:orgId/data-security/resources/:resourceId': async () => ({
      method: 'DELETE',
      url: ds(`/resources/${(await newResource()).id}`),
    }),
    [`${base}/classification`]: async () => ({ url: ds('/classification') }),
    [`${base}/filing-inventory`]: async () => ({ url: ds('/filing-inventory') }),
    [`${base}/export`]: async () => ({ url: ds('/export?format=yaml') }),
    'POST /api/organisations/:orgId/data-security/import': async () => ({
      method: 'POST',
      url: ds('/import?dryRun=true'),
      headers: { 'content-type': XLSX },
      payload: await (workbook ??= inventoryWorkbook(
        { format: 'dengbao.data-inventory.v1', resources: [], provisions: [] },
        [],
      )),
    }),
  };
}
