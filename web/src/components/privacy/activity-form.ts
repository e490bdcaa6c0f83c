/**
 * The activity drawer's form values and their conversion to and from the wire body (dates as
 * Dayjs in the form, YYYY-MM-DD on the wire; empty texts as null). Pure, so it is unit-tested.
 */
import type { Dayjs } from 'dayjs';
import type {
  ConsentCase,
  DataSubjectKind,
  ExemptionGround,
  LegalBasis,
  RecipientRelationship,
  TransferMechanism,
} from '../../../../src/shared/privacy-schemas';
import type { ActivityBody, ActivityView } from '../../api/privacy-client';
import { fromIsoDate, toIsoDate } from '../../lib/dates';

interface RecipientValues {
  key?: string;
  relationship?: RecipientRelationship;
  name?: string;
  country?: string;
  contact?: string;
  purpose?: string;
  dataCategories?: string[];
}
interface TransferValues {
  key?: string;
  recipientKey?: string;
  exemption?: ExemptionGround | null;
  importantData?: boolean;
  mechanism?: {
    kind?: TransferMechanism | null;
    contractEffectiveOn?: Dayjs | null;
    filedOn?: Dayjs | null;
    approvedOn?: Dayjs | null;
    reference?: string;
  };
  note?: string;
}
interface ConsentValues {
  case?: ConsentCase;
  method?: string;
  evidence?: string;
  since?: Dayjs | null;
}
interface FaceValues {
  storedIndividuals?: number | null;
  reachedThresholdOn?: Dayjs | null;
  filedOn?: Dayjs | null;
  filingReference?: string;
  changedOn?: Dayjs | null;
  changeFiledOn?: Dayjs | null;
  stoppedOn?: Dayjs | null;
  deregisteredOn?: Dayjs | null;
  storedOnDevice?: boolean;
  alternativeOffered?: boolean;
}
export interface ActivityFormValues {
  code?: string;
  name?: string;
  purpose?: string;
  legalBases?: LegalBasis[];
  dataCategories?: string[];
  dataSubjects?: DataSubjectKind[];
  individuals?: number | null;
  sensitiveIndividuals?: number | null;
  minorsUnder14?: number | null;
  retention?: string;
  retentionMonths?: number | null;
  deletion?: string;
  systemIds?: string[];
  recipients?: RecipientValues[];
  transfers?: TransferValues[];
  consents?: ConsentValues[];
  automatedDecisionMaking?: boolean;
  publicDisclosure?: boolean;
  publicCameraImages?: boolean;
  otherMajorImpact?: string;
  faceEnabled?: boolean;
  faceRecognition?: FaceValues;
  privacyNoticeVersion?: string;
  owner?: string;
  note?: string;
}

const text = (value: string | undefined | null) => value?.trim() || null;
const trimmed = (value: string | undefined | null) => value?.trim() ?? '';

/** The form's values as the wire body (dates as YYYY-MM-DD, empty texts as null). */
export function toActivityBody(v: ActivityFormValues): ActivityBody {
  const face = v.faceRecognition ?? {};
  return {
    code: trimmed(v.code),
    name: trimmed(v.name),
    purpose: trimmed(v.purpose),
    legalBases: v.legalBases ?? [],
    dataCategories: v.dataCategories ?? [],
    dataSubjects: v.dataSubjects ?? [],
    individuals: v.individuals ?? (undefined as unknown as number),
    sensitiveIndividuals: v.sensitiveIndividuals ?? 0,
    minorsUnder14: v.minorsUnder14 ?? 0,
    retention: trimmed(v.retention),
    retentionMonths: v.retentionMonths ?? null,
    deletion: text(v.deletion),
    systemIds: v.systemIds ?? [],
    recipients: (v.recipients ?? []).map((r) => ({
      key: trimmed(r.key),
      relationship: r.relationship as RecipientRelationship,
      name: trimmed(r.name),
      country: trimmed(r.country),
      contact: text(r.contact),
      purpose: text(r.purpose),
      dataCategories: r.dataCategories ?? [],
    })),
    transfers: (v.transfers ?? []).map((tr) => ({
      key: trimmed(tr.key),
      recipientKey: trimmed(tr.recipientKey),
      exemption: tr.exemption ?? null,
      importantData: tr.importantData ?? false,
      mechanism: tr.mechanism?.kind
        ? {
            kind: tr.mechanism.kind,
            contractEffectiveOn: toIsoDate(tr.mechanism.contractEffectiveOn),
            filedOn: toIsoDate(tr.mechanism.filedOn),
            approvedOn: toIsoDate(tr.mechanism.approvedOn),
            reference: text(tr.mechanism.reference),
          }
        : null,
      note: text(tr.note),
    })),
    consents: (v.consents ?? []).map((c) => ({
      case: c.case as ConsentCase,
      method: trimmed(c.method),
      evidence: text(c.evidence),
      since: toIsoDate(c.since),
    })),
    automatedDecisionMaking: v.automatedDecisionMaking ?? false,
    publicDisclosure: v.publicDisclosure ?? false,
    publicCameraImages: v.publicCameraImages ?? false,
    otherMajorImpact: text(v.otherMajorImpact),
    faceRecognition: v.faceEnabled
      ? {
          storedIndividuals: face.storedIndividuals ?? 0,
          reachedThresholdOn: toIsoDate(face.reachedThresholdOn),
          filedOn: toIsoDate(face.filedOn),
          filingReference: text(face.filingReference),
          changedOn: toIsoDate(face.changedOn),
          changeFiledOn: toIsoDate(face.changeFiledOn),
          stoppedOn: toIsoDate(face.stoppedOn),
          deregisteredOn: toIsoDate(face.deregisteredOn),
          storedOnDevice: face.storedOnDevice ?? false,
          alternativeOffered: face.alternativeOffered ?? false,
        }
      : null,
    privacyNoticeVersion: text(v.privacyNoticeVersion),
    owner: text(v.owner),
    note: text(v.note),
  };
}

/** An activity as form values (for editing, and after 载入最新内容). */
export function toActivityForm(a: ActivityView): ActivityFormValues {
  const f = a.faceRecognition;
  return {
    code: a.code,
    name: a.name,
    purpose: a.purpose,
    legalBases: [...a.legalBases],
    dataCategories: [...a.dataCategories],
    dataSubjects: [...a.dataSubjects],
    individuals: a.individuals,
    sensitiveIndividuals: a.sensitiveIndividuals,
    minorsUnder14: a.minorsUnder14,
    retention: a.retention,
    retentionMonths: a.retentionMonths ?? null,
    deletion: a.deletion ?? '',
    systemIds: [...a.systemIds],
    recipients: a.recipients.map((r) => ({
      key: r.key,
      relationship: r.relationship,
      name: r.name,
      country: r.country,
      contact: r.contact ?? '',
      purpose: r.purpose ?? '',
      dataCategories: [...r.dataCategories],
    })),
    transfers: a.transfers.map((tr) => ({
      key: tr.key,
      recipientKey: tr.recipientKey,
      exemption: tr.exemption ?? null,
      importantData: tr.importantData,
      mechanism: tr.mechanism
        ? {
            kind: tr.mechanism.kind,
            contractEffectiveOn: fromIsoDate(tr.mechanism.contractEffectiveOn),
            filedOn: fromIsoDate(tr.mechanism.filedOn),
            approvedOn: fromIsoDate(tr.mechanism.approvedOn),
            reference: tr.mechanism.reference ?? '',
          }
        : { kind: null },
      note: tr.note ?? '',
    })),
    consents: a.consents.map((c) => ({
      case: c.case,
      method: c.method,
      evidence: c.evidence ?? '',
      since: fromIsoDate(c.since),
    })),
    automatedDecisionMaking: a.automatedDecisionMaking,
    publicDisclosure: a.publicDisclosure,
    publicCameraImages: a.publicCameraImages,
    otherMajorImpact: a.otherMajorImpact ?? '',
    faceEnabled: !!f,
    faceRecognition: f
      ? {
          storedIndividuals: f.storedIndividuals,
          reachedThresholdOn: fromIsoDate(f.reachedThresholdOn),
          filedOn: fromIsoDate(f.filedOn),
          filingReference: f.filingReference ?? '',
          changedOn: fromIsoDate(f.changedOn),
          changeFiledOn: fromIsoDate(f.changeFiledOn),
          stoppedOn: fromIsoDate(f.stoppedOn),
          deregisteredOn: fromIsoDate(f.deregisteredOn),
          storedOnDevice: f.storedOnDevice,
          alternativeOffered: f.alternativeOffered,
        }
      : { storedIndividuals: 0, storedOnDevice: false, alternativeOffered: false },
    privacyNoticeVersion: a.privacyNoticeVersion ?? undefined,
    owner: a.owner ?? '',
    note: a.note ?? '',
  };
}

export const EMPTY_ACTIVITY: ActivityFormValues = {
  legalBases: [],
  dataCategories: [],
  dataSubjects: [],
  systemIds: [],
  recipients: [],
  transfers: [],
  consents: [],
  sensitiveIndividuals: 0,
  minorsUnder14: 0,
  automatedDecisionMaking: false,
  publicDisclosure: false,
  publicCameraImages: false,
  faceEnabled: false,
  faceRecognition: { storedIndividuals: 0, storedOnDevice: false, alternativeOffered: false },
};
