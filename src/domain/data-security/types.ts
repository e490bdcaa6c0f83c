/**
 * Facts and results of the data-security engines (src/domain/data-security): what the inventory,
 * the profile and the incident register tell the rules, the catalog data the rules read, and
 * what they answer. Pure data; the app layer builds the facts from the store, the CLI from a file.
 */
import type { Citation, Provenance } from '../citation';
import type { IsoDate } from '../calendar';
import type { ObligationState, EventDeadline } from '../obligations/types';
import type {
  DataGrade,
  HarmLevel,
  ImpactObject,
  ImpactJudgement,
  IncidentGrade,
  IncidentMeasures,
  OperatorKind,
  ReportRecipient,
} from '../../shared/data-security-schemas';

// ——— Classification catalog (src/catalogs/data-classification) ———

/** GB/T 43697-2024 grading rule: impact object × harm degree → grade. */
export interface GradeRule {
  readonly object: ImpactObject;
  readonly degree: HarmLevel;
  readonly grade: DataGrade;
  /** How sure we are of this cell of the table (optional; the catalog loader always sets it). */
  readonly provenance?: Provenance;
}

/** One entry of a published sector catalogue (or the standard's own examples). */
export interface CatalogueEntry {
  /** Unique within its catalogue; referenced as `<catalogueId>/<id>`. */
  readonly id: string;
  readonly catalogueId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** What the entry covers, in our words. */
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  readonly grade: DataGrade;
  /** The sector scheme's own level (e.g. GB/T 39725 第3级), where it has one. */
  readonly sectorLevel: string | null;
  /** Words that suggest the entry in a resource's name or description (zh and en). */
  readonly keywords: readonly string[];
  /** Personal-information category codes that suggest it. */
  readonly piCategories: readonly string[];
  /** A count threshold that makes it apply (e.g. PI of more than 100,000 people), with its meaning. */
  readonly threshold: { readonly individuals: number; readonly inclusive: boolean } | null;
  readonly citation: Citation;
  /** How sure we are of the entry's grade and wording (optional; defaults to the catalogue's). */
  readonly provenance?: Provenance;
}

export interface SectorCatalogue {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** Sector keys it applies to (health, automotive, industry, finance, telecom …). */
  readonly sectors: readonly string[];
  readonly instrumentId: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
  readonly provenance: Provenance;
  /** How we read the catalogue against GB/T 43697-2024 (optional). */
  readonly noteZh?: string;
  readonly noteEn?: string;
  readonly entries: readonly CatalogueEntry[];
}

export interface ClassificationCatalog {
  readonly version: string;
  readonly gradeRules: readonly GradeRule[];
  readonly sectors: readonly {
    readonly key: string;
    readonly nameZh: string;
    readonly nameEn: string;
  }[];
  readonly catalogues: readonly SectorCatalogue[];
  /** Changelog (newest first) and SHA-256 of the parsed data (optional; set by the loader). */
  readonly changelog?: readonly {
    readonly version: string;
    readonly date: string;
    readonly changes: string;
  }[];
  readonly sourceHash?: string;
}

// ——— Classification ———

/** What the rules know about one data resource. */
export interface DataResourceFacts {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly description: string | null;
  readonly sector: string | null;
  readonly individuals: number;
  readonly piCategories: readonly string[];
  /** `<catalogueId>/<entryId>` the owner chose, or null. */
  readonly catalogueEntry: string | null;
  readonly impacts: readonly ImpactJudgement[];
  readonly declaredGrade: DataGrade | null;
  readonly declaredOn: IsoDate | null;
  readonly crossBorder: boolean;
}

export interface Classification {
  readonly grade: DataGrade;
  readonly decidedBy: 'declaration' | 'catalogue' | 'impact' | 'default';
  readonly catalogueEntry: CatalogueEntry | null;
  readonly personalInformation: 'none' | 'general' | 'sensitive';
  readonly reasonsZh: readonly string[];
  readonly reasonsEn: readonly string[];
  readonly citations: readonly Citation[];
  readonly provisional: boolean;
}

// ——— Important-data and organisation duties ———

/** What the duty rules know about one organisation's data security on a date. */
export interface DataSecurityOrganisationFacts {
  readonly id: string;
  readonly name: string;
  readonly isCiiOperator: boolean;
  /** Grades of its data resources (counts per grade) and the codes of important/core ones. */
  readonly importantResources: readonly {
    readonly code: string;
    readonly name: string;
    readonly crossBorder: boolean;
    readonly declaredOn: IsoDate | null;
  }[];
  readonly coreResources: readonly {
    readonly code: string;
    readonly name: string;
    readonly crossBorder?: boolean;
    readonly declaredOn?: IsoDate | null;
  }[];
  readonly totalIndividuals: number | null;
  /** Any resource of the inventory (whatever its grade) is sent abroad (NDS Art. 45 for large platforms). */
  readonly anyCrossBorder?: boolean;
  readonly importantDataDeclaredOn: IsoDate | null;
  readonly dataSecurityOfficer: string | null;
  readonly dataSecurityOfficerAppointedOn: IsoDate | null;
  readonly managementBody: string | null;
  readonly managementBodyEstablishedOn: IsoDate | null;
  readonly registeredUsers: number | null;
  readonly monthlyActiveUsers: number | null;
  readonly majorImpactPlatform: boolean | null;
  readonly lastSocialResponsibilityReportOn: IsoDate | null;
  readonly reorganisation: {
    readonly kind: string;
    readonly on: IsoDate;
    readonly disposalPlanReportedOn: IsoDate | null;
  } | null;
  /** Provisions of important data (NDS Art. 31) with their prior risk assessments. */
  readonly provisions: readonly {
    readonly code: string;
    readonly kind: 'provide' | 'entrust' | 'joint';
    readonly recipient: string;
    readonly startsOn: IsoDate;
    readonly riskAssessedOn: IsoDate | null;
    readonly statutoryDuty: boolean;
  }[];
  /** Annual data-security risk assessments: year, completed and reported dates. */
  readonly riskAssessments: readonly {
    readonly year: number;
    readonly completedOn: IsoDate | null;
    readonly reportedOn: IsoDate | null;
  }[];
  /** Outbound transfers of important data and whether a security assessment covers them. */
  readonly importantDataTransfers: readonly {
    readonly id: string;
    readonly name: string;
    readonly assessmentApprovedOn: IsoDate | null;
    /** Inventory resources the transfer carries (via the resources' privacyActivityCodes); absent: none known. */
    readonly resourceCodes?: readonly string[];
  }[];
  /** PI compliance audits: completed dates; regulator-ordered audits with their deadlines. */
  readonly piAudits: readonly {
    readonly kind: 'self' | 'external' | 'regulator_ordered';
    readonly completedOn: IsoDate | null;
    readonly orderedDeadline: IsoDate | null;
    readonly title: string;
    readonly id: string;
  }[];
}

/** A data-security duty of an organisation (same shape as PrivacyDuty; subject kinds differ). */
export interface DataSecurityDuty {
  readonly ruleId: string;
  readonly subject: {
    readonly kind:
      'organisation' | 'resource' | 'provision' | 'transfer' | 'risk_assessment' | 'pi_audit';
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
  readonly penaltyIds: readonly string[];
}

// ——— Incident grading (src/catalogs/incident-grading) and reporting ———

/** A quantitative or qualitative criterion of the grading guide. */
export interface IncidentCriterion {
  readonly id: string;
  readonly grade: IncidentGrade;
  readonly textZh: string;
  readonly textEn: string;
  /** The measure it reads and its threshold (以上: inclusive), or null for a qualitative one. */
  readonly measure: { readonly key: keyof IncidentMeasures; readonly atLeast: number } | null;
  /** `final-2025` (annex of the 2025 Measures) or `draft-2023` (the 2023 draft annex). */
  readonly source: 'final-2025' | 'draft-2023';
  readonly provenance: Provenance;
}

export interface IncidentFacts {
  readonly id: string;
  readonly foundAt: string;
  readonly grade: IncidentGrade | null;
  readonly measures: IncidentMeasures;
  readonly criteriaMet: readonly string[];
  readonly involvesCii: boolean;
  readonly operatorKind: OperatorKind;
  readonly piIncident: {
    readonly individuals: number;
    readonly notifiedAt: string | null;
    readonly notificationNotRequiredReason: string | null;
  } | null;
  readonly reports: readonly {
    readonly kind: 'initial' | 'follow_up' | 'closing';
    readonly recipient: ReportRecipient;
    readonly submittedAt: string;
  }[];
  readonly handledAt: string | null;
}
