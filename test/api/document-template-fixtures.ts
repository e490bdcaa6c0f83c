/**
 * Requests for the document-template routes, for the permission matrix test
 * (test/api/permissions.test.ts spreads them into its ROUTE_FIXTURES), and a real PNG to upload.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { OVERRIDABLE_BLOCKS } from '../../src/reports/documents/overridable-blocks';
import type { Client } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

/** A solid-colour RGB PNG of `width` × `height` pixels, built from its chunks. */
export function solidPng(
  width: number,
  height: number,
  rgb: readonly [number, number, number],
): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const LOGO_PNG = solidPng(120, 40, [180, 20, 30]);

export function documentTemplateRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly ownerJson: (opts: InjectOptions) => Promise<any>;
}): Record<string, Fixture> {
  const { org, ownerJson } = env;
  const template = (path = '') => org(`/document-template${path}`);
  const key = OVERRIDABLE_BLOCKS[0]?.key ?? 'assessment.statement';
  const blockVersion = async () => {
    const got = await ownerJson({ url: template() });
    for (const d of got.documents) for (const b of d.blocks) if (b.key === key) return b.version;
    return 0;
  };
  const ensureLogo = async () => {
    const got = await ownerJson({ url: template() });
    if (got.logo) return;
    await ownerJson({
      method: 'PUT',
      url: template('/logo'),
      headers: { 'content-type': 'image/png' },
      payload: LOGO_PNG,
    });
  };
  return {
    'GET /api/organisations/:orgId/document-template': async () => ({ url: template() }),
    'PUT /api/organisations/:orgId/document-template/blocks/:key': async (who) => ({
      method: 'PUT',
      url: template(`/blocks/${key}`),
      payload: { zh: `权限测试（${who.username}）`, version: await blockVersion() },
    }),
    'GET /api/organisations/:orgId/document-template/logo': async () => {
      await ensureLogo();
      return { url: template('/logo') };
    },
    'PUT /api/organisations/:orgId/document-template/logo': async () => ({
      method: 'PUT',
      url: template('/logo'),
      headers: { 'content-type': 'image/png' },
      payload: LOGO_PNG,
    }),
    'DELETE /api/organisations/:orgId/document-template/logo': async () => {
      await ensureLogo();
      return { method: 'DELETE', url: template('/logo') };
    },
  };
}
