/**
 * DataSecurityOrganisationFacts from what the organisation recorded: the inventory (grades,
 * cross-border flags, declaration dates), the data-security profile, the provisions of
 * important data, the annual risk assessments, the PI compliance audits and the processing
 * register (total individuals, CII operator, outbound transfers marked as carrying important
 * data). One pure builder serves the store (queries.ts) and the CLI (a data-inventory file).
 */
import type { IsoDate } from '../../../domain/calendar';
import type { DataSecurityOrganisationFacts } from '../../../domain/data-security/types';
import type {
  DataGrade,
  DataSecurityProfile,
  ImportantDataProvision,
  PiAuditKind,
} from '../../../shared/data-security-schemas';

export interface RecordedResource {
  readonly code: string;
  readonly name: string;
  readonly grade: DataGrade;
  readonly crossBorder: boolean;
  readonly declaredOn: IsoDate | null;
  readonly individuals: number;
  readonly privacyActivityCodes: readonly string[];
}

export interface RecordedTransfer {
  readonly id: string;
  readonly name: string;
  /** Code of the processing activity the transfer belongs to. */
  readonly activityCode: string;
  /** The day the CAC security assessment was passed (mechanism security_assessment), or null. */
  readonly assessmentApprovedOn: IsoDate | null;
}

export interface RecordedDataSecurity {
  readonly id: string;
  readonly name: string;
  readonly isCiiOperator: boolean;
  readonly resources: readonly RecordedResource[];
  readonly profile: DataSecurityProfile | null;
  readonly provisions: readonly ImportantDataProvision[];
  readonly riskAssessments: DataSecurityOrganisationFacts['riskAssessments'];
  readonly piAudits: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: PiAuditKind;
    readonly completedOn: IsoDate | null;
    readonly orderedDeadline: IsoDate | null;
  }[];
  /** The register profile's total; null when not recorded. */
  readonly totalIndividuals: number | null;
  readonly importantDataTransfers: readonly RecordedTransfer[];
}

/**
 * The facts the duty rules read. Total individuals: the register's figure, or else the largest
 * resource's count (a lower bound: the organisation processes at least that many); null when
 * neither is known.
 */
export function dataSecurityFacts(r: RecordedDataSecurity): DataSecurityOrganisationFacts {
  const p = r.profile;
  const important = r.resources.filter((x) => x.grade === 'important');
  const core = r.resources.filter((x) => x.grade === 'core');
  const largest = r.resources.reduce((m, x) => Math.max(m, x.individuals), 0);
  const resourcesOfActivity = new Map<string, string[]>();
  for (const x of r.resources)
    for (const a of x.privacyActivityCodes) {
      const list = resourcesOfActivity.get(a) ?? [];
      list.push(x.code);
      resourcesOfActivity.set(a, list);
    }
  return {
    id: r.id,
    name: r.name,
    isCiiOperator:
      p?.operatorKind === 'cii_operator' || ((p?.operatorKind ?? null) === null && r.isCiiOperator),
    importantResources: important.map((x) => ({
      code: x.code,
      name: x.name,
      crossBorder: x.crossBorder,
      declaredOn: x.declaredOn,
    })),
    coreResources: core.map((x) => ({
      code: x.code,
      name: x.name,
      crossBorder: x.crossBorder,
      declaredOn: x.declaredOn,
    })),
    totalIndividuals: r.totalIndividuals ?? (largest > 0 ? largest : null),
    anyCrossBorder: r.resources.some((x) => x.crossBorder),
    importantDataDeclaredOn: p?.importantDataDeclaredOn ?? null,
    dataSecurityOfficer: p?.dataSecurityOfficer ?? null,
    dataSecurityOfficerAppointedOn: p?.dataSecurityOfficerAppointedOn ?? null,
    managementBody: p?.managementBody ?? null,
    managementBodyEstablishedOn: p?.managementBodyEstablishedOn ?? null,
    registeredUsers: p?.registeredUsers ?? null,
    monthlyActiveUsers: p?.monthlyActiveUsers ?? null,
    majorImpactPlatform: p?.majorImpactPlatform ?? null,
    lastSocialResponsibilityReportOn: p?.lastSocialResponsibilityReportOn ?? null,
    reorganisation: p?.reorganisation
      ? {
          kind: p.reorganisation.kind,
          on: p.reorganisation.on,
          disposalPlanReportedOn: p.reorganisation.disposalPlanReportedOn ?? null,
        }
      : null,
    provisions: r.provisions.map((x) => ({
      code: x.code,
      kind: x.kind,
      recipient: x.recipient,
      startsOn: x.startsOn,
      riskAssessedOn: x.riskAssessedOn ?? null,
      statutoryDuty: x.statutoryDuty,
    })),
    riskAssessments: r.riskAssessments,
    importantDataTransfers: r.importantDataTransfers.map((t) => ({
      id: t.id,
      name: t.name,
      assessmentApprovedOn: t.assessmentApprovedOn,
      resourceCodes: resourcesOfActivity.get(t.activityCode) ?? [],
    })),
    piAudits: r.piAudits,
  };
}
