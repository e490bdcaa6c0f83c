/**
 * Annual data-security risk assessments (NDS Regulations Art. 33; DSL Art. 30): the level of a
 * risk from its likelihood and impact, the summary and overdue list of the tracked risks, and
 * which parts a report still lacks before it can be completed. Pure: data in, answers out.
 *
 * The risk matrix is OURS. Neither the NDS Regulations nor the DSL prescribe how a risk is
 * levelled. The likelihood × impact reading follows GB/T 20984-2022 (信息安全技术 信息安全风险
 * 评估方法, published 2022-04-15, in force 2022-11-01; a recommended standard), whose 3.1.1
 * measures an information-security risk by the combination of an event's likelihood and its
 * consequences (verified in a public copy of the text); the 5 × 5 scale, the product and the
 * bands below are our choice, not the standard's (provenance 'derived'; see RISK_MATRIX).
 */
import type { Citation, Provenance } from '../citation';
import type { IsoDate } from '../calendar';
import { DSL, NDS } from './citations';

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How a risk's level is read from likelihood (1–5) × impact (1–5): data, not code. */
export interface RiskMatrix {
  readonly id: string;
  readonly provenance: Provenance;
  readonly basisZh: string;
  readonly basisEn: string;
  /** Bands of the score L × I, lowest first; together they cover 1–25 without overlap. */
  readonly bands: readonly {
    readonly level: RiskLevel;
    readonly minScore: number;
    readonly maxScore: number;
    readonly labelZh: string;
    readonly labelEn: string;
  }[];
}

/**
 * Our 5 × 5 matrix: score = likelihood × impact; 1–4 低, 5–9 中, 10–16 高, 17–25 极高 (no
 * product of two numbers 1–5 lies between 17 and 19, so 极高 starts in practice at 20).
 */
export const RISK_MATRIX: RiskMatrix = {
  id: 'dengbao-5x5-2026',
  provenance: 'derived',
  basisZh:
    '本工具自定的 5×5 风险矩阵：风险值 = 可能性（1–5）× 影响程度（1–5）；1–4 为低，5–9 为中，10–16 为高，20–25 为极高。参照 GB/T 20984-2022 以事件可能性与后果的组合度量风险的思路；分档为本工具的取值，非标准原文。',
  basisEn:
    "Our own 5 × 5 risk matrix: score = likelihood (1–5) × impact (1–5); 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. It follows GB/T 20984-2022, which measures a risk by combining an event's likelihood and its consequences; the bands are our choice, not the standard's text.",
  bands: [
    { level: 'low', minScore: 1, maxScore: 4, labelZh: '低', labelEn: 'Low' },
    { level: 'medium', minScore: 5, maxScore: 9, labelZh: '中', labelEn: 'Medium' },
    { level: 'high', minScore: 10, maxScore: 16, labelZh: '高', labelEn: 'High' },
    { level: 'critical', minScore: 17, maxScore: 25, labelZh: '极高', labelEn: 'Critical' },
  ],
};

const checkScale = (name: string, value: number): void => {
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new RangeError(`${name} must be a whole number 1–5, got ${value}`);
};

/** likelihood × impact (1–25). */
export function riskScore(likelihood: number, impact: number): number {
  checkScale('likelihood', likelihood);
  checkScale('impact', impact);
  return likelihood * impact;
}

/** The level of a risk under `matrix` (ours by default). */
export function riskLevel(
  likelihood: number,
  impact: number,
  matrix: RiskMatrix = RISK_MATRIX,
): RiskLevel {
  const score = riskScore(likelihood, impact);
  const band = matrix.bands.find((b) => b.minScore <= score && score <= b.maxScore);
  if (!band) throw new RangeError(`matrix ${matrix.id} has no band for score ${score}`);
  return band.level;
}

/** The statuses of a tracked risk (src/shared/data-security-schemas RISK_STATUSES). */
export type TrackedRiskStatus = 'open' | 'in_progress' | 'closed' | 'accepted';
/** Statuses that still need work (closed and accepted are done). */
export const OPEN_RISK_STATUSES: readonly TrackedRiskStatus[] = ['open', 'in_progress'];
export const isOpenRisk = (status: string): boolean =>
  (OPEN_RISK_STATUSES as readonly string[]).includes(status);

export interface TrackedRisk {
  readonly code: string;
  readonly level: RiskLevel;
  readonly status: TrackedRiskStatus;
  readonly area: string;
  readonly dueOn: IsoDate | null;
}

export interface RiskSummary {
  readonly total: number;
  /** open + in_progress. */
  readonly open: number;
  readonly byLevel: Readonly<Record<RiskLevel, number>>;
  readonly byStatus: Readonly<Record<TrackedRiskStatus, number>>;
  /** Areas with at least one risk, by count. */
  readonly byArea: Readonly<Record<string, number>>;
  /** Open risks of level high or critical. */
  readonly openHighOrCritical: number;
}

export function summariseRisks(risks: readonly TrackedRisk[]): RiskSummary {
  const byLevel: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const byStatus: Record<TrackedRiskStatus, number> = {
    open: 0,
    in_progress: 0,
    closed: 0,
    accepted: 0,
  };
  const byArea: Record<string, number> = {};
  let openHighOrCritical = 0;
  for (const r of risks) {
    byLevel[r.level] += 1;
    byStatus[r.status] += 1;
    byArea[r.area] = (byArea[r.area] ?? 0) + 1;
    if (isOpenRisk(r.status) && (r.level === 'high' || r.level === 'critical'))
      openHighOrCritical += 1;
  }
  return {
    total: risks.length,
    open: byStatus.open + byStatus.in_progress,
    byLevel,
    byStatus,
    byArea,
    openHighOrCritical,
  };
}

/**
 * Risks still open (open or in progress) whose due date is before `asOf` (a risk due today is
 * not overdue yet), most overdue first, then by code.
 */
export function overdueRisks<R extends TrackedRisk>(risks: readonly R[], asOf: IsoDate): R[] {
  return risks
    .filter((r) => isOpenRisk(r.status) && r.dueOn !== null && r.dueOn < asOf)
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.code.localeCompare(b.code));
}

// ——— Required contents of the report (NDS Art. 33 ¶1 (1)–(7); DSL Art. 30) ———

/** What is known about an assessment when it is to be completed. */
export interface ReportPartsFacts {
  /** 网络数据安全负责人 (name and contact) from the data-security profile. */
  readonly dataSecurityOfficer: string | null;
  /** 网络数据安全管理机构 from the data-security profile. */
  readonly managementBody: string | null;
  /** Resources in the inventory now (the snapshot taken on completion). */
  readonly inventoryResources: number;
  readonly managementMeasures: string | null;
  readonly technicalMeasures: string | null;
  /** The assessment's risks: codes, whether they state measures, and their status. */
  readonly risks: readonly {
    readonly code: string;
    readonly hasMeasures: boolean;
    readonly status: string;
  }[];
  readonly provisionAssessments: string | null;
  /** Provisions of important data on record (NDS Art. 31); they generate part (5). */
  readonly provisionsOnRecord: number;
  readonly exportSituation: string | null;
  readonly conclusion: string | null;
}

/** A part the report lacks: which item, where to fill it in, and why, in both languages. */
export interface MissingReportPart {
  /** `art33-1` … `art33-7`, `dsl-30-measures` or `conclusion`. */
  readonly part: string;
  /** Where the user fills it in (field of the assessment, `profile.*`, `inventory`, `risks[i]`). */
  readonly path: string;
  readonly messageEn: string;
  readonly messageZh: string;
  readonly citation: Citation | null;
}

const blank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/**
 * Which required parts are missing. Our reading of what must be present before an assessment is
 * completed (the text lists the contents but not how much of each):
 *
 * - (1) the officer (name, contact) and the management body, from the data-security profile;
 * - (2) at least one resource in the data inventory (the report's table is its snapshot);
 * - (3) management rules and their implementation, and technical measures, written;
 * - (4) at least one risk recorded (incidents come from the incident register, generated);
 * - (5) a written account of the provision risk assessments, or provisions on record (generated);
 * - (6) generated from the inventory's cross-border fields when not written: never missing;
 * - (7) other contents an authority asks for: optional;
 * - DSL Art. 30 asks for the countermeasures: every risk not accepted as it is states measures;
 * - a conclusion.
 */
export function missingReportParts(f: ReportPartsFacts): MissingReportPart[] {
  const out: MissingReportPart[] = [];
  const item1 = NDS.annualRiskAssessment;
  if (blank(f.dataSecurityOfficer))
    out.push({
      part: 'art33-1',
      path: 'profile.dataSecurityOfficer',
      messageEn:
        "item (1) needs the data-security officer's name and contact: record them in the data-security profile",
      messageZh: '第（一）项需要网络数据安全负责人姓名和联系方式：请在数据安全概况中填写',
      citation: item1,
    });
  if (blank(f.managementBody))
    out.push({
      part: 'art33-1',
      path: 'profile.managementBody',
      messageEn:
        'item (1) needs the data-security management body: record it in the data-security profile',
      messageZh: '第（一）项需要网络数据安全管理机构信息：请在数据安全概况中填写',
      citation: item1,
    });
  if (f.inventoryResources === 0)
    out.push({
      part: 'art33-2',
      path: 'inventory',
      messageEn:
        'item (2) needs the data processed: the data inventory has no resource yet (its snapshot is the report table)',
      messageZh: '第（二）项需要重要数据处理情况：数据资源目录中尚无数据资源（报告表格取自其快照）',
      citation: item1,
    });
  if (blank(f.managementMeasures))
    out.push({
      part: 'art33-3',
      path: 'managementMeasures',
      messageEn: 'item (3) needs the data-security management rules and how they are implemented',
      messageZh: '第（三）项需要网络数据安全管理制度及实施情况',
      citation: item1,
    });
  if (blank(f.technicalMeasures))
    out.push({
      part: 'art33-3',
      path: 'technicalMeasures',
      messageEn:
        'item (3) needs the technical measures (encryption, backup, labelling, access control, authentication …) and their effectiveness',
      messageZh: '第（三）项需要加密、备份、标签标识、访问控制、安全认证等技术措施及其有效性',
      citation: item1,
    });
  if (f.risks.length === 0)
    out.push({
      part: 'art33-4',
      path: 'risks',
      messageEn:
        'item (4) needs the data-security risks found: record at least one risk (a risk kept as it is has status accepted)',
      messageZh:
        '第（四）项需要发现的网络数据安全风险：请至少登记一项风险（接受的风险状态为“已接受”）',
      citation: item1,
    });
  f.risks.forEach((r, i) => {
    if (r.status !== 'accepted' && !r.hasMeasures)
      out.push({
        part: 'dsl-30-measures',
        path: `risks[${i}].measures`,
        messageEn: `risk ${r.code} has no countermeasures; the report states how each risk is addressed`,
        messageZh: `风险 ${r.code} 未填写应对措施；报告应当说明各项风险的应对措施`,
        citation: DSL.riskAssessment,
      });
  });
  if (blank(f.provisionAssessments) && f.provisionsOnRecord === 0)
    out.push({
      part: 'art33-5',
      path: 'provisionAssessments',
      messageEn:
        'item (5) needs the risk assessments of providing, entrusting or jointly processing important data: describe them, or state that there were none',
      messageZh:
        '第（五）项需要提供、委托处理、共同处理重要数据的风险评估情况：请填写，未发生的请注明“无”',
      citation: item1,
    });
  if (blank(f.conclusion))
    out.push({
      part: 'conclusion',
      path: 'conclusion',
      messageEn: 'the report needs a conclusion',
      messageZh: '报告需要评估结论',
      citation: null,
    });
  return out;
}
