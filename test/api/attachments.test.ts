import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { attachmentContent, systemTopologyImage } from '../../src/app/attachments/queries';
import { createFieldCipher } from '../../src/security/field-crypto';
import { createKeyring } from '../../src/security/keyring';
import { reencryptAll } from '../../src/store/reencrypt';
import type { RecordAttachmentDto, SystemDetailDto } from '../../src/shared/api-types';
import { TEST_DIALECTS } from '../support';
import { samplePdf, samplePng } from './attachment-samples';
import { startHarness, type Client, type Harness } from './harness';

const sm3 = (data: Buffer) => createHash('sm3').update(data).digest('hex');

/**
 * Scans on a hospital system's records through the API: the expert review opinion (PDF) on the
 * review, the filing certificate on the filing, the topology diagram (PNG) on the system; wrong
 * types and oversized files refused with nothing stored; stored encrypted, digests that match,
 * downloads byte for byte, audit entries without the content, and who may do what.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`record attachments API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let viewer: Client;
    let assessor: Client;
    let orgId: string;
    let systemId: string;
    let otherSystemId: string;
    let reviewId: string;
    let filingId: string;
    let eventId: string;
    let opinionPdf: Buffer;
    const topologyPng = samplePng(120, 80);

    const url = (path: string) => `/api/organisations/${orgId}${path}`;
    const sys = (path = '', id = systemId) => url(`/systems/${id}${path}`);
    const upload = (
      who: Client,
      query: string,
      contentType: string,
      payload: Buffer,
      id = systemId,
    ) =>
      who.inject({
        method: 'POST',
        url: sys(`/attachments?${query}`, id),
        headers: { 'content-type': contentType },
        payload,
      });
    const count = async () =>
      Number(
        (
          await h!.store.db
            .selectFrom('record_attachments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const detail = async () => (await owner.inject({ url: sys() })).json() as SystemDetailDto;

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
      const newSystem = async (name: string) =>
        (
          await owner.inject({
            method: 'POST',
            url: url('/systems'),
            payload: { name, types: ['ordinary_system'], goLiveOn: '2024-06-01' },
          })
        ).json() as { id: string; version: number };
      const his = await newSystem('医院信息系统（HIS）');
      systemId = his.id;
      otherSystemId = (await newSystem('互联网医院平台')).id;
      const graded = await owner.inject({
        method: 'POST',
        url: sys('/gradings'),
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '三级甲等医院核心业务系统',
          version: his.version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const record = async (suffix: string, payload: object) => {
        const res = await owner.inject({ method: 'POST', url: sys(`/${suffix}`), payload });
        assert.equal(res.statusCode, 201, res.body);
        const d = res.json() as SystemDetailDto;
        return (suffix === 'reviews' ? d.reviews : suffix === 'filings' ? d.filings : d.events).at(
          -1,
        )!.id;
      };
      reviewId = await record('reviews', {
        kind: 'expert_review',
        reviewedOn: '2026-01-12',
        reviewer: '省卫生健康委专家组',
        opinion: '同意定为第三级',
        agreedLevel: 3,
      });
      filingId = await record('filings', {
        filedOn: '2026-01-20',
        bureau: '某市公安局网安支队',
        certificateNumber: '11010143001-26001',
        level: 3,
      });
      eventId = await record('events', {
        kind: 'mlps_assessment',
        completedOn: '2026-02-28',
        agency: '某测评机构',
        reportNumber: 'DJCP-2026-0001',
      });
      viewer = await h.user('zhao.lei');
      assessor = await h.user('liu.yang');
      for (const [username, role] of [
        ['zhao.lei', 'viewer'],
        ['liu.yang', 'assessor'],
      ] as const) {
        const res = await owner.inject({
          method: 'POST',
          url: url('/members'),
          payload: { username, role },
        });
        assert.ok(res.statusCode < 300, res.body);
      }
      const assign = await owner.inject({
        method: 'PUT',
        url: url(`/members/${assessor.userId}/systems/${systemId}`),
      });
      assert.ok(assign.statusCode < 300, assign.body);
      opinionPdf = await samplePdf('Expert review opinion: level 3 agreed');
    });
    after(async () => {
      await h?.close();
    });

    let opinion: RecordAttachmentDto;
    let topology: RecordAttachmentDto;

    it('attaches a PDF scan to the review and a PNG diagram to the system, listed on the detail', async (t) => {
      if (!h) return t.skip('database unavailable');
      const up = await upload(
        owner,
        `recordKind=review&recordId=${reviewId}&fileName=${encodeURIComponent('专家评审意见.pdf')}`,
        'application/pdf',
        opinionPdf,
      );
      assert.equal(up.statusCode, 201, up.body);
      opinion = up.json();
      // The purpose follows the review's kind when not given.
      assert.equal(opinion.purpose, 'expert_review_opinion');
      assert.equal(opinion.recordKind, 'review');
      assert.equal(opinion.recordId, reviewId);
      assert.equal(opinion.fileName, '专家评审意见.pdf');
      assert.equal(opinion.size, opinionPdf.length);
      assert.equal(opinion.sm3, sm3(opinionPdf));
      assert.equal(opinion.createdBy, 'wang.fang');

      const png = await upload(
        owner,
        'recordKind=system&purpose=topology&fileName=topology.png',
        'image/png',
        topologyPng,
      );
      assert.equal(png.statusCode, 201, png.body);
      topology = png.json();
      assert.equal(topology.recordId, systemId);
      assert.equal(topology.sm3, sm3(topologyPng));

      // A browser without a type for the file: inferred from the name, the content still checked.
      const cert = await upload(
        owner,
        `recordKind=filing&recordId=${filingId}&fileName=beian.pdf`,
        'application/octet-stream',
        await samplePdf('Filing certificate'),
      );
      assert.equal(cert.statusCode, 201, cert.body);
      assert.equal(cert.json().purpose, 'filing_certificate');
      assert.equal(cert.json().mediaType, 'application/pdf');

      const d = await detail();
      // (Uploaded at the same instant of the test clock: compared as a set.)
      assert.deepEqual(d.attachments.map((a) => [a.recordKind, a.purpose, a.fileName]).sort(), [
        ['filing', 'filing_certificate', 'beian.pdf'],
        ['review', 'expert_review_opinion', '专家评审意见.pdf'],
        ['system', 'topology', 'topology.png'],
      ]);
    });

    it('downloads the same bytes with the file name and SM3; the database column is not the plaintext', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const [a, bytes] of [
        [opinion, opinionPdf],
        [topology, topologyPng],
      ] as const) {
        const down = await viewer.inject({ url: sys(`/attachments/${a.id}`) });
        assert.equal(down.statusCode, 200, down.body);
        assert.ok(down.rawPayload.equals(bytes), `${a.fileName}: same bytes`);
        assert.equal(down.headers['content-type'], a.mediaType);
        assert.equal(down.headers['x-content-sm3'], sm3(bytes));
        assert.match(
          String(down.headers['content-disposition']),
          new RegExp(`filename\\*=UTF-8''${encodeURIComponent(a.fileName).replace(/[()]/g, '.')}`),
        );
      }
      const stored = await h!.store.db
        .selectFrom('record_attachments')
        .selectAll()
        .where('id', '=', opinion.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.sm3, sm3(opinionPdf));
      assert.ok(!stored.content_enc.includes('%PDF'), 'not the PDF in clear');
      assert.ok(
        !stored.content_enc.includes(opinionPdf.toString('base64').slice(0, 40)),
        'not the base64 of the PDF either',
      );
      // The helper the 定级报告 embeds the diagram through decrypts and checks the digest.
      const content = await attachmentContent(h!.ctx, orgId, topology.id);
      assert.ok(content.data.equals(topologyPng));
      assert.equal(content.mediaType, 'image/png');
      const diagram = await systemTopologyImage(h!.ctx, orgId, systemId);
      assert.ok(diagram?.data.equals(topologyPng), 'the topology image for the 定级报告');
      assert.equal(await systemTopologyImage(h!.ctx, orgId, otherSystemId), null);
    });

    it('refuses a wrong type, a renamed file, a mismatched record and an oversized file; nothing stored', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = await count();
      const exe = await upload(
        owner,
        `recordKind=review&recordId=${reviewId}&fileName=setup.exe`,
        'application/x-msdownload',
        Buffer.from('MZ\x90\x00'),
      );
      assert.equal(exe.statusCode, 400, exe.body);
      assert.equal(exe.json().code, 'VALIDATION_FAILED');
      assert.ok(
        exe
          .json()
          .details.some(
            (d: { path: string; message: string; messageZh: string }) =>
              d.path === 'content-type' &&
              /PDF, JPEG or PNG/.test(d.message) &&
              /PDF、JPEG 或 PNG/.test(d.messageZh),
          ),
        exe.body,
      );

      const fake = await upload(
        owner,
        `recordKind=filing&recordId=${filingId}&fileName=cert.pdf`,
        'application/pdf',
        Buffer.from('<html>not a pdf</html>'),
      );
      assert.equal(fake.statusCode, 400, fake.body);
      assert.match(fake.body, /first bytes do not match/);

      const wrongRecord = await upload(
        owner,
        `recordKind=filing&recordId=${reviewId}&fileName=cert.pdf`,
        'application/pdf',
        opinionPdf,
      );
      assert.equal(wrongRecord.statusCode, 400, wrongRecord.body);
      assert.ok(wrongRecord.json().details.some((d: { path: string }) => d.path === 'recordId'));

      const otherSystemsReview = await upload(
        owner,
        `recordKind=review&recordId=${reviewId}&fileName=x.pdf`,
        'application/pdf',
        opinionPdf,
        otherSystemId,
      );
      assert.equal(otherSystemsReview.statusCode, 400, otherSystemsReview.body);

      const wrongPurpose = await upload(
        owner,
        `recordKind=event&recordId=${eventId}&purpose=filing_certificate&fileName=r.pdf`,
        'application/pdf',
        opinionPdf,
      );
      assert.equal(wrongPurpose.statusCode, 400, wrongPurpose.body);
      assert.ok(
        wrongPurpose
          .json()
          .details.some(
            (d: { path: string; messageZh: string }) =>
              d.path === 'purpose' && d.messageZh.includes('备案证明不能附在测评记录上'),
          ),
        wrongPurpose.body,
      );

      // 10 MB + 1 byte of a real PNG header: refused with 413 and the limit in words.
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
      topologyPng.copy(big, 0, 0, 8);
      const tooBig = await upload(owner, 'recordKind=system&fileName=big.png', 'image/png', big);
      assert.equal(tooBig.statusCode, 413, tooBig.body);
      assert.equal(tooBig.json().code, 'VALIDATION_FAILED');
      assert.match(tooBig.json().details[0].message, /larger than 10 MB/);
      assert.match(tooBig.json().details[0].messageZh, /文件超过 10 MB/);

      const empty = await upload(
        owner,
        'recordKind=system&fileName=a.png',
        'image/png',
        Buffer.alloc(0),
      );
      assert.equal(empty.statusCode, 400, empty.body);

      assert.equal(await count(), before, 'nothing stored');
    });

    it('audits additions and removals without the content; a removed attachment is gone', async (t) => {
      if (!h) return t.skip('database unavailable');
      const extra = await upload(
        owner,
        `recordKind=event&recordId=${eventId}&fileName=report.jpg`,
        'image/jpeg',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      );
      assert.equal(extra.statusCode, 201, extra.body);
      assert.equal(extra.json().purpose, 'assessment_report');
      const removed = await owner.inject({
        method: 'DELETE',
        url: sys(`/attachments/${extra.json().id}`),
      });
      assert.equal(removed.statusCode, 204, removed.body);
      const gone = await owner.inject({ url: sys(`/attachments/${extra.json().id}`) });
      assert.equal(gone.statusCode, 404);
      const entries = await h!.store.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('entity_type', '=', 'record_attachment')
        .execute();
      const actions = entries.map((e) => e.action);
      assert.ok(actions.includes('attachment.add'));
      assert.ok(actions.includes('attachment.delete'));
      for (const e of entries) {
        const text = JSON.stringify(e);
        assert.ok(!text.includes('content_enc'), 'no encrypted content in the audit');
        assert.ok(!text.includes(opinionPdf.toString('base64').slice(0, 40)), 'no content');
      }
      const deletion = entries.find((e) => e.action === 'attachment.delete')!;
      assert.match(JSON.stringify(deletion), /report\.jpg/);
    });

    it('viewers read; viewers and assessors cannot attach; assessors see assigned systems only', async (t) => {
      if (!h) return t.skip('database unavailable');
      const list = await viewer.inject({ url: sys('/attachments') });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().total, 3);
      for (const who of [viewer, assessor]) {
        const res = await upload(who, 'recordKind=system&fileName=t.png', 'image/png', topologyPng);
        assert.equal(res.statusCode, 403, res.body);
        const del = await who.inject({ method: 'DELETE', url: sys(`/attachments/${topology.id}`) });
        assert.equal(del.statusCode, 403, del.body);
      }
      const assigned = await assessor.inject({ url: sys(`/attachments/${opinion.id}`) });
      assert.equal(assigned.statusCode, 200);
      const other = await owner.inject({ url: sys('', otherSystemId) });
      assert.equal(other.statusCode, 200);
      const hidden = await assessor.inject({ url: sys('/attachments', otherSystemId) });
      assert.equal(hidden.statusCode, 404);
      // An attachment id under another system is not found.
      const crossed = await owner.inject({ url: sys(`/attachments/${opinion.id}`, otherSystemId) });
      assert.equal(crossed.statusCode, 404);
    });

    it('binds the content as re-encryption expects: rotating the key rewrites it without failure', async (t) => {
      if (!h) return t.skip('database unavailable');
      const next = createFieldCipher(
        createKeyring(
          { test1: '00112233445566778899aabbccddeeff', next: 'ab'.repeat(16) },
          'next',
          'test',
        ),
      );
      const result = await reencryptAll(h!.store.db, next);
      const column = result.columns.find(
        (c) => c.table === 'record_attachments' && c.column === 'content_enc',
      );
      assert.ok(column && column.rotated >= 3, 'the attachments were re-encrypted');
      assert.deepEqual(column.failures, []);
      // Readable under the new key, still matching its digest.
      const content = await attachmentContent({ ...h!.ctx, cipher: next }, orgId, opinion.id);
      assert.ok(content.data.equals(opinionPdf));
    });

    it("refuses (413) an upload that would take a system's attachments above 150 MB", async (t) => {
      if (!h) return t.skip('database unavailable');
      const full = (
        await owner.inject({
          method: 'POST',
          url: url('/systems'),
          payload: { name: '影像归档系统（PACS）', types: ['ordinary_system'] },
        })
      ).json().id as string;
      // A stored row that claims 150 MB less 100 bytes (only its size column matters here).
      await h!.store.db
        .insertInto('record_attachments')
        .values({
          id: '00000000-0000-4000-8000-000000000150',
          organisation_id: orgId,
          system_id: full,
          record_kind: 'system',
          record_id: full,
          purpose: 'other',
          file_name: 'placeholder.pdf',
          media_type: 'application/pdf',
          size: 150 * 1024 * 1024 - 100,
          sm3: '0'.repeat(64),
          content_enc: 'placeholder',
          created_at: '2026-03-02T01:00:00.000Z',
          created_by: 'test',
        })
        .execute();
      const res = await upload(
        owner,
        'recordKind=system&fileName=t.png',
        'image/png',
        topologyPng,
        full,
      );
      assert.equal(res.statusCode, 413, res.body);
      assert.match(res.json().details[0].messageZh, /合计最多 150 MB/);
      const del = await owner.inject({ method: 'DELETE', url: sys('', full) });
      assert.equal(del.statusCode, 204, del.body);
    });

    it('deleting the system deletes its attachments', async (t) => {
      if (!h) return t.skip('database unavailable');
      const temp = (
        await owner.inject({
          method: 'POST',
          url: url('/systems'),
          payload: { name: '临时系统', types: ['ordinary_system'] },
        })
      ).json().id as string;
      const up = await upload(
        owner,
        'recordKind=system&fileName=t.png',
        'image/png',
        topologyPng,
        temp,
      );
      assert.equal(up.statusCode, 201, up.body);
      const del = await owner.inject({ method: 'DELETE', url: sys('', temp) });
      assert.equal(del.statusCode, 204, del.body);
      const left = await h!.store.db
        .selectFrom('record_attachments')
        .select('id')
        .where('system_id', '=', temp)
        .execute();
      assert.deepEqual(left, []);
    });
  });
}
