/**
 * What the filing form is built from, and the facts derived from it that several fields share
 * (the latest review of a kind, the latest level assessment, the attachments of a 表四 line).
 */
import type {
  OrganisationDto,
  RecordAttachmentDto,
  ReviewDto,
  ScoreResultDto,
  SystemDetailDto,
} from '../../../shared/api-types';
import type {
  DataCategory,
  OrganisationFilingProfile,
  SystemFilingProfile,
} from '../../../shared/filing-profile';
import type { ProtectionLevel } from '../../../shared/mlps';
import type { Lang } from '../../model';
import type { DocumentOverrides } from '../../overrides';
import { date } from '../labels';

/** The level assessment the form reports (表二 09, 表四 05). */
export interface FilingAssessment {
  /** A level assessment kept in dengbao, or one recorded as an event (done elsewhere). */
  readonly kind: 'assessment' | 'event';
  readonly agency: string | null;
  readonly reportNumber: string | null;
  /** The report's date (the event's completion date); null while none is set. */
  readonly reportDate: string | null;
  readonly status: 'completed' | 'in_progress';
  /** The engine's conclusion and figure of a dengbao assessment; null for an event. */
  readonly score: Pick<ScoreResultDto, 'policy' | 'value' | 'conclusion'> | null;
}

export interface FilingFormInput {
  readonly organisation: OrganisationDto;
  readonly detail: SystemDetailDto;
  /** The organisation's grading objects per level (表一 11), if known. */
  readonly levelCounts?: Partial<Record<ProtectionLevel, number>> | null;
  /** 定级对象总数: all the organisation's grading objects (表一 11, the n of 表二（k/n）). */
  readonly objectCount?: number | null;
  /** This object's place among them, from 1 (the k of 表二（k/n）). */
  readonly position?: number | null;
  /**
   * The latest level assessment of the object. `undefined`: taken from the latest
   * mlps_assessment event of the detail; `null`: none.
   */
  readonly assessment?: FilingAssessment | null;
  /** Display name of the user who recorded the grading (填表人 when the profile names none). */
  readonly recorderName?: string | null;
  /** The as-of date, YYYY-MM-DD: 填表日期 when the object is not filed yet. */
  readonly date: string;
  readonly overrides?: DocumentOverrides | undefined;
  /**
   * Rows of the 数据摸底调查表 from the data inventory (数据资源目录, src/app/data-security/
   * inventory): the resources this object holds and those on no object. When there are any they
   * are printed; otherwise the organisation's hand-entered `dataCategories` are.
   */
  readonly dataInventory?: readonly DataCategory[] | null;
}

export const orgProfile = (d: FilingFormInput): Partial<OrganisationFilingProfile> =>
  d.organisation.filingProfile ?? {};

export const systemProfile = (d: FilingFormInput): Partial<SystemFilingProfile> =>
  d.detail.system.filingProfile ?? {};

/** Whether the system's filing profile was entered at all (empty lists then mean "none"). */
export const hasSystemProfile = (d: FilingFormInput): boolean => !!d.detail.system.filingProfile;

export const latestReview = (d: FilingFormInput, kind: ReviewDto['kind']): ReviewDto | undefined =>
  [...d.detail.reviews]
    .filter((r) => r.kind === kind)
    .sort(
      (a, b) => a.reviewedOn.localeCompare(b.reviewedOn) || a.createdAt.localeCompare(b.createdAt),
    )
    .at(-1);

export const latestFiling = (d: FilingFormInput) =>
  [...d.detail.filings]
    .sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.createdAt.localeCompare(b.createdAt))
    .at(-1);

/** The assessment the form reports: the given one, else the latest mlps_assessment event. */
export function latestAssessment(d: FilingFormInput): FilingAssessment | null {
  if (d.assessment !== undefined) return d.assessment;
  const event = [...d.detail.events]
    .filter((e) => e.kind === 'mlps_assessment')
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn))
    .at(-1);
  return event ? assessmentOfEvent(event) : null;
}

export const assessmentOfEvent = (e: SystemDetailDto['events'][number]): FilingAssessment => ({
  kind: 'event',
  agency: e.agency,
  reportNumber: e.reportNumber,
  reportDate: e.completedOn,
  status: 'completed',
  score: null,
});

/** The level the form is for: the current grading's, else the system's. */
export const formLevel = (d: FilingFormInput): number =>
  d.detail.grading?.level ?? d.detail.system.level ?? 0;

/** The date the form is for: the filing's date once filed, else the as-of date. */
export const formDate = (d: FilingFormInput): string => latestFiling(d)?.filedOn ?? d.date;

/** An attachment as a 表四 line names it: file name and a short SM3 digest. */
export const attachmentLine = (lang: Lang, a: RecordAttachmentDto): string =>
  lang === 'zh'
    ? `${a.fileName}（SM3：${a.sm3.slice(0, 8)}…）`
    : `${a.fileName} (SM3 ${a.sm3.slice(0, 8)}…)`;

/** A date, or '' when there is none (for parts of a line that just leave it out). */
export const dateOrNothing = (lang: Lang, iso: string | null | undefined): string =>
  iso ? date(lang, iso) : '';
