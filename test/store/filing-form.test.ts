import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { updateAssessmentCommand } from '../../src/app/assessment/commands';
import {
  assessmentSummaryQuery,
  scoreQuery,
  workbookQuery,
} from '../../src/app/assessment/queries';
import { addAttachmentCommand } from '../../src/app/attachments/commands';
import type { AppContext } from '../../src/app/context';
import { updateOrganisationCommand } from '../../src/app/organisations/commands';
import { buildReport, renderReport } from '../../src/app/reports';
import {
  addRecordCommand,
  createSystemCommand,
  recordGradingCommand,
  updateSystemCommand,
} from '../../src/app/systems/commands';
import type {
  OrganisationFilingProfile,
  SystemFilingProfile,
} from '../../src/shared/filing-profile';
import type { Store } from '../../src/store/database';
import { getOrganisation } from '../../src/store/repositories/organisations.repository';
import { getSystem } from '../../src/store/repositories/systems.repository';
import { samplePdf, samplePng } from '../api/attachment-samples';
import {
  createHospitalAssessment,
  recordSomeResults,
  type AssessmentFixture,
} from '../fixtures/assessment-fixture';
import { openTestStore, testContext, TEST_DIALECTS } from '../support';

/**
 * The filing form as the hospital hands it in: organisation and HIS profiles, review, approval
 * and filing records, scans and a completed assessment, all written through the application
 * commands; the form built through buildReport, rendered to PDF and Word and read back
 * (pdftotext, the docx XML). A fully filled hospital's form has no （待填写）.
 */
const ORGANISATION_PROFILE: OrganisationFilingProfile = {
  province: '浙江省',
  city: '杭州市',
  county: '上城区',
  address: '解放路 100 号',
  postalCode: '310009',
  divisionCode: '330100',
  head: {
    name: '陈院长',
    title: '副院长',
    officePhone: '0571-87000001',
    email: 'chen@hospital.example.cn',
  },
  responsibleDepartment: '信息中心',
  departmentContact: {
    name: '王信息',
    title: '信息中心主任',
    officePhone: '0571-87000002',
    mobilePhone: '13900000000',
    email: 'wang@hospital.example.cn',
  },
  affiliation: '3',
  organisationType: '3',
  sectorCode: '45',
  dataCategories: [
    {
      name: '电子病历',
      volume: '约 120 万份',
      individuals: 850000,
      importance: 'important',
      location: '本院数据中心（杭州）',
      crossBorder: false,
      crossBorderDestinations: [],
      systems: ['医院信息系统（HIS）'],
    },
  ],
  protectionWorkPlan: {
    year: 2026,
    assets: '互联网暴露面：门户网站、互联网医院；核心机房一处',
    existingMeasures: '边界防火墙、入侵防御、数据库审计、堡垒机',
    rootCauses: '数据库服务器仅口令鉴别，原因是历史系统改造滞后',
    approach: '统一经堡垒机运维，启用双因素鉴别',
    plan: '2026年第三季度完成，信息中心负责',
  },
};

const HIS_PROFILE: SystemFilingProfile = {
  objectNumber: 'ZJ-YY-001',
  businessTypes: ['4', '5'],
  serviceScope: '21',
  serviceScopeCount: 3,
  serviceTargets: '3',
  coverage: '1',
  networkNature: '1',
  interconnections: ['3'],
  keyProducts: [
    { type: '5', count: 24, domesticUse: 'partial', domesticRate: 60 },
    { type: '4', count: 2, domesticUse: 'none' },
  ],
  services: [
    { type: '1', provider: 'domestic' },
    { type: '4', provider: 'in_house' },
  ],
  isSubsystem: false,
  formFilledBy: '王信息',
};

const AS_OF = '2026-05-06';

for (const dialect of TEST_DIALECTS) {
  describe(`the filing form from the ${dialect} store`, () => {
    let store: Store | null;
    let ctx: AppContext;
    let fixture: AssessmentFixture;
    let otherSystemId: string;
    const topology = samplePng();
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-filing-'));

    before(async () => {
      store = await openTestStore(dialect);
      if (!store) return;
      ctx = testContext(store, AS_OF);
      fixture = await createHospitalAssessment(ctx);
      const { actor, organisationId: org, systemId, assessmentId } = fixture;
      const workbook = await workbookQuery(ctx, org, assessmentId);
      await recordSomeResults(
        ctx,
        fixture,
        workbook.rows.map((r) => ({
          requirementId: r.requirementId,
          objectId: r.objectId,
          category: r.category,
        })),
      );
      const assessment = await assessmentSummaryQuery(ctx, org, assessmentId);
      await updateAssessmentCommand(ctx, actor, org, assessmentId, {
        status: 'completed',
        version: assessment.version,
      });
      const organisation = await getOrganisation(ctx.store.db, org);
      await updateOrganisationCommand(ctx, actor, org, {
        creditCode: '12330100470116950B',
        contactName: '王信息',
        filingProfile: ORGANISATION_PROFILE,
        version: organisation.version,
      });
      const system = await getSystem(ctx.store.db, org, systemId);
      await updateSystemCommand(ctx, actor, org, systemId, {
        hasCompetentAuthority: true,
        competentAuthority: '杭州市卫生健康委员会',
        responsibleDepartment: '信息中心',
        filingProfile: HIS_PROFILE,
        version: system.version,
      });
      const review = await addRecordCommand(ctx, actor, 'review', org, systemId, {
        kind: 'expert_review',
        reviewedOn: '2025-11-20',
        reviewer: '省卫生健康委网络安全专家组',
        opinion: '同意定为第三级',
        agreedLevel: 3,
      });
      await addRecordCommand(ctx, actor, 'review', org, systemId, {
        kind: 'competent_approval',
        reviewedOn: '2025-11-28',
        reviewer: '杭州市卫生健康委员会',
        opinion: '同意',
        agreedLevel: 3,
      });
      await addRecordCommand(ctx, actor, 'filing', org, systemId, {
        filedOn: '2025-12-05',
        bureau: '杭州市公安局网络安全保卫支队',
        certificateNumber: '33010013001-25001',
        level: 3,
      });
      await addAttachmentCommand(ctx, actor, org, systemId, {
        recordKind: 'system',
        fileName: 'HIS网络拓扑图.png',
        mediaType: 'image/png',
        content: topology,
      });
      await addAttachmentCommand(ctx, actor, org, systemId, {
        recordKind: 'review',
        recordId: review.id,
        fileName: 'expert-opinion.pdf',
        mediaType: 'application/pdf',
        content: await samplePdf('Expert review opinion'),
      });
      // A second object, level 2 and without a profile: 表二 of the HIS is (1/2).
      const other = await createSystemCommand(ctx, actor, org, {
        name: '医院门户网站',
        types: ['ordinary_system'],
      });
      await recordGradingCommand(ctx, actor, org, other.id, {
        businessInformation: [{ object: 'citizen_legal_person', degree: 'serious' }],
        systemService: [{ object: 'social_order_public_interest', degree: 'general' }],
        gradedOn: '2026-01-08',
        reason: '门户网站，面向公众发布信息',
        version: other.version,
      });
      otherSystemId = other.id;
    });
    after(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const pdfText = (buffer: Buffer, name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, buffer);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    };
    /** The text of the Word document's body, headers and footers (the cover's foot line). */
    const docxText = (buffer: Buffer) => {
      const files = unzipSync(new Uint8Array(buffer));
      const parts = Object.keys(files)
        .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
        .sort();
      return parts
        .map((name) => strFromU8(files[name]!))
        .join('\n')
        .replace(/<w:br\/>/g, '\n')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
    };
    const form = async (systemId: string, lang: 'zh' | 'en') => {
      const doc = await buildReport(ctx, fixture.organisationId, 'filing', systemId, lang, AS_OF);
      return {
        pdf: pdfText(await renderReport(doc, 'pdf'), `${systemId}-${lang}.pdf`),
        docx: docxText(await renderReport(doc, 'docx')),
      };
    };

    it('the fully filled HIS: no blank, the profile, marks, records and assessment in PDF and Word', async (t) => {
      if (!store) return t.skip('database unavailable');
      const score = await scoreQuery(ctx, fixture.organisationId, fixture.assessmentId, AS_OF);
      const rate = `${score.before.value.toFixed(2)}%`;
      const sm3 = createHash('sm3').update(topology).digest('hex').slice(0, 8);
      const { pdf, docx } = await form(fixture.systemId, 'zh');
      for (const [format, text] of [
        ['pdf', pdf],
        ['docx', docx],
      ] as const) {
        const blanks = text.split('\n').filter((l) => l.includes('待填写'));
        assert.deepEqual(blanks, [], `${format}: no blank`);
        assert.ok(!text.includes('\uFFFD'), `${format}: Chinese intact`);
        // The generation (as-of) date is printed nowhere: every date is a record's.
        assert.ok(!text.includes('2026年5月6日'), `${format}: no generation date`);
      }
      // Word keeps each cell's text whole: every value, mark and date is there as written.
      const words = docx.replace(/\s+/g, '');
      for (const value of [
        // cover
        '备案表编号',
        '33010013001-25001',
        '某市第一人民医院（盖章）',
        '杭州市公安局网络安全保卫支队（盖章）',
        '中华人民共和国公安部监制',
        '填表说明',
        // 表一
        '表一单位基本情况',
        '12330100470116950B',
        '解放路100号',
        '310009',
        '330100',
        '陈院长',
        'chen@hospital.example.cn',
        '13900000000',
        '■3地（区、市、州、盟）',
        '□1中央',
        '■3事业单位',
        '■45卫生',
        '定级对象总数：2个',
        // 表二
        '表二定级对象情况（1/2）',
        'ZJ-YY-001',
        '■4内部办公',
        '■5公众服务',
        '□1生产作业',
        '■21跨地（市、区），跨3个',
        '■3两者均包括',
        '■1局域网',
        '■1业务专网',
        '■3与本单位其他系统连接',
        '07关键产品使用情况',
        '■60%',
        '08系统采用服务情况',
        '浙江省网络安全等级测评中心（示例）',
        '2019年7月1日',
        '□是■否',
        // 表三
        '表三定级结果（1/2）',
        '■第三级',
        '2025年11月10日',
        '■已评审',
        '2025年11月20日',
        '■已审批',
        '2025年11月28日',
        '杭州市卫生健康委员会',
        '《医院信息系统（HIS）定级报告》',
        '王信息',
        '2025年12月5日',
        // 表四
        '表四第三级以上定级对象提交材料情况（1/2）',
        `HIS网络拓扑图.png（SM3：${sm3}…）`,
        'expert-opinion.pdf',
        '33010099001-26001-26-0001-01',
        '2026年4月15日',
        `${score.before.conclusionZh}（符合率${rate}）`.replace(/^暂定：/, ''),
        // 数据摸底调查表, 工作方案
        '数据摸底调查表',
        '电子病历',
        '■重要',
        '本院数据中心（杭州）',
        '网络安全保护工作方案（摘要）',
        '统一经堡垒机运维，启用双因素鉴别',
      ]) {
        assert.ok(words.includes(value.replace(/\s+/g, '')), `docx: ${value}`);
      }
      // The PDF wraps long cells anywhere (pdftotext then reorders the pieces): the same marks,
      // and the values that fit one line.
      const marks = (text: string, mark: string) => [...text].filter((c) => c === mark).length;
      assert.equal(marks(pdf, '■'), marks(docx, '■'));
      assert.equal(marks(pdf, '□'), marks(docx, '□'));
      assert.ok(marks(pdf, '■') >= 30, 'the options ticked');
      const printed = pdf.replace(/\s+/g, '');
      for (const value of [
        '33010013001-25001',
        '中华人民共和国公安部监制',
        '12330100470116950B',
        '310009',
        '330100',
        'chen@hospital.example.cn',
        '13900000000',
        '■45卫生',
        '表二定级对象情况（1/2）',
        'ZJ-YY-001',
        '浙江省网络安全等级测评中心（示例）',
        '表三定级结果（1/2）',
        '2025年11月10日',
        '2025年12月5日',
        '表四第三级以上定级对象提交材料情况（1/2）',
        'expert-opinion.pdf',
        '电子病历',
      ]) {
        assert.ok(printed.includes(value), `pdf: ${value}`);
      }
    });

    it('the English form is as complete', async (t) => {
      if (!store) return t.skip('database unavailable');
      const { pdf, docx } = await form(fixture.systemId, 'en');
      for (const text of [pdf, docx]) {
        assert.ok(!text.includes('(to be filled in)'));
        const flat = text.replace(/\s+/g, '');
        for (const value of ['Sheet2Gradingobject(1/2)', '■45Health', 'ZJ-YY-001', '2025-12-05']) {
          assert.ok(flat.includes(value), value);
        }
      }
    });

    it('the level-2 website without a profile: blanks where its data is missing, no 表四', async (t) => {
      if (!store) return t.skip('database unavailable');
      const { pdf } = await form(otherSystemId, 'zh');
      const flat = pdf.replace(/\s+/g, '');
      assert.ok(flat.includes('表二定级对象情况（2/2）'));
      assert.ok(flat.includes('定级对象编号（待填写）'));
      assert.ok(flat.includes('不填写表四'));
      assert.ok(flat.includes('尚未开展等级测评'));
      // Not filed: the bureau's parts of the cover are left to it, 填表日期 is the as-of date.
      assert.ok(flat.includes('□□□□□□-□□□□□'));
      assert.ok(flat.includes('受理备案单位（盖章）'));
      assert.ok(flat.includes('2026年5月6日'));
      // The organisation's 表一 is filled all the same.
      assert.ok(flat.includes('■45卫生'));
    });

    // Last: it adds a record the tests above do not expect.
    it('an assessment recorded later than dengbao’s is the one the form reports', async (t) => {
      if (!store) return t.skip('database unavailable');
      const { actor, organisationId: org, systemId } = fixture;
      await addRecordCommand(ctx, actor, 'event', org, systemId, {
        kind: 'mlps_assessment',
        completedOn: '2026-04-30',
        agency: '杭州某测评有限公司',
        reportNumber: 'DJCP-2026-0430',
      });
      const { docx } = await form(systemId, 'zh');
      const words = docx.replace(/\s+/g, '');
      assert.ok(words.includes('09等级测评单位名称杭州某测评有限公司'));
      assert.ok(
        words.includes('（报告编号DJCP-2026-0430，杭州某测评有限公司，2026年4月30日）'),
        'the event has no conclusion of ours',
      );
      assert.ok(!words.includes('浙江省网络安全等级测评中心（示例）'));
    });
  });
}
