/**
 * The personal-information engines run over a register: the sensitive-information classifier
 * with the PIPIA triggers (Art. 55), the cross-border paths (2024 Provisions) and the duties.
 * The same functions serve the server (the stored register, via storedFacts) and the CLI (a
 * file, no store); dates are arguments, the calendar is the shipped China calendar.
 */
import { shippedFtzLists } from '../../catalogs/ftz-negative-lists';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import type { IsoDate } from '../../domain/calendar';
import type { Citation } from '../../domain/citation';
import { crossBorderPaths } from '../../domain/privacy/cross-border';
import { privacyDuties } from '../../domain/privacy/duties';
import {
  pipiaTriggers,
  type PipiaClassification,
  type PipiaTrigger,
} from '../../domain/privacy/pipia-triggers';
import type { PiplClassHit } from '../../domain/privacy/sensitive';
import type {
  CrossBorderResult,
  PrivacyDuty,
  ProcessingActivityFacts,
} from '../../domain/privacy/types';
import type { PrivacyRegisterFile } from '../../shared/privacy-schemas';
import { NotFoundError, ValidationError } from '../../errors';
import { PIPL_IN_FORCE } from '../../domain/privacy/pipia-triggers';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { classify } from './categories';
import { privacyFacts, type FactsOptions, type PrivacyFacts } from './facts';
import { storedFacts } from './file';
import { penaltyEntries, type PenaltyEntry } from './penalties';
import { withDataSecurityRecords } from '../data-security/pi-audits/queries';

/** Labels citations (knowledge base): a CitationDto keeps instrumentId and provisionId. */
export type Label = (c: Citation) => Citation;
const asIs: Label = (c) => c;
/** The server's labeller as a Label (a CitationDto's null provision stays absent). */
const labelWith =
  (ctx: Pick<AppContext, 'labelCitation'>): Label =>
  (c) => {
    const dto = ctx.labelCitation(c);
    return { ...dto, provisionId: dto.provisionId ?? undefined } as Citation;
  };

export interface ActivityClassification {
  readonly activityId: string;
  readonly code: string;
  readonly name: string;
  /** Sensitive personal information under PIPL Art. 28. */
  readonly sensitive: boolean;
  readonly piplClasses: readonly PiplClassHit[];
  readonly gbt35273Only: readonly string[];
  readonly minorsUnder14: boolean;
  readonly unknownCategories: readonly string[];
  readonly reasonsZh: readonly string[];
  readonly reasonsEn: readonly string[];
  readonly citations: readonly Citation[];
  /** Whether an impact assessment is required before processing (any trigger). */
  readonly pipiaRequired: boolean;
  readonly triggers: readonly PipiaTrigger[];
}

export interface PrivacyDutyView extends PrivacyDuty {
  /** The penalty provisions the duty risks, from the penalties catalog. */
  readonly penalties: readonly PenaltyEntry[];
}

export interface PrivacyDutiesView {
  readonly asOf: IsoDate;
  readonly duties: readonly PrivacyDutyView[];
}

type FileActivity = PrivacyRegisterFile['activities'][number];

/** The classifier's answer per activity id, for the engines that take `classify`. */
function classifier(file: PrivacyRegisterFile) {
  const byCode = new Map(file.activities.map((a) => [a.code, a]));
  const cache = new Map<string, PipiaClassification>();
  return (activity: ProcessingActivityFacts): PipiaClassification => {
    let hit = cache.get(activity.id);
    if (!hit) {
      const a = byCode.get(activity.code);
      const c = classify({
        dataCategories: activity.dataCategories,
        dataSubjects: a?.dataSubjects ?? [],
        minorsUnder14: activity.minorsUnder14,
      });
      hit = { sensitive: c.sensitive, minorsUnder14: c.minorsUnder14 };
      cache.set(activity.id, hit);
    }
    return hit;
  };
}

/** Classification and PIPIA triggers of every activity of a register file. */
export function classifyRegister(
  file: PrivacyRegisterFile,
  options: FactsOptions & { asOf?: IsoDate; label?: Label } = {},
  facts: PrivacyFacts = privacyFacts(file, options),
): ActivityClassification[] {
  const label = options.label ?? asIs;
  const byCode = new Map<string, FileActivity>(file.activities.map((a) => [a.code, a]));
  return facts.activities.map((activity) => {
    const a = byCode.get(activity.code)!;
    const c = classify({
      dataCategories: a.dataCategories,
      dataSubjects: a.dataSubjects,
      minorsUnder14: a.minorsUnder14,
    });
    const triggers = pipiaTriggers(
      activity,
      { sensitive: c.sensitive, minorsUnder14: c.minorsUnder14 },
      options.asOf ? { asOf: options.asOf } : {},
    );
    return {
      activityId: activity.id,
      code: activity.code,
      name: activity.name,
      sensitive: c.sensitive,
      piplClasses: c.piplClasses.map((h) => ({ ...h, citation: label(h.citation) })),
      gbt35273Only: c.gbt35273Only,
      minorsUnder14: c.minorsUnder14,
      unknownCategories: c.unknownCategories,
      reasonsZh: c.reasonsZh,
      reasonsEn: c.reasonsEn,
      citations: c.citations.map(label),
      pipiaRequired: triggers.length > 0,
      triggers: triggers.map((t) => ({ ...t, citation: label(t.citation) })),
    };
  });
}

/** The cross-border paths of a register file on `asOf`. */
export function pathsOfRegister(
  file: PrivacyRegisterFile,
  asOf: IsoDate,
  options: FactsOptions & { label?: Label } = {},
  facts: PrivacyFacts = privacyFacts(file, options),
): CrossBorderResult {
  refuseBeforePipl(asOf);
  const label = options.label ?? asIs;
  const result = crossBorderPaths(facts.organisation, facts.transfers, asOf, {
    calendar: shippedHolidayCalendar(),
    ftzLists: shippedFtzLists(),
  });
  return {
    ...result,
    regime: { ...result.regime, citations: result.regime.citations.map(label) },
    paths: result.paths.map((p) => ({ ...p, decidedBy: p.decidedBy.map(label) })),
    duties: result.duties.map((d) => ({ ...d, citations: d.citations.map(label) })),
  };
}

/** The duties of a register file on `asOf`, each with the penalties it risks. */
export function dutiesOfRegister(
  file: PrivacyRegisterFile,
  asOf: IsoDate,
  options: FactsOptions & {
    organisationName?: string;
    organisationId?: string;
    label?: Label;
  } = {},
  facts: PrivacyFacts = privacyFacts(file, options),
): PrivacyDutiesView {
  const label = options.label ?? asIs;
  refuseBeforePipl(asOf);
  const calendar = shippedHolidayCalendar();
  // Consent and PIPIA of a transfer are listed once, on the activity (privacyDuties).
  const crossBorder = crossBorderPaths(facts.organisation, facts.transfers, asOf, {
    calendar,
    piplDuties: false,
    ftzLists: shippedFtzLists(),
  });
  const duties = privacyDuties(
    {
      ...facts.organisation,
      ...(options.organisationId ? { id: options.organisationId } : {}),
      ...(options.organisationName ? { name: options.organisationName } : {}),
      protectionOfficer: file.profile?.protectionOfficer ?? null,
      dataSecurityOfficer: file.profile?.dataSecurityOfficer ?? null,
      lastComplianceAuditOn: file.profile?.lastComplianceAuditOn ?? null,
    },
    facts.activities,
    facts.transfers,
    asOf,
    { calendar, classify: classifier(file), crossBorder },
  );
  return {
    asOf,
    duties: duties.map((d) => ({
      ...d,
      citations: d.citations.map(label),
      penalties: penaltyEntries(d.penaltyIds, asOf),
    })),
  };
}

/** The engines answer from PIPL's entry into force (2021-11-01); an earlier date is refused. */
function refuseBeforePipl(asOf: IsoDate): void {
  if (asOf < PIPL_IN_FORCE)
    throw new ValidationError('the date is before PIPL entered into force', [
      {
        path: 'asOf',
        message: `${asOf} is before ${PIPL_IN_FORCE}, when PIPL entered into force`,
      },
    ]);
}

// --- over the store -----------------------------------------------------------------------------

export async function pathsQuery(
  ctx: AppContext,
  within: OrgScope,
  asOf: IsoDate,
): Promise<CrossBorderResult> {
  const { file, facts } = await storedFacts(ctx, within);
  return pathsOfRegister(file, asOf, { label: labelWith(ctx) }, facts);
}

export async function dutiesQuery(
  ctx: AppContext,
  within: OrgScope,
  asOf: IsoDate,
): Promise<PrivacyDutiesView> {
  const { organisationId } = inScope(within);
  const { file, facts } = await storedFacts(ctx, within);
  const org = await ctx.store.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  // The PI compliance audits and the data security officer recorded under data security count too.
  return dutiesOfRegister(
    await withDataSecurityRecords(ctx, organisationId, file, asOf),
    asOf,
    {
      organisationId,
      ...(org ? { organisationName: org.name } : {}),
      label: labelWith(ctx),
    },
    facts,
  );
}

/** Classification and PIPIA triggers of every activity of the stored register (by code). */
export async function classificationsQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<ActivityClassification[]> {
  const { file, facts } = await storedFacts(ctx, within);
  return classifyRegister(file, { label: labelWith(ctx) }, facts);
}

export async function classificationQuery(
  ctx: AppContext,
  within: OrgScope,
  activityId: string,
): Promise<ActivityClassification> {
  const { file, facts } = await storedFacts(ctx, within);
  const found = classifyRegister(file, { label: labelWith(ctx) }, facts).find(
    (c) => c.activityId === activityId,
  );
  if (!found) throw new NotFoundError('processing activity', activityId);
  return found;
}
