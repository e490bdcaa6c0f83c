import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RISK_MATRIX, summariseRisks } from '../../../domain/data-security/risk';
import { documentText } from '../../model';
import { buildDataRiskReport, type DataRiskReportInput } from './build';

const cite = (labelZh: string, labelEn: string) =>
  ({ instrumentId: 'nds-regulations-2024', provisionId: null, labelZh, labelEn }) as never;

const input = (over: Partial<DataRiskReportInput['assessment']> = {}): DataRiskReportInput => ({
  organisation: {
    id: 'o',
    name: '某市第一人民医院',
    nameEn: null,
    creditCode: null,
    region: null,
    sector: null,
    contactName: null,
    contactPhone: null,
    filingProfile: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
  },
  asOf: '2026-03-02',
  assessment: {
    year: 2025,
    title: '2025年度数据安全风险评估',
    status: 'completed',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    assessor: null,
    scope: null,
    method: null,
    managementMeasures: '管理制度',
    technicalMeasures: '技术措施',
    provisionAssessments: null,
    exportSituation: null,
    other: null,
    conclusion: '总体风险可控',
    createdByName: 'liu.yang',
    completedOn: '2026-02-20',
    completedByName: 'huang.min',
    report: null,
    ...over,
  },
  profile: { dataSecurityOfficer: '王强，010-12345678', managementBody: '数据安全管理委员会' },
  inventory: {
    takenAt: '2026-02-20',
    resources: [
      {
        code: 'DR-002',
        name: '医学影像',
        grade: 'important',
        description: null,
        records: null,
        bytes: 3_200_000_000_000,
        volumeText: null,
        locations: ['院本部数据中心'],
        owner: null,
        crossBorder: true,
        crossBorderDestinations: ['HK'],
        recipients: [],
      },
    ],
  },
  provisions: [],
  risks: [],
  summary: summariseRisks([]),
  overdue: 0,
  incidents: [],
  matrix: RISK_MATRIX,
  cited: {
    art33: cite('《网络数据安全管理条例》第三十三条', 'NDS Regulations Art. 33'),
    art31: cite('《网络数据安全管理条例》第三十一条', 'NDS Regulations Art. 31'),
    dsl30: cite('《中华人民共和国数据安全法》第三十条', 'DSL Art. 30'),
  },
});

describe('data-security risk assessment report (NDS Art. 33 ¶1)', () => {
  it('has the seven items and the conclusion in order', () => {
    const headings = buildDataRiskReport(input(), 'zh')
      .blocks.filter((b) => b.kind === 'heading' && b.level === 1)
      .map((b) => (b as { text: string }).text);
    assert.deepEqual(headings, [
      '一、网络数据处理者基本情况',
      '二、重要数据的处理情况',
      '三、数据安全管理制度及技术措施',
      '四、数据安全风险及安全事件',
      '五、提供、委托处理、共同处理重要数据的风险评估情况',
      '六、数据出境情况',
      '七、其他报告内容',
      '八、评估结论',
    ]);
  });

  it('generates items 5 and 6 from the records when not written; no incident is said plainly', () => {
    const text = documentText(buildDataRiskReport(input(), 'zh')).join('\n');
    assert.match(text, /未登记提供、委托处理、共同处理重要数据的情况/);
    assert.match(text, /有 1 项数据资源向境外提供：DR-002 医学影像（重要数据；HK）/);
    assert.match(text, /安全事件登记簿中无网络安全事件记录/);
    assert.match(text, /2\.9 TB/);
  });

  it('a draft carries the watermark and says so; a completed one does not', () => {
    const draft = buildDataRiskReport(input({ status: 'draft', completedOn: null }), 'zh');
    assert.equal(draft.watermark, '草稿');
    assert.match(documentText(draft).join('\n'), /本报告为草稿/);
    assert.equal(draft.cover.date, '2026年3月2日');
    const done = buildDataRiskReport(input(), 'en');
    assert.equal(done.watermark, undefined);
    assert.equal(done.cover.date, '2026-02-20');
    assert.match(documentText(done).join('\n'), /Yes \(HK\)/);
  });
});
