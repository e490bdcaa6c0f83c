/**
 * 个人信息保护影响评估报告: one PIPIA with its covered activities (from the register, decrypted),
 * the triggers found at its opening, the questionnaire's applicable questions with their answers
 * by report chapter, the reviewers' decisions and the approval, to the builder.
 */
import { PIPL, STANDARDS } from '../../domain/privacy/citations';
import { piCategoriesByCode, PIPL_SENSITIVE_CLASS_LABELS } from '../../catalogs/pi-categories';
import {
  buildPipiaReport,
  type PipiaReportActivity,
  type PipiaReportSection,
} from '../../reports/documents/pipia-report/build';
import type { Lang, ReportDocument } from '../../reports/model';
import type { PipiaStatus, PipiaRiskLevel } from '../../shared/privacy-schemas';
import { activitiesByIds, getPipia, userNames } from '../../store/repositories/pipia.repository';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { beijingDateOf } from '../clock';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import {
  activityIdsOf,
  decodeActivity,
  decryptContent,
  reviewsOf,
  triggersOf,
  type CoveredActivity,
} from '../privacy/pipia/model';
import {
  applicableQuestions,
  pipiaQuestionnaire,
  type ReportChapter,
} from '../privacy/pipia/questionnaire';
import { presentOrganisation } from '../presenters';
import { renderReport, type ReportFormat } from '../reports';
import { documentOverrides, type DocumentSource } from './source';

function categoriesOf(codes: readonly string[]): PipiaReportActivity['categories'] {
  let byCode: ReturnType<typeof piCategoriesByCode> | null = null;
  try {
    byCode = piCategoriesByCode();
  } catch {
    byCode = null; // the catalog missing or invalid: the codes stand for themselves
  }
  return codes.map((code) => {
    const c = byCode?.get(code);
    return {
      code,
      labelZh: c?.labelZh ?? code,
      labelEn: c?.labelEn ?? code,
      sensitiveClass: c?.piplClass ? PIPL_SENSITIVE_CLASS_LABELS[c.piplClass] : null,
    };
  });
}

function reportActivity(a: CoveredActivity): PipiaReportActivity {
  const d = a.data;
  const recipientName = new Map(d.recipients.map((r) => [r.key, r] as const));
  return {
    code: a.code,
    name: a.name,
    purpose: d.purpose,
    legalBases: d.legalBases,
    categories: categoriesOf(d.dataCategories),
    subjects: d.dataSubjects,
    individuals: d.individuals,
    sensitiveIndividuals: d.sensitiveIndividuals,
    minorsUnder14: d.minorsUnder14,
    retention: d.retention,
    deletion: d.deletion ?? null,
    recipients: d.recipients.map((r) => ({
      key: r.key,
      name: r.name,
      relationship: r.relationship,
      country: r.country,
      purpose: r.purpose ?? null,
    })),
    transfers: d.transfers.map((t) => ({
      key: t.key,
      recipientName: recipientName.get(t.recipientKey)?.name ?? t.recipientKey,
      country: recipientName.get(t.recipientKey)?.country ?? '',
      exemption: t.exemption ?? null,
      mechanism: t.mechanism?.kind ?? null,
      reference: t.mechanism?.reference ?? null,
    })),
    consents: d.consents.map((c) => ({ case: c.case, method: c.method })),
    automatedDecisionMaking: d.automatedDecisionMaking,
    publicDisclosure: d.publicDisclosure,
    faceRecognition: d.faceRecognition != null,
  };
}

export async function pipiaReportDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  pipiaId: string,
): Promise<ReportDocument> {
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const row = await getPipia(db, organisationId, pipiaId);
  const ids = activityIdsOf(row);
  const stored = new Map(
    (await activitiesByIds(db, organisationId, ids)).map((r) => [
      r.id,
      decodeActivity(ctx.cipher, r),
    ]),
  );
  const activities: PipiaReportActivity[] = ids.map((id) => {
    const a = stored.get(id);
    return a ? reportActivity(a) : { ...reportActivity(removedActivity(id)), missing: true };
  });
  const content = decryptContent(ctx.cipher, row);
  const triggers = triggersOf(row);
  const questionnaire = pipiaQuestionnaire(row.questionnaire_version);
  const applicable = new Set(
    applicableQuestions(
      questionnaire,
      triggers.map((t) => t.code),
    ).map((q) => q.id),
  );
  const chapters: Record<ReportChapter, PipiaReportSection[]> = {
    overview: [],
    lawfulness: [],
    impact: [],
    measures: [],
  };
  for (const section of questionnaire.sections) {
    chapters[section.chapter].push({
      titleZh: section.special ? `特定处理情形：${section.titleZh}` : section.titleZh,
      titleEn: section.special ? `Special case: ${section.titleEn}` : section.titleEn,
      questions: section.questions
        .filter((q) => applicable.has(q.id))
        .map((q) => ({
          id: q.id,
          textZh: q.textZh,
          textEn: q.textEn,
          answer: content.answers[q.id] ?? null,
        })),
    });
  }
  const reviews = reviewsOf(row);
  const returns = content.returns ?? [];
  const names = await userNames(db, [
    ...reviews.map((r) => r.userId),
    ...returns.flatMap((r) => (r.userId ? [r.userId] : [])),
    ...(row.created_by ? [row.created_by] : []),
    ...(row.approved_by ? [row.approved_by] : []),
  ]);
  return buildPipiaReport(
    {
      organisation,
      asOf,
      assessment: {
        title: row.title,
        status: row.status as PipiaStatus,
        questionnaireVersion: row.questionnaire_version,
        overallRisk: row.overall_risk as PipiaRiskLevel | null,
        conclusion: content.conclusion,
        createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
        createdAt: beijingDateOf(row.created_at),
        submittedAt: row.submitted_at ? beijingDateOf(row.submitted_at) : null,
        approvedByName: row.approved_by ? (names.get(row.approved_by) ?? null) : null,
        approvedOn: row.approved_on,
        retainUntil: row.retain_until,
        supersedes: content.supersedes
          ? await getPipia(db, organisationId, content.supersedes).then(
              (r) => r.title,
              () => content.supersedes ?? null,
            )
          : null,
      },
      triggers: triggers.map((t) => ({
        code: t.code,
        titleZh: t.titleZh,
        titleEn: t.titleEn,
        reasonZh: t.reasonZh,
        reasonEn: t.reasonEn,
        citations: t.citations.map((c) => ctx.labelCitation(c)),
      })),
      activities,
      chapters,
      reviews: reviews.map((r) => ({
        name: names.get(r.userId) ?? r.userId,
        decision: r.decision,
        comment: r.comment,
        decidedAt: r.decidedAt ? beijingDateOf(r.decidedAt) : null,
      })),
      returns: returns.map((r) => ({
        name: r.userId
          ? (names.get(r.userId) ?? r.userId)
          : lang === 'zh'
            ? '（令牌或命令行）'
            : '(token or CLI)',
        comment: r.comment,
        at: beijingDateOf(r.at),
      })),
      cited: {
        art55: ctx.labelCitation(PIPL.pipiaTriggers),
        art56: ctx.labelCitation(PIPL.pipiaContentAndRetention),
        standard: ctx.labelCitation(STANDARDS.pipiaProcess),
      },
      overrides,
    },
    lang,
  );
}

/** A covered activity no longer in the register: the report shows its id, marked missing, with no invented content. */
function removedActivity(id: string): CoveredActivity {
  return {
    id,
    code: '—',
    name: lang0(id),
    retainUntil: null,
    data: {
      purpose: '',
      legalBases: [],
      dataCategories: [],
      dataSubjects: [],
      individuals: 0,
      sensitiveIndividuals: 0,
      minorsUnder14: 0,
      retention: '',
      retentionMonths: null,
      deletion: null,
      systemIds: [],
      recipients: [],
      transfers: [],
      consents: [],
      automatedDecisionMaking: false,
      publicDisclosure: false,
      publicCameraImages: false,
      otherMajorImpact: null,
      faceRecognition: null,
      privacyNoticeVersion: null,
      owner: null,
      note: null,
    },
  };
}
const lang0 = (id: string) => `（已删除 deleted ${id.slice(0, 8)}）`;

/** Builds and renders the report (the route's one call). */
export async function pipiaReport(
  ctx: AppContext,
  within: OrgScope,
  pipiaId: string,
  format: ReportFormat,
  lang: Lang,
  asOf: string,
): Promise<{ doc: ReportDocument; buffer: Buffer }> {
  const { organisationId } = inScope(within);
  const organisation = presentOrganisation(
    await getOrganisation(ctx.store.db, organisationId),
    ctx.cipher,
  );
  const doc = await pipiaReportDocument(
    {
      ctx,
      within,
      organisation,
      overrides: await documentOverrides(ctx, organisationId),
      lang,
      asOf,
    },
    pipiaId,
  );
  return { doc, buffer: await renderReport(doc, format) };
}
