/**
 * 个人信息保护影响评估报告 of an approved assessment of a hospital's outpatient records, rendered
 * to Word and PDF and read back (document.xml; pdftotext): the cover, the eight chapters after
 * GB/T 39335-2020, the triggers with their citation, the sensitive categories with their Art. 28
 * class, the answers, the review and approval and the retention date. A draft carries 草稿.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { CitationDto, OrganisationDto } from '../../../shared/api-types';
import { documentText } from '../../model';
import { renderDocx } from '../../render-docx';
import { renderPdf } from '../../render-pdf';
import { buildPipiaReport, type PipiaReportInput } from './build';

const cite = (provisionId: string, labelZh: string, labelEn: string): CitationDto => ({
  instrumentId: 'pipl-2021',
  provisionId,
  labelZh,
  labelEn,
});

const organisation: OrganisationDto = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '某市第一人民医院',
  nameEn: 'First People’s Hospital',
  creditCode: null,
  region: null,
  sector: null,
  contactName: null,
  contactPhone: null,
  filingProfile: null,
  version: 1,
  createdAt: '2026-01-05T00:00:00.000Z',
  updatedAt: '2026-01-05T00:00:00.000Z',
};

const approved: PipiaReportInput = {
  organisation,
  asOf: '2026-03-10',
  assessment: {
    title: '门诊电子病历处理活动影响评估',
    status: 'approved',
    questionnaireVersion: '2026.1.0',
    overallRisk: 'medium',
    conclusion: '处理活动合法、正当、必要。\n保护措施与风险程度相适应，可以开展处理。',
    createdByName: '刘洋',
    createdAt: '2026-03-01T02:00:00.000Z',
    submittedAt: '2026-03-02T02:00:00.000Z',
    approvedByName: '黄敏',
    approvedOn: '2026-03-05',
    retainUntil: '2029-03-05',
  },
  triggers: [
    {
      code: 'sensitive',
      titleZh: '处理敏感个人信息',
      titleEn: 'Processing sensitive personal information',
      reasonZh: 'PA-001 门诊挂号与电子病历：数据类别含敏感个人信息',
      reasonEn: 'PA-001: its data categories include sensitive personal information',
      citations: [cite('art-55', '《中华人民共和国个人信息保护法》第五十五条', 'PIPL, Art. 55')],
    },
  ],
  activities: [
    {
      code: 'PA-001',
      name: '门诊挂号与电子病历',
      purpose: '提供诊疗服务',
      legalBases: ['contract_or_hr'],
      categories: [
        { code: 'name', labelZh: '姓名', labelEn: 'Name', sensitiveClass: null },
        {
          code: 'medical_record',
          labelZh: '病历',
          labelEn: 'Medical record',
          sensitiveClass: { zh: '医疗健康信息', en: 'Medical and health information' },
        },
      ],
      subjects: ['patients'],
      individuals: 120000,
      sensitiveIndividuals: 120000,
      minorsUnder14: 3000,
      retention: '病历保存不少于30年',
      deletion: '到期后安全删除',
      recipients: [
        {
          key: 'R1',
          name: '某信息技术有限公司',
          relationship: 'entrusted_processor',
          country: 'CN',
          purpose: '电子病历系统运维',
        },
      ],
      transfers: [],
      consents: [{ case: 'art29_sensitive', method: '挂号时书面单独同意' }],
      automatedDecisionMaking: false,
      publicDisclosure: false,
      faceRecognition: false,
    },
  ],
  chapters: {
    overview: [
      {
        titleZh: '评估对象与数据映射',
        titleEn: 'Scope and data mapping',
        questions: [
          {
            id: 'scope.1',
            textZh: '评估对象包括哪些处理活动？',
            textEn: 'Which activities are assessed?',
            answer: { answer: '门诊挂号与电子病历', risk: null, measure: null },
          },
        ],
      },
    ],
    lawfulness: [
      {
        titleZh: '处理目的和处理方式的合法性、正当性',
        titleEn: 'Lawfulness',
        questions: [
          {
            id: 'lawfulness.1',
            textZh: '处理目的是否明确、合理？',
            textEn: 'Is the purpose clear and reasonable?',
            answer: { answer: '为提供诊疗服务所必需', risk: 'low', measure: null },
          },
        ],
      },
    ],
    impact: [
      {
        titleZh: '对个人权益的影响',
        titleEn: 'Impact',
        questions: [
          {
            id: 'impact.1',
            textZh: '泄露对个人权益有何影响？',
            textEn: 'What is the impact of a leak?',
            answer: { answer: '可能导致歧视', risk: 'high', measure: '数据库加密与访问审计' },
          },
        ],
      },
    ],
    measures: [],
  },
  reviews: [
    {
      name: '陈静',
      decision: 'agree',
      comment: '风险评价合理',
      decidedAt: '2026-03-03T02:00:00.000Z',
    },
  ],
  cited: {
    art55: cite('art-55', '《中华人民共和国个人信息保护法》第五十五条', 'PIPL, Art. 55'),
    art56: cite('art-56', '《中华人民共和国个人信息保护法》第五十六条', 'PIPL, Art. 56'),
    standard: {
      instrumentId: 'gbt-39335-2020',
      provisionId: '5',
      labelZh: 'GB/T 39335-2020《信息安全技术 个人信息安全影响评估指南》5',
      labelEn: 'GB/T 39335-2020, 5',
    },
  },
};

const HEADINGS = [
  '1 评估概述',
  '2 个人信息处理情况',
  '3 合法性、正当性、必要性分析',
  '4 对个人权益的影响及安全风险',
  '5 保护措施的合法性、有效性及与风险程度的适应性',
  '6 评估结论',
  '7 审核与批准',
  '8 保存期限',
];

describe('PIPIA report builder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipia-report-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the eight chapters, the triggers, the sensitive classes, approval and retention', () => {
    const doc = buildPipiaReport(approved, 'zh');
    const text = documentText(doc);
    const has = (s: string) => text.some((t) => t.includes(s));
    assert.equal(doc.watermark, undefined);
    assert.equal(doc.cover.title, '个人信息保护影响评估报告');
    assert.equal(doc.cover.date, '2026年3月5日');
    assert.deepEqual(doc.cover.lines.at(-1), ['报告状态', '已批准']);
    for (const h of HEADINGS) assert.ok(text.includes(h), h);
    assert.ok(text.includes('1.4 评估对象与数据映射'));
    assert.ok(has('病历（敏感：医疗健康信息）'), '病历（敏感：医疗健康信息）');
    assert.ok(text.includes('《中华人民共和国个人信息保护法》第五十五条'));
    assert.ok(text.includes('受托处理者'));
    assert.ok(
      has('敏感个人信息（第二十九条）：挂号时书面单独同意'),
      '敏感个人信息（第二十九条）：挂号时书面单独同意',
    );
    assert.ok(text.includes('5 保护措施的合法性、有效性及与风险程度的适应性'));
    assert.ok(text.includes('本章无适用的评估问题。'));
    assert.ok(has('保存至2029年3月5日'));
    assert.ok(text.includes('黄敏'));
    assert.ok(text.includes('同意'));
  });

  it('renders Word and PDF with the same text', async () => {
    const doc = buildPipiaReport(approved, 'zh');
    const docx = await renderDocx(doc);
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!).replace(
      /<[^>]+>/g,
      '',
    );
    for (const h of HEADINGS) assert.ok(xml.includes(h), `docx: ${h}`);
    assert.ok(xml.includes('可能导致歧视'));
    assert.ok(xml.includes('数据库加密与访问审计'));
    const pdf = await renderPdf(doc);
    const file = path.join(dir, 'approved.pdf');
    writeFileSync(file, pdf);
    const read = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    for (const h of [
      '个人信息保护影响评估报告',
      '1评估概述',
      '6评估结论',
      '8保存期限',
      '门诊挂号与电子病历',
    ])
      assert.ok(read.includes(h), `pdf: ${h}`);
    assert.ok(read.includes('2029年3月5日'));
    assert.ok(!read.includes('草稿'));
  });

  it('a draft carries 草稿 (watermark, cover, chapter 1) and no approver; English labels', () => {
    const draft = buildPipiaReport(
      {
        ...approved,
        assessment: {
          ...approved.assessment,
          status: 'in_review',
          approvedByName: null,
          approvedOn: null,
          retainUntil: null,
        },
      },
      'zh',
    );
    assert.equal(draft.watermark, '草稿');
    assert.deepEqual(draft.cover.lines.at(-1), ['报告状态', '草稿（审核中）']);
    assert.equal(draft.cover.date, '2026年3月10日');
    const text = documentText(draft);
    assert.ok(text.some((t) => t.startsWith('本报告为草稿')));
    assert.ok(!text.some((t) => t.includes('保存至')));
    const en = buildPipiaReport(approved, 'en');
    assert.equal(en.cover.title, 'Personal information protection impact assessment report');
    const enText = documentText(en);
    assert.ok(enText.includes('8 Retention'));
    assert.ok(
      enText.some((t) => t.includes('Medical record (sensitive: Medical and health information)')),
    );
  });
});
