/**
 * The 定级报告's words, end to end: a hospital records a grading with its narrative (descriptions,
 * boundary, one argument per harmed object and degree, the sector guide's answer), bad narratives
 * are refused with the path of what is missing, the sector guidance warns that a core system of
 * a tertiary hospital graded level 2 is below the recommended level 3, and the Word file (its
 * word/document.xml and embedded picture) and the PDF (pdftotext) carry all of it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { SystemDetailDto } from '../../src/shared/api-types';
import { TEST_DIALECTS } from '../support';
import { samplePng } from './attachment-samples';
import { startHarness, type Client, type Harness } from './harness';

const BUSINESS = '门诊挂号、收费、医嘱、药品与住院管理数据，约 120 万名患者的诊疗与费用信息。';
const SERVICE = '面向全院临床与医技科室提供 7×24 小时服务，中断将导致门诊与住院业务停摆。';
const BOUNDARY =
  '部署于院内数据中心核心业务区，经防火墙与互联网医院前置区隔离。\n与医保平台经专线互联。';
const ARGUE_BI = '泄露大量患者诊疗信息将严重影响区域医疗秩序，造成社会秩序和公共利益的严重损害。';
const ARGUE_SS = '服务中断使患者无法就诊缴费，严重损害患者合法权益。';
const HOSPITAL_GUIDE = 'health-tertiary-hospital-core';

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

for (const dialect of TEST_DIALECTS) {
  describe(`grading narrative and sector guidance on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let systemId: string;
    let dir: string;
    const skip = () => h === null;
    const url = (p: string) => `/api/organisations/${orgId}${p}`;

    const judgements = {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'general' }],
      systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
    };
    const narrative = (over: Record<string, unknown> = {}) => ({
      businessDescription: BUSINESS,
      serviceDescription: SERVICE,
      boundaryDescription: BOUNDARY,
      harmArguments: [
        {
          dimension: 'businessInformation',
          object: 'social_order_public_interest',
          degree: 'general',
          argument: ARGUE_BI,
        },
        {
          dimension: 'systemService',
          object: 'citizen_legal_person',
          degree: 'serious',
          argument: ARGUE_SS,
        },
      ],
      sectorGuidance: [{ guideId: HOSPITAL_GUIDE, applies: true }],
      ...over,
    });
    const detail = async () =>
      (await owner.inject({ url: url(`/systems/${systemId}`) })).json() as SystemDetailDto;
    const grade = async (body: Record<string, unknown>) =>
      owner.inject({
        method: 'POST',
        url: url(`/systems/${systemId}/gradings`),
        payload: {
          ...judgements,
          gradedOn: '2026-02-10',
          reason: '首次定级',
          version: (await detail()).system.version,
          ...body,
        },
      });
    const refusedAt = async (body: Record<string, unknown>) => {
      const res = await grade(body);
      assert.equal(res.statusCode, 400, res.body);
      return (res.json() as { details: { path: string; message: string }[] }).details;
    };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      dir = mkdtempSync(path.join(tmpdir(), 'dengbao-grading-narrative-'));
      owner = await h.user('zhou.min', { admin: true });
      const org = await owner.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某市第一人民医院', region: '浙江省杭州市', sector: '卫生健康' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
      const sys = await owner.inject({
        method: 'POST',
        url: url('/systems'),
        payload: {
          name: '医院信息系统（HIS）',
          types: ['ordinary_system'],
          description: '全院核心业务系统',
        },
      });
      assert.equal(sys.statusCode, 201, sys.body);
      systemId = sys.json().id;
    });
    after(async () => {
      await h?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it(
      'asks the health guides of the organisation sector before any grading',
      { skip: skip() },
      async () => {
        const d = await detail();
        assert.equal(d.sectorGuidance?.matchedBy, 'name', 'found by the free-text sector 卫生健康');
        const g = d.sectorGuidance?.guides.find((x) => x.guide.id === HOSPITAL_GUIDE);
        assert.ok(g);
        assert.equal(g.applies, null);
        assert.equal(g.guide.recommendedMinimum, 3);
        assert.match(g.guide.questionZh, /三级甲等医院的核心业务信息系统/);
        assert.match(g.guide.sources[0]!.labelZh, /卫办发〔2011〕85号/);
        assert.equal(d.sectorGuidance?.recommendedMinimum, null);
      },
    );

    it(
      "picks the guides by the 行业类别 code of the organisation's filing profile",
      { skip: skip() },
      async () => {
        const guidesOf = async (sectorCode: string) => {
          const org = await owner.inject({
            method: 'POST',
            url: '/api/organisations',
            payload: { name: `行业${sectorCode}单位`, filingProfile: { sectorCode } },
          });
          assert.equal(org.statusCode, 201, org.body);
          const id = org.json().id as string;
          const sys = await owner.inject({
            method: 'POST',
            url: `/api/organisations/${id}/systems`,
            payload: { name: '核心业务系统', types: ['ordinary_system'] },
          });
          assert.equal(sys.statusCode, 201, sys.body);
          const d = (
            await owner.inject({ url: `/api/organisations/${id}/systems/${sys.json().id}` })
          ).json() as SystemDetailDto;
          return d.sectorGuidance;
        };
        const health = await guidesOf('45');
        assert.equal(health?.matchedBy, 'code');
        assert.ok(health?.guides.some((g) => g.guide.id === HOSPITAL_GUIDE));
        const bank = await guidesOf('22');
        assert.equal(bank?.matchedBy, 'code');
        assert.deepEqual(bank?.guides, [], 'no banking guide is encoded');
      },
    );

    it(
      'refuses a narrative that leaves a judgement unargued, naming the path',
      { skip: skip() },
      async () => {
        const one = narrative();
        const missing = await refusedAt({
          narrative: { ...one, harmArguments: [one.harmArguments[0]] },
        });
        assert.ok(
          missing.some(
            (d) =>
              d.path === 'narrative.harmArguments' &&
              /systemService citizen_legal_person/.test(d.message),
          ),
          JSON.stringify(missing),
        );
        const empty = await refusedAt({
          narrative: {
            ...one,
            harmArguments: [one.harmArguments[0], { ...one.harmArguments[1], argument: '  ' }],
          },
        });
        assert.ok(
          empty.some((d) => d.path === 'narrative.harmArguments[1].argument'),
          JSON.stringify(empty),
        );
        const wrongDegree = await refusedAt({
          narrative: {
            ...one,
            harmArguments: [{ ...one.harmArguments[0], degree: 'serious' }, one.harmArguments[1]],
          },
        });
        assert.ok(wrongDegree.some((d) => d.path === 'narrative.harmArguments[0].degree'));
        const unknownGuide = await refusedAt({
          narrative: narrative({ sectorGuidance: [{ guideId: 'no-such-guide', applies: true }] }),
        });
        assert.ok(unknownGuide.some((d) => d.path === 'narrative.sectorGuidance[0].guideId'));
        const tooLong = await refusedAt({
          narrative: narrative({ businessDescription: '长'.repeat(8001) }),
        });
        assert.ok(tooLong.some((d) => d.path === 'narrative.businessDescription'));
        assert.equal((await detail()).grading, null, 'nothing was recorded');
      },
    );

    it(
      'records the narrative and warns that level 2 is below the hospital guide',
      { skip: skip() },
      async () => {
        const res = await grade({ narrative: narrative() });
        assert.equal(res.statusCode, 201, res.body);
        const d = res.json() as SystemDetailDto;
        assert.equal(d.grading?.level, 2);
        assert.equal(d.grading?.narrative?.businessDescription, BUSINESS);
        assert.equal(d.grading?.narrative?.harmArguments[1]?.argument, ARGUE_SS);
        assert.equal(d.sectorGuidance?.recommendedMinimum, 3);
        assert.equal(
          d.sectorGuidance?.guides.find((g) => g.guide.id === HOSPITAL_GUIDE)?.meets,
          false,
        );
        const w = d.warnings.find((x) => x.code === 'SECTOR_GUIDANCE_BELOW_MINIMUM');
        assert.ok(w, JSON.stringify(d.warnings));
        assert.equal(w.expectedAtLeast, 3);
        assert.equal(w.provenance, 'unverified');
        assert.match(
          w.citations[0]!.labelZh,
          /卫生行业信息安全等级保护工作的指导意见.*卫办发〔2011〕85号/,
        );
        assert.match(w.citations[0]!.url ?? '', /^https:\/\/www\.gov\.cn\//);
        const audit = await h!.store.db
          .selectFrom('audit_entries')
          .select('changes')
          .where('action', '=', 'system.grade')
          .execute();
        const changes = audit.map((a) => String(a.changes)).join('\n');
        assert.match(changes, /businessInformation:social_order_public_interest:general/);
        assert.match(changes, /"sm3":"[0-9a-f]{64}"/, 'the audit keeps the digest of the words');
        assert.ok(!changes.includes(ARGUE_SS), 'but not the words themselves');
        const stored = await h!.store.db
          .selectFrom('gradings')
          .select('narrative')
          .where('system_id', '=', systemId)
          .executeTakeFirstOrThrow();
        assert.match(stored.narrative ?? '', /^sm4:/, 'SM4-encrypted at rest');
        assert.ok(!(stored.narrative ?? '').includes('门诊'));
      },
    );

    it(
      'prints descriptions, diagram, harm arguments and the guidance warning in Word and PDF',
      { skip: skip() },
      async () => {
        const png = await owner.inject({
          method: 'POST',
          url: url(
            `/systems/${systemId}/attachments?recordKind=system&purpose=topology&fileName=topology.png`,
          ),
          headers: { 'content-type': 'image/png' },
          payload: samplePng(160, 90),
        });
        assert.equal(png.statusCode, 201, png.body);

        const docx = await owner.inject({
          url: url(`/systems/${systemId}/reports/grading.docx?asOf=2026-02-11`),
        });
        assert.equal(docx.statusCode, 200, docx.body.slice(0, 300));
        const files = unzipSync(new Uint8Array(docx.rawPayload));
        const xml = unescapeXml(strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, ''));
        for (const text of [
          BUSINESS,
          SERVICE,
          '部署于院内数据中心核心业务区',
          '与医保平台经专线互联。',
          ARGUE_BI,
          ARGUE_SS,
        ]) {
          assert.ok(xml.includes(text), `Word has: ${text}`);
        }
        assert.ok(
          xml.includes('受侵害的客体侵害程度论证对应等级'),
          'the harm table has its argument column',
        );
        assert.ok(xml.includes('行业建议最低等级为第三级，本定级对象定为第二级，低于建议等级。'));
        assert.ok(xml.includes('卫办发〔2011〕85号'));
        assert.ok(xml.includes('图 1 医院信息系统（HIS）网络拓扑图'));
        assert.ok(
          Object.keys(files).some((f) => f.startsWith('word/media/')),
          'the topology diagram is embedded',
        );
        assert.ok(!xml.includes('网络拓扑图：（待上传）'));

        const pdf = await owner.inject({
          url: url(`/systems/${systemId}/reports/grading.pdf?asOf=2026-02-11`),
        });
        assert.equal(pdf.statusCode, 200);
        const file = path.join(dir, 'grading.pdf');
        writeFileSync(file, pdf.rawPayload);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
          .toString('utf8')
          .replace(/\s+/g, '');
        // Table cells wrap beside their neighbours: the arguments are checked by their first line.
        for (const t of [
          BUSINESS,
          SERVICE,
          ARGUE_BI.slice(0, 20),
          ARGUE_SS.slice(0, 20),
          '低于建议等级',
          '4.3行业定级指导',
        ]) {
          assert.ok(text.includes(t.replace(/\s+/g, '')), `PDF has: ${t}`);
        }

        const en = await owner.inject({
          url: url(`/systems/${systemId}/reports/grading.docx?lang=en`),
        });
        const enXml = unescapeXml(
          strFromU8(unzipSync(new Uint8Array(en.rawPayload))['word/document.xml']!).replace(
            /<[^>]+>/g,
            '',
          ),
        );
        assert.ok(
          enXml.includes(
            "The sector's recommended minimum is Level 3; this object is graded Level 2, below it.",
          ),
        );
        assert.ok(enXml.includes(ARGUE_BI), 'the user text prints as entered');
      },
    );
  });
}
