import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { buildDossier, type DossierManifest } from '../../src/app/dossier';
import type { SystemDetailDto } from '../../src/shared/api-types';
import { hospitalWithHis, sourceCli } from '../cli-source';
import { TEST_DIALECTS } from '../support';
import { samplePdf, samplePng } from './attachment-samples';
import { startHarness, type Client, type Harness } from './harness';

const sm3 = (data: Uint8Array) => createHash('sm3').update(data).digest('hex');
const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-dossier-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(data: Uint8Array, name: string): string {
  const file = path.join(dir, name.replace(/[^\w.-]/g, '_'));
  writeFileSync(file, data);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`pdftotext is needed to read the PDF back (poppler-utils): ${error}`, {
      cause: error,
    });
  }
}

/** Every file the manifest lists is in the zip with its size and SM3; and only those (+ manifests). */
function checkManifest(files: Record<string, Uint8Array>): DossierManifest {
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as DossierManifest;
  const text = strFromU8(files['manifest.txt']!);
  for (const f of manifest.files) {
    const data = files[f.path];
    assert.ok(data, `${f.path} is in the zip`);
    assert.equal(data.length, f.size, `${f.path}: size`);
    assert.equal(sm3(data), f.sm3, `${f.path}: SM3`);
    assert.ok(text.includes(f.path) && text.includes(f.sm3), `${f.path} in manifest.txt`);
  }
  assert.deepEqual(
    Object.keys(files).sort(),
    [...manifest.files.map((f) => f.path), 'manifest.json', 'manifest.txt'].sort(),
  );
  return manifest;
}

/**
 * The filing dossier of a graded hospital system with an expert review, a filing and an
 * assessment: the documents as real Word and PDF files, the scans byte for byte, and a manifest
 * whose SM3 digests match the files.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`filing dossier on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let systemId: string;
    let opinionPdf: Buffer;
    const topologyPng = samplePng(160, 90);

    const url = (p: string) => `/api/organisations/${orgId}${p}`;
    const sys = (p = '') => url(`/systems/${systemId}${p}`);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('wang.fang', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      const created = (
        await owner.inject({
          method: 'POST',
          url: url('/systems'),
          payload: {
            name: '医院信息系统（HIS）',
            types: ['ordinary_system'],
            goLiveOn: '2024-06-01',
          },
        })
      ).json() as { id: string; version: number };
      systemId = created.id;
      const post = async (p: string, payload: object) => {
        const res = await owner.inject({ method: 'POST', url: sys(p), payload });
        assert.ok(res.statusCode < 300, `${p}: ${res.body}`);
        return res.json();
      };
      await post('/gradings', {
        businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
        systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
        gradedOn: '2026-01-05',
        reason: '三级甲等医院核心业务系统',
        version: created.version,
      });
      const reviewed = (await post('/reviews', {
        kind: 'expert_review',
        reviewedOn: '2026-01-12',
        reviewer: '省卫生健康委专家组',
        agreedLevel: 3,
      })) as SystemDetailDto;
      const filed = (await post('/filings', {
        filedOn: '2026-01-20',
        bureau: '某市公安局网安支队',
        certificateNumber: '11010143001-26001',
        level: 3,
      })) as SystemDetailDto;
      await post('/assessments', { title: '2026年度等级测评', agency: '某测评机构' });
      opinionPdf = await samplePdf('Expert review opinion: level 3 agreed');
      const attach = async (query: string, type: string, body: Buffer) => {
        const res = await owner.inject({
          method: 'POST',
          url: sys(`/attachments?${query}`),
          headers: { 'content-type': type },
          payload: body,
        });
        assert.equal(res.statusCode, 201, res.body);
      };
      await attach(
        `recordKind=review&recordId=${reviewed.reviews[0]!.id}&fileName=${encodeURIComponent('专家评审意见.pdf')}`,
        'application/pdf',
        opinionPdf,
      );
      await attach(
        `recordKind=filing&recordId=${filed.filings[0]!.id}&fileName=${encodeURIComponent('备案证明.pdf')}`,
        'application/pdf',
        await samplePdf('Filing certificate 11010143001-26001'),
      );
      // Two files of the same name and purpose: both kept, the second renamed in the zip.
      await attach('recordKind=system&fileName=topology.png', 'image/png', topologyPng);
      await attach('recordKind=system&fileName=topology.png', 'image/png', samplePng(20, 20));
    });
    after(async () => {
      await h?.close();
    });

    it('holds the documents, the scans and a manifest whose digests match', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({ url: sys('/dossier.zip?lang=zh&asOf=2026-03-02') });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/zip');
      assert.match(
        String(res.headers['content-disposition']),
        new RegExp(`filename\\*=UTF-8''.*${encodeURIComponent('备案材料包')}\\.zip`),
      );
      const files = unzipSync(new Uint8Array(res.rawPayload));
      const manifest = checkManifest(files);
      assert.equal(manifest.system.name, '医院信息系统（HIS）');
      assert.equal(manifest.assessment?.title, '2026年度等级测评');

      const documents = manifest.files.filter((f) => f.source === 'document');
      assert.deepEqual(
        documents.map((f) => `${f.what.zh}.${f.path.split('.').pop()}`),
        [
          '备案表.docx',
          '备案表.pdf',
          '定级报告.docx',
          '定级报告.pdf',
          '等级测评报告.docx',
          '等级测评报告.pdf',
          '整改方案.docx',
          '整改方案.pdf',
        ],
      );
      const filingPdf = documents.find((f) => f.what.zh === '备案表' && f.path.endsWith('.pdf'))!;
      assert.match(pdfText(files[filingPdf.path]!, filingPdf.path), /备案表/);
      const gradingDocx = documents.find(
        (f) => f.what.zh === '定级报告' && f.path.endsWith('.docx'),
      )!;
      const docx = unzipSync(files[gradingDocx.path]!);
      assert.match(strFromU8(docx['word/document.xml']!), /医院信息系统/);
      assert.equal(documents.find((f) => f.what.zh === '等级测评报告')?.record?.kind, 'assessment');

      const scans = manifest.files.filter((f) => f.source === 'attachment');
      assert.deepEqual(scans.map((f) => f.path).sort(), [
        'attachments/expert_review_opinion/专家评审意见.pdf',
        'attachments/filing_certificate/备案证明.pdf',
        'attachments/topology/topology (2).png',
        'attachments/topology/topology.png',
      ]);
      const opinion = scans.find((f) => f.path.includes('专家评审意见'))!;
      assert.ok(Buffer.from(files[opinion.path]!).equals(opinionPdf), 'the scan byte for byte');
      assert.equal(opinion.record?.kind, 'review');
      assert.match(opinion.record!.label, /专家评审 2026-01-12 省卫生健康委专家组/);
      const cert = scans.find((f) => f.path.includes('备案证明'))!;
      assert.match(cert.record!.label, /11010143001-26001/);
      assert.equal(cert.what.zh, '备案证明');
      assert.match(pdfText(files[cert.path]!, 'cert.pdf'), /Filing certificate/);
      const text = strFromU8(files['manifest.txt']!);
      assert.match(text, /备案材料包清单/);
      assert.match(text, /SM3/);
    });

    it('names the documents in English with lang=en', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({ url: sys('/dossier.zip?lang=en&asOf=2026-03-02') });
      assert.equal(res.statusCode, 200, res.body);
      const files = unzipSync(new Uint8Array(res.rawPayload));
      const manifest = checkManifest(files);
      assert.equal(manifest.lang, 'en');
      const review = manifest.files.find((f) => f.record?.kind === 'review')!;
      assert.match(review.record!.label, /^Expert review 2026-01-12/);
    });

    it('refuses (413) a dossier above the limit before building it', async (t) => {
      if (!h) return t.skip('database unavailable');
      await assert.rejects(
        buildDossier(h!.ctx, orgId, systemId, 'zh', '2026-03-02', 1024),
        (e: { status?: number; message?: string }) =>
          e.status === 413 && /more than the 0 MB limit|limit/.test(e.message ?? ''),
      );
    });
  });
}

describe('dengbao attachments and dengbao dossier (CLI)', () => {
  const cli = sourceCli('dossier');
  it('attaches, lists and gets a diagram, writes the dossier with it and its manifest', () => {
    const orgId = hospitalWithHis(cli, '2026-01-05');
    const his = '医院信息系统（HIS）';
    const png = path.join(cli.dataDir, '网络拓扑图.png');
    const diagram = samplePng(200, 120);
    writeFileSync(png, diagram);
    const added = cli.run([
      'attachments',
      'add',
      his,
      png,
      '--org',
      orgId,
      '--purpose',
      'topology',
    ]);
    assert.equal(added.code, 0, added.err);
    const id = added.out.trim().split(/\s+/)[0]!;
    assert.match(added.out, new RegExp(`SM3 ${sm3(diagram)}`));
    const listed = cli.run(['attachments', 'list', his, '--org', orgId, '--json']);
    assert.equal(listed.code, 0, listed.err);
    assert.equal(JSON.parse(listed.out).items[0].fileName, '网络拓扑图.png');
    const copy = path.join(cli.dataDir, 'copy.png');
    const got = cli.run(['attachments', 'get', his, id, '--org', orgId, '--out', copy]);
    assert.equal(got.code, 0, got.err);
    assert.ok(readFileSync(copy).equals(diagram));
    const out = path.join(cli.dataDir, 'his.zip');
    const res = cli.run(['dossier', his, '--org', orgId, '--out', out, '--as-of', '2026-03-02']);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /wrote .*his\.zip/);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const manifest = checkManifest(files);
    assert.equal(manifest.assessment, null, 'no assessment: only the system documents');
    assert.equal(manifest.files.length, 5);
    assert.ok(Buffer.from(files['attachments/topology/网络拓扑图.png']!).equals(diagram));

    const removed = cli.run(['attachments', 'remove', his, id, '--org', orgId]);
    assert.equal(removed.code, 0, removed.err);
    const unknown = cli.run(['dossier', '没有这个系统', '--org', orgId]);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.err, /没有这个系统/);
  });
});
