/**
 * Facts and results of the personal-information engines (src/domain/privacy): what the
 * register tells the rules, and what the rules answer. Pure data; the app layer builds the
 * facts from the store, the CLI from a file.
 */
import type { Citation, Provenance } from '../citation';
import type { IsoDate } from '../calendar';
import type { ObligationState, EventDeadline } from '../obligations/types';
import type {
  ConsentCase,
  ExemptionGround,
  LegalBasis,
  MechanismRecord,
  RecipientRelationship,
} from '../../shared/privacy-schemas';

/** Organisation-wide facts. */
export interface PrivacyOrganisationFacts {
  readonly isCiiOperator: boolean;
  /** Individuals whose personal information it processes in total; null when unknown. */
  readonly totalIndividuals: number | null;
}

export interface TransferBatchFacts {
  readonly transferredOn: IsoDate;
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
}

/** One outbound transfer (to one recipient abroad) with its batches. */
export interface OutboundTransferFacts {
  /** Stable id (store id, or `<activity code>/<transfer key>` from a file). */
  readonly id: string;
  readonly activityId: string;
  readonly activityName: string;
  readonly recipientName: string;
  readonly country: string;
  readonly exemption: ExemptionGround | null;
  readonly importantData: boolean;
  /** False only when the transfer carries no personal information at all. */
  readonly containsPersonalInformation: boolean;
  /** Whether the activity's categories include sensitive personal information. */
  readonly sensitive: boolean;
  readonly mechanism: MechanismRecord | null;
  readonly batches: readonly TransferBatchFacts[];
}

export interface FaceRecognitionFacts {
  readonly storedIndividuals: number;
  readonly reachedThresholdOn: IsoDate | null;
  readonly filedOn: IsoDate | null;
  readonly changedOn: IsoDate | null;
  readonly changeFiledOn: IsoDate | null;
  readonly stoppedOn: IsoDate | null;
  readonly deregisteredOn: IsoDate | null;
  readonly storedOnDevice: boolean;
  readonly alternativeOffered: boolean;
}

/** What the rules know about one processing activity. */
export interface ProcessingActivityFacts {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly legalBases: readonly LegalBasis[];
  readonly dataCategories: readonly string[];
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly minorsUnder14: number;
  readonly recipients: readonly {
    readonly relationship: RecipientRelationship;
    readonly country: string;
  }[];
  readonly consents: readonly ConsentCase[];
  readonly automatedDecisionMaking: boolean;
  readonly publicDisclosure: boolean;
  readonly publicCameraImages: boolean;
  readonly otherMajorImpact: string | null;
  readonly faceRecognition: FaceRecognitionFacts | null;
  /** Approved PIPIAs covering this activity: approval dates. */
  readonly pipiaApprovedOn: readonly IsoDate[];
}

/** Which path a transfer abroad needs on a date. */
export type CrossBorderPath =
  | 'security_assessment'
  | 'standard_contract_or_certification'
  | 'exempt'
  /** Before 2022-09-01 / 2023-06-01: a PIPL Art. 38 mechanism with no thresholds in force. */
  | 'art38_mechanism';

/** The cumulative counts a decision used. */
export interface CrossBorderCounts {
  /** First day counted ("自当年1月1日起" = 1 Jan of the as-of year; 2022 Measures: of the year before). */
  readonly countedFrom: IsoDate;
  readonly countedTo: IsoDate;
  /** Individuals' non-sensitive personal information sent, exempt batches left out. */
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  /** Batches left out of the counts because their transfer is exempt. */
  readonly exemptBatches: number;
}

export interface TransferPath {
  readonly transferId: string;
  readonly path: CrossBorderPath;
  readonly exemption: ExemptionGround | null;
  /** The article(s) that decided, first the deciding one. */
  readonly decidedBy: readonly Citation[];
  /** Says which article and which count decided (e.g. "敏感个人信息累计 10,000 人，达到…"). */
  readonly explanationZh: string;
  readonly explanationEn: string;
  /** Whether the mechanism on record satisfies the path. */
  readonly mechanismSatisfies: boolean;
}

export interface CrossBorderRegime {
  /** `pipl-2021` | `cac-2022` | `cac-2024` (which instruments set the thresholds on the date). */
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly inForceFrom: IsoDate;
  readonly inForceTo: IsoDate | null;
  readonly citations: readonly Citation[];
}

/** A duty about personal information, with its subject (organisation, activity, transfer, PIPIA). */
export interface PrivacyDuty {
  readonly ruleId: string;
  readonly subject: {
    readonly kind: 'organisation' | 'activity' | 'transfer' | 'pipia';
    readonly id: string;
    readonly name: string;
  };
  readonly titleZh: string;
  readonly titleEn: string;
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly Citation[];
  readonly dueDate: IsoDate | null;
  readonly eventDeadline: EventDeadline | null;
  readonly state: ObligationState;
  readonly provenance: Provenance;
  /** Ids of the penalty provisions (src/catalogs/penalties) a breach of this duty risks. */
  readonly penaltyIds: readonly string[];
}

export interface CrossBorderResult {
  readonly asOf: IsoDate;
  readonly regime: CrossBorderRegime;
  readonly counts: CrossBorderCounts;
  readonly paths: readonly TransferPath[];
  readonly duties: readonly PrivacyDuty[];
}
