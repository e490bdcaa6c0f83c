/**
 * PIPIA (个人信息保护影响评估) rows as the app reads them: the SM4-encrypted content (answers and
 * conclusion, bound to the row), the workflow columns (JSON in clear), the covered activities'
 * register data, and the DTO the API answers with.
 */
import type { Citation } from '../../../domain/citation';
import type { CitationDto } from '../../../shared/api-types';
import type {
  ActivityInput,
  PipiaAnswer,
  PipiaRiskLevel,
  PipiaStatus,
} from '../../../shared/privacy-schemas';
import type { FieldCipher } from '../../../security/field-crypto';
import type { PipiaActivityRow } from '../../../store/repositories/pipia.repository';
import type { PrivacyPipiaRow } from '../../../store/schema';
import type { CitationLabeller } from '../../presenters';

/** What `content_enc` holds. */
export interface PipiaContent {
  readonly answers: Readonly<Record<string, PipiaAnswer>>;
  readonly conclusion: string | null;
  /** Every return with its reason (by a reviewer or an approver), oldest first. */
  readonly returns?: readonly PipiaReturn[];
  /** The approved assessment this one is a new version of. */
  readonly supersedes?: string | null;
}

export interface PipiaReturn {
  readonly userId: string | null;
  readonly comment: string;
  readonly at: string;
}

/** A PIPL Art. 55 trigger found when the assessment was opened (the `triggers` column). */
export interface StoredTrigger {
  readonly code: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly Citation[];
  /** The covered activities it was found in. */
  readonly activityIds: readonly string[];
}

/** One reviewer and their decision (the `reviews` column). */
export interface StoredReview {
  readonly userId: string;
  readonly decision: 'agree' | 'return' | null;
  readonly comment: string | null;
  readonly decidedAt: string | null;
}

export const contentBinding = (id: string) =>
  ({ table: 'privacy_pipias', column: 'content_enc', rowId: id }) as const;

export function encryptContent(cipher: FieldCipher, id: string, content: PipiaContent): string {
  return cipher.encrypt(JSON.stringify(content), contentBinding(id));
}

export function decryptContent(cipher: FieldCipher, row: PrivacyPipiaRow): PipiaContent {
  const parsed = JSON.parse(
    cipher.decrypt(row.content_enc, contentBinding(row.id)),
  ) as Partial<PipiaContent>;
  return {
    answers: parsed.answers ?? {},
    conclusion: parsed.conclusion ?? null,
    returns: parsed.returns ?? [],
    supersedes: parsed.supersedes ?? null,
  };
}

export const activityIdsOf = (row: PrivacyPipiaRow): string[] =>
  JSON.parse(row.activity_ids) as string[];
export const triggersOf = (row: PrivacyPipiaRow): StoredTrigger[] =>
  JSON.parse(row.triggers) as StoredTrigger[];
export const reviewsOf = (row: PrivacyPipiaRow): StoredReview[] =>
  JSON.parse(row.reviews) as StoredReview[];

/** An activity's register entry (ActivityInput), decrypted; fields missing in old rows defaulted. */
export type ActivityData = Omit<ActivityInput, 'code' | 'name'>;

export interface CoveredActivity {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly retainUntil: string | null;
  readonly data: ActivityData;
}

export function decodeActivity(cipher: FieldCipher, row: PipiaActivityRow): CoveredActivity {
  const raw = JSON.parse(
    cipher.decrypt(row.data_enc, {
      table: 'privacy_activities',
      column: 'data_enc',
      rowId: row.id,
    }),
  ) as Partial<ActivityData>;
  const data: ActivityData = {
    purpose: raw.purpose ?? '',
    legalBases: raw.legalBases ?? [],
    dataCategories: raw.dataCategories ?? [],
    dataSubjects: raw.dataSubjects ?? [],
    individuals: raw.individuals ?? 0,
    sensitiveIndividuals: raw.sensitiveIndividuals ?? 0,
    minorsUnder14: raw.minorsUnder14 ?? 0,
    retention: raw.retention ?? '',
    retentionMonths: raw.retentionMonths ?? null,
    deletion: raw.deletion ?? null,
    systemIds: raw.systemIds ?? [],
    recipients: raw.recipients ?? [],
    transfers: raw.transfers ?? [],
    consents: raw.consents ?? [],
    automatedDecisionMaking: raw.automatedDecisionMaking ?? false,
    publicDisclosure: raw.publicDisclosure ?? false,
    publicCameraImages: raw.publicCameraImages ?? false,
    otherMajorImpact: raw.otherMajorImpact ?? null,
    faceRecognition: raw.faceRecognition ?? null,
    privacyNoticeVersion: raw.privacyNoticeVersion ?? null,
    owner: raw.owner ?? null,
    note: raw.note ?? null,
  };
  return { id: row.id, code: row.code, name: row.name, retainUntil: row.retain_until, data };
}

// --- DTOs (the web's src/api/pipia-hooks.ts reads these) ---

export interface PipiaTriggerDto {
  readonly code: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly CitationDto[];
  readonly activityIds: readonly string[];
}

export interface PipiaReviewDto extends StoredReview {
  readonly displayName: string | null;
}

export interface PipiaSummaryDto {
  readonly id: string;
  readonly title: string;
  readonly status: PipiaStatus;
  readonly activityIds: readonly string[];
  readonly activities: readonly { id: string; code: string; name: string }[];
  readonly triggers: readonly PipiaTriggerDto[];
  readonly overallRisk: PipiaRiskLevel | null;
  readonly questionnaireVersion: string;
  readonly submittedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedByName: string | null;
  readonly approvedOn: string | null;
  readonly retainUntil: string | null;
  readonly version: number;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PipiaDto extends PipiaSummaryDto {
  readonly answers: Readonly<Record<string, PipiaAnswer>>;
  readonly conclusion: string | null;
  /** Every return with its reason, oldest first. */
  readonly returns: readonly (PipiaReturn & { displayName: string | null })[];
  /** The approved assessment this one is a new version of, with its title when it still exists. */
  readonly supersedes: { readonly id: string; readonly title: string | null } | null;
  readonly reviewerIds: readonly string[];
  readonly reviews: readonly PipiaReviewDto[];
  /** Question ids of the questionnaire version that apply to the triggers found. */
  readonly applicableQuestionIds: readonly string[];
  /** Of them, those without an answer yet (submission needs none left). */
  readonly unansweredQuestionIds: readonly string[];
}

export function presentTrigger(t: StoredTrigger, label: CitationLabeller): PipiaTriggerDto {
  return {
    code: t.code,
    titleZh: t.titleZh,
    titleEn: t.titleEn,
    reasonZh: t.reasonZh,
    reasonEn: t.reasonEn,
    citations: t.citations.map((c) => label(c)),
    activityIds: t.activityIds,
  };
}

export function presentSummary(
  row: PrivacyPipiaRow,
  activities: ReadonlyMap<string, { code: string; name: string }>,
  names: ReadonlyMap<string, string>,
  label: CitationLabeller,
): PipiaSummaryDto {
  const ids = activityIdsOf(row);
  return {
    id: row.id,
    title: row.title,
    status: row.status as PipiaStatus,
    activityIds: ids,
    activities: ids.map((id) => ({
      id,
      code: activities.get(id)?.code ?? '',
      name: activities.get(id)?.name ?? '（已删除的处理活动 deleted activity）',
    })),
    triggers: triggersOf(row).map((t) => presentTrigger(t, label)),
    overallRisk: row.overall_risk as PipiaRiskLevel | null,
    questionnaireVersion: row.questionnaire_version,
    submittedAt: row.submitted_at,
    approvedBy: row.approved_by,
    approvedByName: row.approved_by ? (names.get(row.approved_by) ?? null) : null,
    approvedOn: row.approved_on,
    retainUntil: row.retain_until,
    version: row.version,
    createdBy: row.created_by,
    createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
