/**
 * What the assessment report's parts share: the builder's input, and the lookups computed once
 * from it (rows by requirement and object, item outcomes as the engine merges them, the findings
 * in risk order, the rectification items by requirement).
 */
import { itemOutcomes } from '../../../domain/mlps/assessment/scoring';
import type { TestObjectKind } from '../../../domain/mlps/assessment/types';
import type {
  AssessmentDto,
  AssessmentScoreDto,
  CatalogCategory,
  CatalogExtension,
  FindingDto,
  MajorRiskDto,
  MajorRiskTriggerDto,
  OrganisationDto,
  RectificationDto,
  RiskLevelCode,
  ScoreResultDto,
  SystemDto,
  WorkbookDto,
  WorkbookRowDto,
} from '../../../shared/api-types';
import type { CompensationsDto, PreviousFindingsDto } from '../../../shared/compensation-schemas';
import { OBJECT_IMPORTANCE_ZH } from '../../../shared/assessment-vocabulary';
import type { VerificationAppendicesDto } from '../../../shared/verification-schemas';
import type { Lang, ReportImage, TableColumn } from '../../model';
import type { DocumentOverrides } from '../../overrides';
import { CATEGORY_ORDER, CONCLUSION, majorRiskCount, type Bilingual } from '../labels';
import { rowKey, type GuidanceNote } from './narrative';

/** A requirement item of the assessment's fixed baseline (测评指标). */
export interface IndicatorDto {
  readonly id: string;
  readonly extension: CatalogExtension;
  readonly category: CatalogCategory;
  readonly controlPointId: string;
  readonly controlPoint: Bilingual;
  readonly clause: string;
  readonly title: Bilingual;
  /** Our summary of the requirement at the assessment's level. */
  readonly text: Bilingual;
}

export interface AssessmentReportInput {
  readonly organisation: OrganisationDto;
  /** The assessed system (for its description, types and filing certificate), if readable. */
  readonly system: SystemDto | null;
  readonly workbook: WorkbookDto;
  readonly findings: readonly FindingDto[];
  readonly majorRisks: readonly MajorRiskDto[];
  readonly score: AssessmentScoreDto;
  readonly rectifications: readonly RectificationDto[];
  /** The 重大风险隐患 trigger reference table (catalog). */
  readonly triggers: readonly MajorRiskTriggerDto[];
  /** Cover date when the assessment has no report date, YYYY-MM-DD. */
  readonly date: string;
  /** Imported scan and penetration-test findings; "none imported" without them. */
  readonly verification?: VerificationAppendicesDto;
  /** 整体测评 compensations (chapter 4); "none found" without them. */
  readonly compensations?: CompensationsDto;
  /**
   * The assessment's fixed baseline, items no object answers included (测评指标); without it the
   * items of the workbook rows.
   */
  readonly indicators?: readonly IndicatorDto[];
  /** 上次测评问题整改情况; "no previous assessment" without it. */
  readonly previous?: PreviousFindingsDto;
  /** Test guidance by requirement id (for advice where no plan was written). */
  readonly guidance?: ReadonlyMap<string, GuidanceNote>;
  /** The organisation's wording of the statement and the agency lines, and its logo. */
  readonly overrides?: DocumentOverrides;
  /** The grading's descriptions (业务信息, 系统服务, 边界), for 2.1; none on older gradings. */
  readonly narrative?: {
    readonly businessDescription: string;
    readonly serviceDescription: string;
    readonly boundaryDescription?: string | null | undefined;
  } | null;
  /** The newest topology diagram uploaded on the system, for 2.1. */
  readonly topology?: ReportImage | null;
}

export type Outcome =
  'compliant' | 'partial' | 'non_compliant' | 'not_applicable' | 'unanswered' | 'untested';

export const RISK_ORDER: readonly RiskLevelCode[] = ['high', 'medium', 'low'];

export interface ReportContext {
  readonly lang: Lang;
  readonly zh: boolean;
  readonly tx: (label: Bilingual) => string;
  readonly input: AssessmentReportInput;
  readonly assessment: AssessmentDto;
  readonly before: ScoreResultDto;
  readonly after: ScoreResultDto;
  readonly reportDate: string;
  readonly systemName: string;
  /** The assessment is not completed: the report is a draft (watermark, status line). */
  readonly draft: boolean;
  readonly indicators: readonly IndicatorDto[];
  readonly indicatorById: ReadonlyMap<string, IndicatorDto>;
  /** Row by {@link rowKey}(requirementId, objectId). */
  readonly rows: ReadonlyMap<string, WorkbookRowDto>;
  readonly rowsByObject: ReadonlyMap<string, readonly WorkbookRowDto[]>;
  readonly rowsByRequirement: ReadonlyMap<string, readonly WorkbookRowDto[]>;
  readonly objectName: ReadonlyMap<string, string>;
  /** Outcome per requirement: the engine's merge over objects, with 整体测评 adjustments. */
  readonly outcomes: ReadonlyMap<string, Outcome>;
  /** Findings, high risk first. */
  readonly findings: readonly FindingDto[];
  readonly rectByRequirement: ReadonlyMap<string, RectificationDto>;
  readonly conclusionOf: (s: ScoreResultDto) => string;
  readonly major: (s: ScoreResultDto) => string;
}

export const col = (header: string, width: number, align?: TableColumn['align']): TableColumn =>
  align ? { header, width, align } : { header, width };

/** Categories in the standard's order; codes outside it last. */
export function categoryRank(c: string): number {
  const i = CATEGORY_ORDER.indexOf(c as CatalogCategory);
  return i === -1 ? CATEGORY_ORDER.length : i;
}

function indicatorsFromRows(rows: readonly WorkbookRowDto[]): IndicatorDto[] {
  const seen = new Map<string, IndicatorDto>();
  for (const r of rows) {
    if (seen.has(r.requirementId)) continue;
    seen.set(r.requirementId, {
      id: r.requirementId,
      extension: r.extension,
      category: r.category,
      controlPointId: r.controlPointId,
      controlPoint: r.controlPoint,
      clause: r.clause,
      title: r.title,
      text: r.text,
    });
  }
  return [...seen.values()];
}

export function reportContext(input: AssessmentReportInput, lang: Lang): ReportContext {
  const zh = lang === 'zh';
  const { workbook, score } = input;
  const a = workbook.assessment;
  const rows = new Map<string, WorkbookRowDto>();
  const rowsByObject = new Map<string, WorkbookRowDto[]>();
  const rowsByRequirement = new Map<string, WorkbookRowDto[]>();
  for (const r of workbook.rows) {
    rows.set(rowKey(r.requirementId, r.objectId), r);
    let o = rowsByObject.get(r.objectId);
    if (!o) rowsByObject.set(r.objectId, (o = []));
    o.push(r);
    let q = rowsByRequirement.get(r.requirementId);
    if (!q) rowsByRequirement.set(r.requirementId, (q = []));
    q.push(r);
  }
  const indicators = input.indicators ?? indicatorsFromRows(workbook.rows);
  const merged = itemOutcomes({
    requirements: indicators.map((i) => ({
      id: i.id,
      category: i.category,
      controlPointId: i.controlPointId,
    })),
    objects: a.objects.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind as TestObjectKind,
      controlPoints: o.controlPoints,
    })),
    results: workbook.rows.flatMap((r) =>
      r.result ? [{ requirementId: r.requirementId, objectId: r.objectId, result: r.result }] : [],
    ),
  });
  const outcomes = new Map<string, Outcome>(
    merged.map((o) => [o.requirementId, o.result as Outcome]),
  );
  for (const o of input.compensations?.outcomes ?? []) {
    outcomes.set(o.requirementId, o.after as Outcome);
  }
  const before = score.before;
  const conclusionOf = (s: ScoreResultDto) => {
    if (!s.provisional) return CONCLUSION[s.conclusion][lang];
    const done = s.counts.items - s.counts.unanswered - s.counts.untested;
    return zh
      ? `${CONCLUSION[s.conclusion].zh}（暂定，已测 ${done}/${s.counts.items} 项）`
      : `${CONCLUSION[s.conclusion].en} (provisional, ${done} of ${s.counts.items} items done)`;
  };
  return {
    lang,
    zh,
    tx: (label) => label[lang],
    input,
    assessment: a,
    before,
    after: score.after,
    reportDate: a.reportDate ?? input.date,
    systemName: a.systemName,
    draft: a.status !== 'completed',
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.id, i])),
    rows,
    rowsByObject,
    rowsByRequirement,
    objectName: new Map(a.objects.map((o) => [o.id, o.name])),
    outcomes,
    findings: [...input.findings].sort(
      (x, y) => RISK_ORDER.indexOf(x.effectiveRisk) - RISK_ORDER.indexOf(y.effectiveRisk),
    ),
    rectByRequirement: new Map(input.rectifications.map((r) => [r.requirementId, r])),
    conclusionOf,
    major: (s) => majorRiskCount(lang, s.majorRisks, s.majorRiskLabel),
  };
}

/** Outcome counts of a set of requirement items. */
export function countOutcomes(ctx: ReportContext, ids: Iterable<string>) {
  const out = {
    items: 0,
    compliant: 0,
    partial: 0,
    nonCompliant: 0,
    notApplicable: 0,
    unanswered: 0,
    untested: 0,
  };
  for (const id of ids) {
    out.items += 1;
    switch (ctx.outcomes.get(id) ?? 'untested') {
      case 'compliant':
        out.compliant += 1;
        break;
      case 'partial':
        out.partial += 1;
        break;
      case 'non_compliant':
        out.nonCompliant += 1;
        break;
      case 'not_applicable':
        out.notApplicable += 1;
        break;
      case 'unanswered':
        out.unanswered += 1;
        break;
      default:
        out.untested += 1;
    }
  }
  return out;
}

/** compliant / applicable as the 2025 rate prints it ('—' with nothing applicable). */
export function simpleRate(c: {
  compliant: number;
  partial: number;
  nonCompliant: number;
}): string {
  const applicable = c.compliant + c.partial + c.nonCompliant;
  return applicable === 0 ? '—' : `${((c.compliant / applicable) * 100).toFixed(2)}%`;
}

const IMPORTANCE_EN: Readonly<Record<string, string>> = {
  key: 'Key',
  important: 'Important',
  general: 'General',
};

/** 关键 / 重要 / 一般 of a test object ('' when not marked). */
export const importanceLabel = (lang: Lang, v: string | null): string =>
  v === null
    ? ''
    : lang === 'zh'
      ? ((OBJECT_IMPORTANCE_ZH as Readonly<Record<string, string>>)[v] ?? v)
      : (IMPORTANCE_EN[v] ?? v);
