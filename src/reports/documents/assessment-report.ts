/**
 * 网络安全等级测评报告 (level assessment report), 2025 template layout: data in,
 * {@link ReportDocument} out. Every figure is the scoring engine's (src/domain/mlps/assessment/
 * scoring.ts via {@link AssessmentScoreDto}); the per-category item counts merge per-object
 * results as the engine does (itemOutcomes), with the 整体测评 adjustments.
 *
 * Sourcing: the chapter list (首页及目录 with 网络安全等级测评基本信息表 and its high / medium /
 * low counts and conclusion, chapters 1–8, appendices 被测对象资产, 单项测评结果记录, 漏洞扫描结果
 * 记录, 渗透测试结果记录, 重大风险隐患触发项参照表) is confirmed by RR-CHECK (a review checklist of
 * the 2025 template); the conclusion rule and "N（M个已整改）" by 公网安〔2025〕1846号 Q20–Q22.
 * Ours: 声明's wording, the conclusion page's extension table layout, the level-2/3 sections
 * inside each chapter (测评指标 tables, object-selection method, per-category narrative,
 * 验证测试), the appendix letters and appendices F–H (单项测评结果汇总, 上次测评问题整改情况,
 * 威胁列表 — threat kinds per GB/T 20984-2022, unverified, see assessment-report/threats.ts).
 *
 * Parts: assessment-report/front.ts (cover, 声明, basic information, conclusion page),
 * sections.ts (chapters 1–3), analysis.ts (4–8), appendices.ts, narrative.ts (problem and
 * measure texts from the records, advice), threats.ts. A report of an assessment not yet
 * completed is a draft: 草稿 watermark, a status line on the cover and in chapter 1.
 */
import { pageBreak, toc, type Block, type Lang, type ReportDocument } from '../model';
import type { Bilingual } from './labels';
import { appendices } from './assessment-report/appendices';
import { chapter4, chapter5, chapter6, chapter7, chapter8 } from './assessment-report/analysis';
import { reportContext, type AssessmentReportInput } from './assessment-report/context';
import {
  ASSESSMENT_REPORT_BLOCKS,
  basicInformation,
  conclusionPage,
  cover,
  statement,
} from './assessment-report/front';
import { chapter1, chapter2, chapter3 } from './assessment-report/sections';

export type { AssessmentReportInput, IndicatorDto } from './assessment-report/context';
export type { GuidanceNote } from './assessment-report/narrative';
export { ASSESSMENT_REPORT_BLOCKS };

export const ASSESSMENT_REPORT_SOURCING: Bilingual = {
  zh: '章节顺序（首页及目录含网络安全等级测评基本信息表，第1–8章）与附录A–E的名称依据 RR-CHECK 所示 2025 版报告模板审查要点；结论规则与“N（M个已整改）”依据公网安〔2025〕1846号 Q20–Q22；声明措辞、结论扩展表的版式、各章二级和三级标题、附录编号及附录F–H为本项目自行编排；威胁种类依据 GB/T 20984-2022（经二手资料转引，未核对原文）。',
  en: 'Chapter order (front matter with the basic-information table, chapters 1–8) and the names of appendices A–E per the 2025 template as shown by the RR-CHECK review checklist; conclusion rule and "N (M rectified)" per MPS letter 1846 (2025) Q20–Q22; the statement wording, the extension-table layout, the level-2/3 sections, the appendix letters and appendices F–H are ours; threat kinds per GB/T 20984-2022 (via a secondary source, not checked against the text).',
};

export function buildAssessmentReport(input: AssessmentReportInput, lang: Lang): ReportDocument {
  const ctx = reportContext(input, lang);
  const zh = lang === 'zh';
  const blocks: Block[] = [
    ...statement(ctx),
    ...basicInformation(ctx),
    ...conclusionPage(ctx),
    toc,
    pageBreak,
    ...chapter1(ctx),
    ...chapter2(ctx),
    ...chapter3(ctx),
    ...chapter4(ctx),
    ...chapter5(ctx),
    ...chapter6(ctx),
    ...chapter7(ctx),
    ...chapter8(ctx),
    ...appendices(ctx),
  ];
  const front = cover(ctx);
  return {
    lang,
    title: front.title,
    cover: front,
    ...(ctx.draft ? { watermark: zh ? '草稿' : 'DRAFT' } : {}),
    header: zh
      ? `${ctx.systemName} 等级测评报告${ctx.draft ? '（草稿）' : ''}`
      : `${ctx.systemName} level assessment report${ctx.draft ? ' (DRAFT)' : ''}`,
    blocks,
  };
}
