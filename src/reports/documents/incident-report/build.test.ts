/**
 * 网络安全事件信息报告表 of a ransomware incident at a CII hospital and its closing report,
 * rendered to Word and PDF and read back (document.xml; pdftotext): the Art. 7 items, the grade
 * with the criteria met and their source, the recipients with their deadlines, the report log.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { CitationDto, OrganisationDto } from '../../../shared/api-types';
import { incidentReportingDuties } from '../../../domain/data-security/incidents';
import { renderDocx } from '../../render-docx';
import { renderPdf } from '../../render-pdf';
import { buildIncidentReport, type IncidentReportInput } from './build';

const cite = (provisionId: string, labelZh: string, labelEn: string): CitationDto => ({
  instrumentId: 'cac-incident-reporting-2025',
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

const reports = [
  {
    kind: 'initial' as const,
    recipient: 'protection_department' as const,
    submittedAt: '2026-03-02T09:50:00+08:00',
    reference: '卫健委回执 0302-1',
  },
  {
    kind: 'initial' as const,
    recipient: 'public_security' as const,
    submittedAt: '2026-03-02T10:05:00+08:00',
    reference: null,
  },
];

export const sampleIncidentReport = (kind: 'initial' | 'closing'): IncidentReportInput => ({
  organisation,
  kind,
  producedAt: '2026-03-02T03:00:00Z',
  incident: {
    code: 'INC-2026-01',
    title: 'HIS 遭勒索病毒攻击',
    type: { zh: '恶意程序事件', en: 'Malware incident' },
    foundAt: '2026-03-02T09:15:00+08:00',
    occurredAt: '2026-03-02T08:40:00+08:00',
    location: '院本部数据中心',
    description: null,
    systems: [{ name: '医院信息系统（HIS）', isCii: true }],
    dataResourceCodes: ['DR-001'],
    involvesCii: true,
    operatorRow: { zh: '涉及关键信息基础设施', en: 'the incident involves CII' },
    grade: 'large',
    suggestedGrade: 'large',
    gradeReason: '门诊挂号功能中断约2.5小时',
    criteriaFound: [
      {
        id: 'la-cii-main-2h',
        grade: 'large',
        source: 'draft-2023',
        textZh: '关键信息基础设施主要功能中断运行2小时以上（2023年征求意见稿）',
        textEn: 'The main functions of the CII out of operation for 2 hours or more (2023 draft)',
      },
    ],
    measures: [
      {
        label: { zh: '关键信息基础设施主要功能中断', en: 'CII main-function outage' },
        value: '150 分钟',
      },
    ],
    impactDescription: '门诊挂号与收费停止约2.5小时。',
    responseTaken: '隔离受感染服务器，启用备份系统恢复挂号。',
    trend: '已得到控制，未见扩散。',
    cause: null,
    clues: '攻击源 IP 203.0.113.7',
    furtherMeasures: '全院终端排查。',
    supportRequested: '请求公安机关协助溯源。',
    scenePreservation: '保留受感染服务器磁盘镜像。',
    ransom: {
      demand: '支付比特币解锁',
      deadline: '2026-03-04T00:00:00+08:00',
      paymentMethod: '比特币',
      amount: '2 BTC',
    },
    piIncident: null,
    status: 'handling',
    handledAt: null,
    reports,
  },
  duties: incidentReportingDuties(
    {
      id: 'inc',
      foundAt: '2026-03-02T09:15:00+08:00',
      grade: 'large',
      measures: {},
      criteriaMet: [],
      involvesCii: true,
      operatorKind: 'cii_operator',
      piIncident: null,
      reports,
      handledAt: null,
    },
    '2026-03-02T03:00:00Z',
  ),
  cited: {
    timeLimits: cite(
      'art-4',
      '《国家网络安全事件报告管理办法》第四条',
      'Incident Reporting Measures Art. 4',
    ),
    contents: cite(
      'art-7',
      '《国家网络安全事件报告管理办法》第七条',
      'Incident Reporting Measures Art. 7',
    ),
    closing: cite(
      'art-8',
      '《国家网络安全事件报告管理办法》第八条',
      'Incident Reporting Measures Art. 8',
    ),
    gradingGuide: cite(
      'annex',
      '《国家网络安全事件报告管理办法》附件',
      'Incident Reporting Measures Annex',
    ),
  },
});

const dir = mkdtempSync(path.join(tmpdir(), 'incident-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(buffer: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, buffer);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
}

describe('incident report form', () => {
  it('the initial form carries the Art. 7 items, the grade, the recipients with deadlines and the log', async () => {
    const doc = buildIncidentReport(sampleIncidentReport('initial'), 'zh');
    assert.equal(doc.title, 'INC-2026-01 网络安全事件信息报告表');
    const text = pdfText(await renderPdf(doc), 'initial.pdf');
    for (const s of [
      '网络安全事件信息报告表',
      '一、事发单位及设施基本情况',
      '医院信息系统（HIS）（关键信息基础设施）',
      '2026-03-0209:15（北京时间）',
      '恶意程序事件',
      '2023年征求意见稿（待核实）',
      '已造成的影响和危害',
      '已采取的措施及效果',
      '勒索软件攻击情况',
      '2BTC',
      '三、事态发展趋势',
      '四、初步原因分析',
      '五、可追查的线索',
      '六、拟采取的措施及需要的支援',
      '需要的支援：请求公安机关协助溯源。',
      '七、现场保护情况',
      '十、报告对象与时限',
      '1小时内向保护工作部门和公安机关报告',
      '2026-03-0210:15（北京时间）',
      '已完成',
      '十一、报告记录',
      '卫健委回执0302-1',
      '触发后30日内',
    ])
      assert.ok(text.includes(s), `the PDF shows ${s}`);
    const docx = await renderDocx(doc);
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
    assert.match(xml, /初步原因分析/);
    assert.match(xml, /现场保护情况/);
  });

  it('the closing report: cause, response, harm, lessons; in English too', async () => {
    const zh = pdfText(
      await renderPdf(buildIncidentReport(sampleIncidentReport('closing'), 'zh')),
      'closing.pdf',
    );
    for (const s of [
      '网络安全事件处置总结报告',
      '三、事件原因',
      '四、应急处置措施及效果',
      '六、责任处理、整改情况和经验教训',
      '应急处置结束时间',
    ])
      assert.ok(zh.includes(s), `the closing PDF shows ${s}`);
    const en = pdfText(
      await renderPdf(buildIncidentReport(sampleIncidentReport('initial'), 'en')),
      'en.pdf',
    );
    for (const s of [
      'Cybersecurityincidentreportform',
      'Preliminarycause',
      'Scenepreservation',
      'Protectionworkdepartment',
    ])
      assert.ok(en.includes(s), `the English PDF shows ${s}`);
  });
});
