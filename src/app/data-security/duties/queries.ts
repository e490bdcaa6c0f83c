/**
 * The organisation's data-security duties on a date (src/domain/data-security/duties.ts) with
 * the penalties each risks, over the store or over a data-inventory file (the CLI), plus the PI
 * compliance-audit cycle the register's figures put it on.
 */
import type { Kysely } from 'kysely';
import { shippedHolidayCalendar } from '../../../catalogs/holiday-calendar';
import type { IsoDate } from '../../../domain/calendar';
import type { Citation } from '../../../domain/citation';
import { dataSecurityDuties, DSL_IN_FORCE } from '../../../domain/data-security/duties';
import {
  lastCompletedPiAudit,
  nextPiAuditDue,
  piAuditCycle,
} from '../../../domain/data-security/pi-audits';
import type {
  DataSecurityDuty,
  DataSecurityOrganisationFacts,
} from '../../../domain/data-security/types';
import { ValidationError } from '../../../errors';
import type {
  DataGrade,
  DataInventoryFile,
  PiAuditKind,
} from '../../../shared/data-security-schemas';
import type { Database } from '../../../store/schema';
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { storedFacts } from '../../privacy/file';
import { classifyInventoryFile } from '../inventory/classify-file';
import { penaltyEntries, type PenaltyEntry } from '../../privacy/penalties';
import { decryptDataSecurityProfile, getDataSecurityProfileRow } from '../profile/model';
import { decryptProvision, listProvisionRows } from '../provisions/model';
import { decryptPiAudit, listPiAuditRows } from '../pi-audits/model';
import { dataSecurityFacts, type RecordedResource } from './facts';

export interface DataSecurityDutyView extends DataSecurityDuty {
  readonly penalties: readonly PenaltyEntry[];
}

/** Where the organisation stands on the PI compliance-audit cycle (the duty itself is privacy.compliance-audit). */
export interface PiAuditCycleView {
  /** `over-10m` (every 24 months), `regular` (no interval), or null (individuals unknown). */
  readonly cycle: 'over-10m' | 'regular' | null;
  readonly intervalMonths: number | null;
  readonly totalIndividuals: number | null;
  readonly lastCompletedOn: IsoDate | null;
  readonly nextDueOn: IsoDate | null;
}

export interface DataSecurityDutiesView {
  readonly asOf: IsoDate;
  readonly duties: readonly DataSecurityDutyView[];
  readonly piAudit: PiAuditCycleView;
}

export type Label = (c: Citation) => Citation;

function refuseBeforeDsl(asOf: IsoDate): void {
  if (asOf < DSL_IN_FORCE)
    throw new ValidationError('the date is before the Data Security Law entered into force', [
      {
        path: 'asOf',
        message: `${asOf} is before ${DSL_IN_FORCE}, when the Data Security Law entered into force`,
      },
    ]);
}

/** The duties of built facts on `asOf`, each with its penalties (and labelled citations). */
export function dutiesOfFacts(
  facts: DataSecurityOrganisationFacts,
  asOf: IsoDate,
  options: { label?: Label; profileLastAuditOn?: IsoDate | null } = {},
): DataSecurityDutiesView {
  refuseBeforeDsl(asOf);
  const label = options.label ?? ((c: Citation) => c);
  const duties = dataSecurityDuties(facts, asOf, shippedHolidayCalendar());
  const cycle = piAuditCycle(facts.totalIndividuals, asOf);
  const last = lastCompletedPiAudit(facts.piAudits, options.profileLastAuditOn ?? null, asOf);
  return {
    asOf,
    duties: duties.map((d) => ({
      ...d,
      citations: d.citations.map(label),
      penalties: penaltyEntries(d.penaltyIds, asOf),
    })),
    piAudit: {
      cycle: cycle?.id ?? null,
      intervalMonths: cycle?.intervalMonths ?? null,
      totalIndividuals: facts.totalIndividuals,
      lastCompletedOn: last,
      nextDueOn: nextPiAuditDue(facts.totalIndividuals, last, asOf),
    },
  };
}

/** The duties of a data-inventory file (`dengbao data duties <file> --as-of`). */
export function dutiesOfInventoryFile(
  file: DataInventoryFile,
  asOf: IsoDate,
  options: { label?: Label } = {},
): DataSecurityDutiesView {
  refuseBeforeDsl(asOf);
  // Grades as `dengbao data classify` gives them (the inventory's classifier, GB/T 43697-2024).
  const grades = classifyInventoryFile(file).map((c) => c.grade);
  const facts = dataSecurityFacts({
    id: 'organisation',
    name: file.organisation ?? '本单位',
    isCiiOperator: false,
    resources: file.resources.map((r, i) => ({
      code: r.code,
      name: r.name,
      grade: grades[i]!,
      crossBorder: r.crossBorder,
      declaredOn: r.declaredOn ?? null,
      individuals: r.individuals,
      privacyActivityCodes: r.privacyActivityCodes,
    })),
    profile: file.profile ?? null,
    provisions: file.provisions,
    riskAssessments: [],
    piAudits: [],
    totalIndividuals: null,
    importantDataTransfers: [],
  });
  return dutiesOfFacts(facts, asOf, options);
}

// --- over the store -----------------------------------------------------------------------------

/** Resources with the grade kept in clear; cross-border flag, declaration and links decrypted. */
async function recordedResources(
  ctx: Pick<AppContext, 'cipher'>,
  db: Kysely<Database>,
  organisationId: string,
): Promise<RecordedResource[]> {
  const rows = await db
    .selectFrom('data_resources')
    .select(['id', 'code', 'name', 'grade', 'data_enc'])
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
  return rows.map((row) => {
    let content: {
      crossBorder?: boolean;
      declaredOn?: string | null;
      individuals?: number;
      privacyActivityCodes?: string[];
    } = {};
    try {
      content = JSON.parse(
        ctx.cipher.decrypt(row.data_enc, {
          table: 'data_resources',
          column: 'data_enc',
          rowId: row.id,
        }),
      ) as typeof content;
    } catch {
      // The grade in clear still counts; the rest is unknown.
    }
    return {
      code: row.code,
      name: row.name,
      grade: row.grade as DataGrade,
      crossBorder: content.crossBorder === true,
      declaredOn: content.declaredOn ?? null,
      individuals: content.individuals ?? 0,
      privacyActivityCodes: content.privacyActivityCodes ?? [],
    };
  });
}

export async function dataSecurityDutiesQuery(
  ctx: AppContext,
  within: OrgScope,
  asOf: IsoDate,
): Promise<DataSecurityDutiesView> {
  refuseBeforeDsl(asOf);
  const { organisationId } = inScope(within);
  const db = ctx.store.db;
  const [org, resources, profileRow, provisionRows, assessments, auditRows, privacy] =
    await Promise.all([
      db
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', organisationId)
        .executeTakeFirst(),
      recordedResources(ctx, db, organisationId),
      getDataSecurityProfileRow(db, organisationId),
      listProvisionRows(db, organisationId),
      db
        .selectFrom('data_risk_assessments')
        .select(['year', 'completed_on', 'reported_on'])
        .where('organisation_id', '=', organisationId)
        .execute(),
      listPiAuditRows(db, organisationId),
      storedFacts(ctx, organisationId),
    ]);
  const codeOfActivity = new Map([...privacy.idByCode].map(([code, id]) => [id, code]));
  const facts = dataSecurityFacts({
    id: organisationId,
    name: org?.name ?? '本单位',
    isCiiOperator: privacy.facts.organisation.isCiiOperator,
    resources,
    profile: profileRow ? decryptDataSecurityProfile(ctx.cipher, profileRow) : null,
    provisions: provisionRows.map((r) => decryptProvision(ctx.cipher, r)),
    riskAssessments: assessments.map((a) => ({
      year: Number(a.year),
      completedOn: a.completed_on,
      reportedOn: a.reported_on,
    })),
    piAudits: auditRows.map((r) => {
      const a = decryptPiAudit(ctx.cipher, r);
      return {
        id: r.id,
        title: r.title,
        kind: r.kind as PiAuditKind,
        completedOn: r.completed_on,
        orderedDeadline: a.orderedDeadline ?? null,
      };
    }),
    totalIndividuals: privacy.facts.organisation.totalIndividuals,
    importantDataTransfers: privacy.facts.transfers
      .filter((t) => t.importantData)
      .map((t) => ({
        id: t.id,
        name: `${t.activityName} → ${t.recipientName}`,
        activityCode: codeOfActivity.get(t.activityId) ?? t.activityId,
        assessmentApprovedOn:
          t.mechanism?.kind === 'security_assessment' ? (t.mechanism.approvedOn ?? null) : null,
      })),
  });
  const label: Label = (c) => {
    const dto = ctx.labelCitation(c);
    return { ...dto, provisionId: dto.provisionId ?? undefined } as Citation;
  };
  return dutiesOfFacts(facts, asOf, {
    label,
    profileLastAuditOn: privacy.file.profile?.lastComplianceAuditOn ?? null,
  });
}
