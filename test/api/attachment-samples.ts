/**
 * Small real files for the attachment tests (a one-page PDF made with pdfkit, a PNG made here),
 * and the attachment routes' requests for the permission matrix (test/api/permissions.test.ts).
 */
import { deflateSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import PDFDocument from 'pdfkit';
import type { Client } from './harness';

/** A one-page PDF with `text` on it (Latin text: the standard font has no CJK). */
export function samplePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text(text);
    doc.end();
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `width` × `height` RGB PNG: a grey diagram-like grid (a stand-in for a topology diagram). */
export function samplePng(width = 64, height = 48): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      if (x % 16 === 0 || y % 12 === 0) row.fill(0x40, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Fixture = (who: Client) => Promise<InjectOptions>;

/** One valid request per attachment route, on the assigned system of the permission test. */
export function attachmentRouteFixtures(env: {
  readonly org: (path: string) => string;
  readonly systemId: () => string;
  /** Uploads a topology diagram as the owner and answers its id. */
  readonly ownerAttachment: () => Promise<string>;
  readonly gradeMain: () => Promise<void>;
}): Record<string, Fixture> {
  const { org } = env;
  const base = () => org(`/systems/${env.systemId()}`);
  return {
    'GET /api/organisations/:orgId/systems/:systemId/attachments': async () => ({
      url: `${base()}/attachments`,
    }),
    'POST /api/organisations/:orgId/systems/:systemId/attachments': async () => ({
      method: 'POST',
      url: `${base()}/attachments?recordKind=system&purpose=topology&fileName=topology.png`,
      headers: { 'content-type': 'image/png' },
      payload: samplePng(8, 8),
    }),
    'GET /api/organisations/:orgId/systems/:systemId/attachments/:attachmentId': async () => ({
      url: `${base()}/attachments/${await env.ownerAttachment()}`,
    }),
    'DELETE /api/organisations/:orgId/systems/:systemId/attachments/:attachmentId': async () => ({
      method: 'DELETE',
      url: `${base()}/attachments/${await env.ownerAttachment()}`,
    }),
    'GET /api/organisations/:orgId/systems/:systemId/dossier.zip': async () => {
      await env.gradeMain();
      return { url: `${base()}/dossier.zip?lang=zh&asOf=2026-03-02` };
    },
  };
}
