/**
 * What the personal-information engines know, built from the register in its file shape
 * (dengbao.privacy.v1): the server exports the stored register to that shape first, the CLI
 * reads a file — one builder for both, so `dengbao pi paths <file>` and GET …/privacy/paths
 * answer the same for the same register.
 */
import type { IsoDate } from '../../domain/calendar';
import type { CrossBorderOrganisationFacts } from '../../domain/privacy/cross-border';
import type {
  OutboundTransferFacts,
  ProcessingActivityFacts,
  TransferBatchFacts,
} from '../../domain/privacy/types';
import type { ActivityInput, PrivacyRegisterFile } from '../../shared/privacy-schemas';
import { classify } from './categories';

export interface PrivacyFacts {
  /** PrivacyOrganisationFacts plus the free-trade-zone negative list (profile freeTradeZone). */
  readonly organisation: CrossBorderOrganisationFacts;
  readonly activities: readonly ProcessingActivityFacts[];
  readonly transfers: readonly OutboundTransferFacts[];
}

export interface FactsOptions {
  /** Whether any of the organisation's systems is marked CII (used when ciiOperator is null). */
  readonly anySystemCii?: boolean;
  /** The activity's id (store id); default its code. */
  readonly activityId?: (code: string) => string;
  /** Approval dates of the PIPIAs covering the activity. */
  readonly pipiaApprovedOn?: (code: string) => readonly IsoDate[];
}

/** What an activity's facts are read from: a file row or a stored activity's content. */
export type ActivityContent = Pick<
  ActivityInput,
  | 'code'
  | 'name'
  | 'legalBases'
  | 'dataCategories'
  | 'individuals'
  | 'sensitiveIndividuals'
  | 'minorsUnder14'
  | 'recipients'
  | 'consents'
  | 'automatedDecisionMaking'
  | 'publicDisclosure'
  | 'publicCameraImages'
  | 'otherMajorImpact'
  | 'faceRecognition'
>;

/** The rules' facts of one processing activity; the one place that maps the register to them. */
export function activityFacts(
  id: string,
  a: ActivityContent,
  pipiaApprovedOn: readonly IsoDate[] = [],
): ProcessingActivityFacts {
  const face = a.faceRecognition ?? null;
  return {
    id,
    code: a.code,
    name: a.name,
    legalBases: a.legalBases,
    dataCategories: a.dataCategories,
    individuals: a.individuals,
    sensitiveIndividuals: a.sensitiveIndividuals,
    minorsUnder14: a.minorsUnder14,
    recipients: a.recipients.map((r) => ({ relationship: r.relationship, country: r.country })),
    consents: a.consents.map((c) => c.case),
    automatedDecisionMaking: a.automatedDecisionMaking,
    publicDisclosure: a.publicDisclosure,
    publicCameraImages: a.publicCameraImages,
    otherMajorImpact: a.otherMajorImpact ?? null,
    faceRecognition: face
      ? {
          storedIndividuals: face.storedIndividuals,
          reachedThresholdOn: face.reachedThresholdOn ?? null,
          filedOn: face.filedOn ?? null,
          changedOn: face.changedOn ?? null,
          changeFiledOn: face.changeFiledOn ?? null,
          stoppedOn: face.stoppedOn ?? null,
          deregisteredOn: face.deregisteredOn ?? null,
          storedOnDevice: face.storedOnDevice,
          alternativeOffered: face.alternativeOffered,
        }
      : null,
    pipiaApprovedOn,
  };
}

/** The id of a transfer: `<activity id>/<transfer key>` (activity code from a file). */
export const transferId = (activityId: string, key: string) => `${activityId}/${key}`;

export function privacyFacts(file: PrivacyRegisterFile, options: FactsOptions = {}): PrivacyFacts {
  const idOf = options.activityId ?? ((code: string) => code);
  const profile = file.profile;
  const organisation: CrossBorderOrganisationFacts = {
    isCiiOperator: profile?.ciiOperator ?? options.anySystemCii ?? false,
    totalIndividuals: profile?.totalIndividuals ?? null,
    // A list id of src/catalogs/ftz-negative-lists (checked by validate.ts profileProblems).
    freeTradeZoneListId: profile?.freeTradeZone || null,
  };
  // Batches by activity code and transfer key, once (100,000 batches: one pass).
  const batches = new Map<string, TransferBatchFacts[]>();
  for (const b of file.transferBatches) {
    const key = `${b.activity}\u0000${b.transferKey}`;
    let list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    list.push({
      transferredOn: b.transferredOn,
      individuals: b.individuals,
      sensitiveIndividuals: b.sensitiveIndividuals,
    });
  }
  const activities: ProcessingActivityFacts[] = [];
  const transfers: OutboundTransferFacts[] = [];
  for (const a of file.activities) {
    const id = idOf(a.code);
    activities.push(activityFacts(id, a, options.pipiaApprovedOn?.(a.code) ?? []));
    const recipients = new Map(a.recipients.map((r) => [r.key, r]));
    for (const t of a.transfers) {
      const recipient = recipients.get(t.recipientKey);
      // Categories sent: the recipient's, or all of the activity's when it names none.
      const categories =
        recipient && recipient.dataCategories.length > 0
          ? recipient.dataCategories
          : a.dataCategories;
      transfers.push({
        id: transferId(id, t.key),
        activityId: id,
        activityName: a.name,
        recipientName: recipient?.name ?? t.recipientKey,
        country: recipient?.country ?? '',
        exemption: t.exemption ?? null,
        importantData: t.importantData,
        containsPersonalInformation: t.exemption !== 'no_personal_information',
        sensitive: classify({
          dataCategories: categories,
          dataSubjects: a.dataSubjects,
          minorsUnder14: a.minorsUnder14,
        }).sensitive,
        mechanism: t.mechanism ?? null,
        batches: batches.get(`${a.code}\u0000${t.key}`) ?? [],
      });
    }
  }
  return { organisation, activities, transfers };
}
