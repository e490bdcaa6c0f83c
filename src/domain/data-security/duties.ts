/**
 * The organisation-level data-security duties on a date: those of important-data processors
 * (NDS Regulations Arts. 29–33 and 37; DSL Arts. 27, 30 and 31), those the Regulations extend to
 * processors of the personal information of 10,000,000 individuals or more (Art. 28 → Arts. 30
 * and 32), those of large network platforms (Arts. 44–46, with Art. 33 ¶2) and the compliance
 * audits the authority orders (PIPL Art. 64). States as in the obligations engine (stateOf).
 * Pure: dates, calendar and parameters are arguments.
 *
 * Readings (ours, documented; each a named constant below):
 * - Thresholds: 以上 includes the number (Civil Code Art. 1259).
 * - Art. 28 alone (no important data): the officer and reorganisation duties are listed once, by
 *   the personal-information duties (`privacy.nds-large.*`, src/domain/privacy/duties.ts); here
 *   they appear for important-data processors, and the reorganisation duty also for a
 *   10-million processor once a reorganisation is recorded (it dates what privacy lists as
 *   event-triggered).
 * - "每年度" (Art. 33, Art. 44) sets no day: a year's report is taken to be due by the end of that
 *   calendar year ({@link ANNUAL_REPORT_DUE_MONTH_DAY}); the current year is always listed, an
 *   earlier year (from 2025) only while its report is missing.
 * - Art. 32 sets no day either: the disposal plan is taken to be due by the day the
 *   reorganisation takes effect ({@link REORGANISATION_REPORT_BY}).
 * - Art. 31 "before providing": due on the start day; an assessment dated after the start does
 *   not satisfy it. A provision that fulfils a statutory duty (the exception) or began before
 *   2025-01-01 is not listed.
 * - Art. 37: per important (or core) resource sent abroad; done when every outbound transfer of
 *   the register that carries it (linked through the resource's processing activities) has its
 *   security assessment approved. Transfers not linked to a resource are the cross-border
 *   engine's (privacy duties), not repeated here.
 * - The recurring PI compliance audit is `privacy.compliance-audit` (see pi-audits.ts).
 */
import type { Citation, Provenance } from '../citation';
import type { IsoDate, WorkingDayCalendar } from '../calendar';
import { DUE_SOON_DAYS, stateOf } from '../obligations/evaluate';
import { addCalendarDays } from '../obligations/helpers';
import { EVENT_DEADLINES, type EventDeadline } from '../obligations/types';
import { NDS_LARGE_PROCESSOR_THRESHOLD, NDS_REGULATIONS_IN_FORCE } from '../privacy/duties';
import { DSL, NDS } from './citations';
import { orderedAuditDuties } from './pi-audits';
import type { DataSecurityDuty, DataSecurityOrganisationFacts } from './types';

/** 数据安全法 in force. */
export const DSL_IN_FORCE: IsoDate = '2021-09-01';
/** 网络数据安全管理条例 in force (the privacy module's constant). */
export const NDS_IN_FORCE: IsoDate = NDS_REGULATIONS_IN_FORCE;
/** Art. 28: "处理1000万人以上个人信息" — the privacy module's constant (inclusive). */
export const NDS_ART28_THRESHOLD = NDS_LARGE_PROCESSOR_THRESHOLD;

/** NDS Art. 62(8): 大型网络平台 — 注册用户5000万以上或者月活跃用户1000万以上 (inclusive), plus complex business with major impact. */
export interface LargePlatformThresholds {
  readonly registeredUsersAtLeast: number;
  readonly monthlyActiveUsersAtLeast: number;
  readonly citation: Citation;
  readonly provenance: Provenance;
}
export const LARGE_PLATFORM_THRESHOLDS: LargePlatformThresholds = {
  registeredUsersAtLeast: 50_000_000,
  monthlyActiveUsersAtLeast: 10_000_000,
  citation: NDS.largePlatformDefinition,
  provenance: 'confirmed',
};

/** Our reading of "每年度" (Arts. 33, 44): a year's report by this day of that year. */
export const ANNUAL_REPORT_DUE_MONTH_DAY = '12-31';
export const ANNUAL_REPORT_DUE_PROVENANCE: Provenance = 'derived';
/** Our reading of Art. 32 (no day in the text): the plan by the day the reorganisation takes effect. */
export const REORGANISATION_REPORT_BY = 'effective_day' as const;

export interface DataSecurityDutyParams {
  readonly largePlatform?: LargePlatformThresholds;
  /** `MM-DD` of the year by which an annual report is due (default {@link ANNUAL_REPORT_DUE_MONTH_DAY}). */
  readonly annualReportDueMonthDay?: string;
}

interface Draft {
  readonly ruleId: string;
  readonly subject: DataSecurityDuty['subject'];
  readonly titleZh: string;
  readonly titleEn: string;
  readonly reasonZh: string;
  readonly reasonEn: string;
  readonly citations: readonly Citation[];
  readonly dueDate: IsoDate | null;
  readonly eventDeadline?: EventDeadline | null;
  readonly standing?: boolean;
  readonly satisfied: boolean;
  readonly missingFact?: boolean;
  readonly provenance: Provenance;
  readonly penaltyIds: readonly string[];
}

// One formatter for every number (toLocaleString builds one per call: 10× slower).
const NUMBER = new Intl.NumberFormat('en-US');
const fmt = (n: number) => NUMBER.format(n);
const on = (d: IsoDate | null | undefined, asOf: IsoDate): d is IsoDate => !!d && d <= asOf;

/** Whether the organisation is a large network platform (null: the figures meet it but Art. 62(8)'s second half is not recorded). */
export function isLargePlatform(
  facts: Pick<
    DataSecurityOrganisationFacts,
    'registeredUsers' | 'monthlyActiveUsers' | 'majorImpactPlatform'
  >,
  t: LargePlatformThresholds = LARGE_PLATFORM_THRESHOLDS,
): boolean | null {
  const figures =
    (facts.registeredUsers ?? 0) >= t.registeredUsersAtLeast ||
    (facts.monthlyActiveUsers ?? 0) >= t.monthlyActiveUsersAtLeast;
  if (!figures) return false;
  return facts.majorImpactPlatform ?? null;
}

/**
 * The first year an annual report is asked for: the inventory has no history, so a year before
 * the important data is known to exist (declared, or an assessment on record) is not assumed —
 * an organisation declaring in 2026 is not told its 2025 report is overdue. Never before 2025
 * (NDS Regulations in force 2025-01-01).
 */
function firstReportYear(facts: DataSecurityOrganisationFacts, asOf: IsoDate): number {
  const known = [
    facts.importantDataDeclaredOn,
    ...facts.importantResources.map((r) => r.declaredOn),
    ...facts.riskAssessments.map((r) => `${r.year}-01-01`),
  ].filter((d): d is IsoDate => d !== null && d !== undefined && d <= asOf);
  const first = known.length > 0 ? known.sort()[0]! : asOf;
  return Math.max(Number(NDS_IN_FORCE.slice(0, 4)), Number(first.slice(0, 4)));
}

/**
 * Every data-security duty of one organisation on `asOf` (none before the DSL took effect).
 *
 * @example
 * dataSecurityDuties(facts, '2026-03-01', calendar).filter((d) => d.state === 'overdue')
 */
export function dataSecurityDuties(
  facts: DataSecurityOrganisationFacts,
  asOf: IsoDate,
  // No rule here counts working days today; kept so every duty engine takes the same arguments.
  _calendar: WorkingDayCalendar | null = null,
  params: DataSecurityDutyParams = {},
): DataSecurityDuty[] {
  if (asOf < DSL_IN_FORCE) return [];
  const thresholds = params.largePlatform ?? LARGE_PLATFORM_THRESHOLDS;
  const monthDay = params.annualReportDueMonthDay ?? ANNUAL_REPORT_DUE_MONTH_DAY;
  const nds = asOf >= NDS_IN_FORCE;
  const org = { kind: 'organisation' as const, id: facts.id, name: facts.name };
  const important = [...facts.importantResources, ...facts.coreResources];
  const holder = important.length > 0;
  const largePi =
    nds && facts.totalIndividuals !== null && facts.totalIndividuals >= NDS_ART28_THRESHOLD;
  const codes = (list: readonly { code: string }[]) => list.map((r) => r.code).join('、');
  const codesEn = (list: readonly { code: string }[]) => list.map((r) => r.code).join(', ');
  const whyZh = `持有${important.length}项重要（或核心）数据资源（${codes(important)}），为重要数据的处理者`;
  const whyEn = `holds ${important.length} important (or core) data resource(s) (${codesEn(important)}), so it processes important data`;
  const drafts: Draft[] = [];

  // 1. NDS Art. 29 ¶2: identify and declare important data.
  if (holder && nds) {
    const undeclared = important.filter(
      (r) => !on(facts.importantDataDeclaredOn, asOf) && !on(r.declaredOn ?? null, asOf),
    );
    drafts.push({
      ruleId: 'datasec.important-data.declare',
      subject: org,
      titleZh: '识别、申报重要数据',
      titleEn: 'Identify and declare important data',
      reasonZh:
        undeclared.length === 0
          ? `${whyZh}；${on(facts.importantDataDeclaredOn, asOf) ? `已于${facts.importantDataDeclaredOn}申报` : '各项均已记录申报日期'}。`
          : `${whyZh}：应按照国家有关规定识别、申报重要数据；尚未记录申报的：${codes(undeclared)}（法规未规定期限）。`,
      reasonEn:
        undeclared.length === 0
          ? `The organisation ${whyEn}; ${on(facts.importantDataDeclaredOn, asOf) ? `declared on ${facts.importantDataDeclaredOn}` : 'each has a recorded declaration date'}.`
          : `The organisation ${whyEn}: identify and declare important data as the State prescribes; no declaration recorded for ${codesEn(undeclared)} (no deadline in the text).`,
      citations: [NDS.identifyAndDeclare, DSL.classification],
      dueDate: null,
      satisfied: undeclared.length === 0,
      provenance: 'confirmed',
      penaltyIds: ['nds-57'],
    });
  }

  // 2. DSL Art. 27 ¶2 (from 2021-09-01), NDS Art. 30 (from 2025-01-01): officer and body.
  if (holder) {
    const officer = facts.dataSecurityOfficer?.trim() || null;
    const body = facts.managementBody?.trim() || null;
    const alsoLarge = largePi
      ? `；并且处理${fmt(facts.totalIndividuals!)}人的个人信息（1000万人以上，条例第二十八条）`
      : '';
    const alsoLargeEn = largePi
      ? `; it also processes personal information of ${fmt(facts.totalIndividuals!)} individuals (10,000,000 or more, Art. 28)`
      : '';
    const missingZh = [officer ? null : '网络数据安全负责人', body ? null : '网络数据安全管理机构']
      .filter(Boolean)
      .join('和');
    const missingEn = [officer ? null : 'data security officer', body ? null : 'management body']
      .filter(Boolean)
      .join(' and ');
    drafts.push({
      ruleId: 'datasec.officer-and-body',
      subject: org,
      titleZh: '明确数据安全负责人和管理机构',
      titleEn: 'Name the data security officer and management body',
      reasonZh: `${whyZh}${alsoLarge}：应明确数据安全负责人和管理机构${nds ? '；负责人应由管理层成员担任、具备专业知识和管理经历，有权直接向主管部门报告（条例第三十条第二款）' : ''}。${missingZh ? `尚未登记${missingZh}。` : `已登记：${officer}；${body}。`}`,
      reasonEn: `The organisation ${whyEn}${alsoLargeEn}: name a data security officer and a management body${nds ? '; the officer is a member of management with the expertise and experience, entitled to report directly to the authorities (Art. 30 ¶2)' : ''}. ${missingEn ? `No ${missingEn} recorded.` : 'Both are recorded.'}`,
      citations: nds
        ? [NDS.officerAndBody, DSL.managementDuties, ...(largePi ? [NDS.largeProcessors] : [])]
        : [DSL.managementDuties],
      dueDate: null,
      satisfied: !missingZh,
      provenance: 'confirmed',
      penaltyIds: nds ? ['dsl-45-1', 'nds-57'] : ['dsl-45-1'],
    });
  }

  // 3. NDS Art. 31: risk assessment before providing, entrusting or jointly processing.
  if (holder && nds) {
    const kindZh = { provide: '提供', entrust: '委托处理', joint: '共同处理' } as const;
    const kindEn = { provide: 'provision', entrust: 'entrustment', joint: 'joint processing' };
    for (const p of facts.provisions) {
      if (p.statutoryDuty || p.startsOn < NDS_IN_FORCE) continue;
      const assessed = p.riskAssessedOn;
      const done = on(assessed, asOf) && assessed <= p.startsOn;
      const late = on(assessed, asOf) && assessed > p.startsOn;
      drafts.push({
        ruleId: 'datasec.provision.risk-assessment',
        subject: { kind: 'provision', id: p.code, name: `${kindZh[p.kind]}：${p.recipient}` },
        titleZh: `${kindZh[p.kind]}重要数据前的风险评估`,
        titleEn: `Risk assessment before the ${kindEn[p.kind]} of important data`,
        reasonZh: done
          ? `向${p.recipient}${kindZh[p.kind]}重要数据（${p.startsOn}开始），已于${assessed}完成事前风险评估。`
          : late
            ? `向${p.recipient}${kindZh[p.kind]}重要数据于${p.startsOn}开始，风险评估（${assessed}）晚于开始日期：应在${kindZh[p.kind]}前进行。`
            : `向${p.recipient}${kindZh[p.kind]}重要数据（${p.startsOn}开始）前，应进行风险评估（合法正当必要、数据风险、接收方诚信守法、合同约束、技术和管理措施等）；尚未记录。`,
        reasonEn: done
          ? `${kindEn[p.kind][0]!.toUpperCase()}${kindEn[p.kind].slice(1)} of important data to ${p.recipient} (from ${p.startsOn}); assessed beforehand on ${assessed}.`
          : late
            ? `The ${kindEn[p.kind]} to ${p.recipient} began on ${p.startsOn}; its risk assessment (${assessed}) came after the start and had to precede it.`
            : `Before the ${kindEn[p.kind]} of important data to ${p.recipient} (from ${p.startsOn}) a risk assessment is due (lawfulness and necessity, risks to the data, the recipient's record, the contract, the measures); none is recorded.`,
        citations: [NDS.provisionRiskAssessment],
        dueDate: p.startsOn,
        satisfied: done,
        provenance: 'confirmed',
        penaltyIds: ['nds-57'],
      });
    }
  }

  // 4. DSL Art. 30 (periodic) → NDS Art. 33 (every year, reported to the provincial authority).
  if (holder) {
    const large = isLargePlatform(facts, thresholds) === true;
    if (!nds) {
      const last = facts.riskAssessments
        .map((r) => r.reportedOn)
        .filter((d): d is IsoDate => on(d, asOf))
        .sort()
        .pop();
      drafts.push({
        ruleId: 'datasec.risk-assessment.periodic',
        subject: org,
        titleZh: '定期开展数据安全风险评估并报送报告',
        titleEn: 'Periodic data security risk assessment, reported to the authority',
        reasonZh: `${whyZh}：应按照规定定期开展风险评估并向有关主管部门报送报告（数据安全法未规定频次，持续义务）。${last ? `上次报送${last}。` : ''}`,
        reasonEn: `The organisation ${whyEn}: assess risks periodically and report to the competent department (the DSL sets no interval; a continuing duty).${last ? ` Last reported ${last}.` : ''}`,
        citations: [DSL.riskAssessment],
        dueDate: null,
        standing: true,
        satisfied: false,
        provenance: 'confirmed',
        penaltyIds: ['dsl-45-1'],
      });
    } else {
      const thisYear = Number(asOf.slice(0, 4));
      for (let year = firstReportYear(facts, asOf); year <= thisYear; year++) {
        const reports = facts.riskAssessments.filter(
          (r) => r.year === year && on(r.reportedOn, asOf),
        );
        const done = reports.length > 0;
        if (done && year < thisYear) continue;
        const due = `${year}-${monthDay}`;
        const completed = facts.riskAssessments.find(
          (r) => r.year === year && on(r.completedOn, asOf),
        );
        drafts.push({
          ruleId: 'datasec.risk-assessment.annual',
          subject: {
            kind: 'risk_assessment',
            id: String(year),
            name: `${year}年度数据安全风险评估`,
          },
          titleZh: `${year}年度风险评估并报送省级以上主管部门`,
          titleEn: `${year} risk assessment, reported to the provincial or higher authority`,
          reasonZh: `${whyZh}：应每年度对网络数据处理活动开展风险评估，并向省级以上有关主管部门报送风险评估报告${large ? '；作为大型网络平台，报告还应充分说明关键业务和供应链网络数据安全情况（第三十三条第二款）' : ''}。${done ? `已于${reports[0]!.reportedOn}报送。` : completed ? `已于${completed.completedOn}完成评估，尚未报送。` : '尚无该年度的评估记录。'}条例未规定报送日期，本工具以当年${monthDay.replace('-', '月')}日为期限（本工具的理解）。`,
          reasonEn: `The organisation ${whyEn}: assess its data processing every year and report to the provincial or higher competent department${large ? '; as a large network platform the report also covers key business and supply-chain data security (Art. 33 ¶2)' : ''}. ${done ? `Reported on ${reports[0]!.reportedOn}.` : completed ? `Assessed on ${completed.completedOn}, not yet reported.` : 'No assessment of that year is recorded.'} The Regulations set no day; we take the end of the year (${due}) as the deadline (our reading).`,
          citations: [NDS.annualRiskAssessment, DSL.riskAssessment],
          dueDate: due,
          satisfied: done,
          provenance: ANNUAL_REPORT_DUE_PROVENANCE,
          penaltyIds: ['dsl-45-1'],
        });
      }
    }
  }

  // 5. NDS Art. 32 (Art. 28 for 10 million individuals): disposal plan on reorganisation.
  if (nds && (holder || (largePi && facts.reorganisation))) {
    const r = facts.reorganisation;
    const kindZh: Record<string, string> = {
      merger: '合并',
      division: '分立',
      dissolution: '解散',
      bankruptcy: '破产',
    };
    const basisZh = holder
      ? whyZh
      : `处理${fmt(facts.totalIndividuals ?? 0)}人的个人信息（1000万人以上，第二十八条）`;
    const basisEn = holder
      ? `The organisation ${whyEn}`
      : `The organisation processes personal information of ${fmt(facts.totalIndividuals ?? 0)} individuals (10,000,000 or more, Art. 28)`;
    drafts.push({
      ruleId: 'datasec.reorganisation.disposal-plan',
      subject: org,
      titleZh: '合并、分立、解散、破产时报告数据处置方案',
      titleEn: 'Report the data disposal plan on merger, division, dissolution or bankruptcy',
      reasonZh: r
        ? `${basisZh}；${r.on}${kindZh[r.kind] ?? r.kind}：应采取措施保障数据安全，并向省级以上有关主管部门报告重要数据处置方案、接收方名称和联系方式。${on(r.disposalPlanReportedOn, asOf) ? `已于${r.disposalPlanReportedOn}报告。` : `尚未记录报告；条例未规定期限，本工具以${r.on}（生效日）为期限（本工具的理解）。`}`
        : `${basisZh}：发生合并、分立、解散、破产等可能影响重要数据安全的情况时，应向省级以上有关主管部门报告数据处置方案（事件触发）。`,
      reasonEn: r
        ? `${basisEn}; ${r.kind} on ${r.on}: secure the data and report the disposal plan and the recipient's name and contact to the provincial or higher competent department. ${on(r.disposalPlanReportedOn, asOf) ? `Reported on ${r.disposalPlanReportedOn}.` : `Not reported yet; the Regulations set no day, we take the effective day ${r.on} (our reading).`}`
        : `${basisEn}: on a merger, division, dissolution or bankruptcy that may affect important data, report the disposal plan to the provincial or higher competent department (event-triggered).`,
      citations: holder
        ? [NDS.disposalOnReorganisation]
        : [NDS.largeProcessors, NDS.disposalOnReorganisation],
      dueDate: r ? r.on : null,
      standing: !r,
      satisfied: r ? on(r.disposalPlanReportedOn, asOf) : false,
      provenance: r ? 'derived' : 'confirmed',
      penaltyIds: ['nds-57'],
    });
  }

  // 6. DSL Art. 31 / NDS Art. 37: important data abroad only through the CAC security assessment.
  for (const res of important.filter((r) => r.crossBorder === true)) {
    const linked = facts.importantDataTransfers.filter((t) =>
      (t.resourceCodes ?? []).includes(res.code),
    );
    const approved = linked.filter((t) => on(t.assessmentApprovedOn, asOf));
    const done = linked.length > 0 && approved.length === linked.length;
    drafts.push({
      ruleId: 'datasec.important-data.export',
      subject: { kind: 'resource', id: res.code, name: res.name },
      titleZh: '重要数据出境：通过数据出境安全评估',
      titleEn: 'Important data abroad: pass the CAC security assessment',
      reasonZh: `重要数据资源“${res.name}”（${res.code}）向境外提供：应通过国家网信部门组织的数据出境安全评估${facts.isCiiOperator ? '（关键信息基础设施运营者，适用网络安全法的规定）' : ''}；已申报但未被告知或公开发布为重要数据的，无需作为重要数据申报（条例第三十七条）。${linked.length === 0 ? '处理活动记录中没有涉及该资源的重要数据出境，无法核对评估。' : `涉及的出境${linked.length}项，已通过评估${approved.length}项。`}`,
      reasonEn: `Important data resource "${res.name}" (${res.code}) goes abroad: it needs the CAC security assessment${facts.isCiiOperator ? ' (a CII operator: the Cybersecurity Law rules apply)' : ''}; data declared but not notified or published as important need not be declared as such (Art. 37). ${linked.length === 0 ? 'No outbound transfer of the register is linked to it, so no assessment can be checked.' : `${approved.length} of ${linked.length} linked transfer(s) have an approved assessment.`}`,
      citations: nds
        ? [NDS.importantDataExport, DSL.importantDataExport]
        : [DSL.importantDataExport],
      dueDate: null,
      eventDeadline: EVENT_DEADLINES.beforeTransfer,
      satisfied: done,
      provenance: 'confirmed',
      // DSL Art. 46 (export in breach of Art. 31) is not in the penalties catalog yet.
      penaltyIds: [],
    });
  }

  // 7. Large network platforms (Art. 62(8)): Arts. 44–46.
  if (nds) {
    const large = isLargePlatform(facts, thresholds);
    const figuresZh = `注册用户${fmt(facts.registeredUsers ?? 0)}、月活跃用户${fmt(facts.monthlyActiveUsers ?? 0)}`;
    const figuresEn = `${fmt(facts.registeredUsers ?? 0)} registered and ${fmt(facts.monthlyActiveUsers ?? 0)} monthly active users`;
    if (large === null) {
      drafts.push({
        ruleId: 'datasec.large-platform.social-report',
        subject: org,
        titleZh: '大型网络平台：每年度发布个人信息保护社会责任报告',
        titleEn: 'Large platform: annual personal-information social-responsibility report',
        reasonZh: `${figuresZh}，达到大型网络平台的用户数量（注册用户5000万以上或月活跃用户1000万以上）；是否“业务类型复杂、对国家安全、经济运行、国计民生等具有重要影响”未登记，无法判断。`,
        reasonEn: `${figuresEn}: the user figures of a large network platform are met (50,000,000 registered or 10,000,000 monthly active, inclusive); whether the business is complex with a major impact is not recorded, so it cannot be decided.`,
        citations: [NDS.socialResponsibilityReport, thresholds.citation],
        dueDate: null,
        satisfied: false,
        missingFact: true,
        provenance: thresholds.provenance,
        penaltyIds: [],
      });
    } else if (large) {
      const year = asOf.slice(0, 4);
      const last = on(facts.lastSocialResponsibilityReportOn, asOf)
        ? facts.lastSocialResponsibilityReportOn
        : null;
      const done = last !== null && last.startsWith(year);
      const due = `${year}-${monthDay}`;
      drafts.push({
        ruleId: 'datasec.large-platform.social-report',
        subject: org,
        titleZh: `大型网络平台：发布${year}年度个人信息保护社会责任报告`,
        titleEn: `Large platform: publish the ${year} personal-information social-responsibility report`,
        reasonZh: `${figuresZh}，业务类型复杂且具有重要影响，为大型网络平台：应每年度发布个人信息保护社会责任报告（保护措施和成效、权利请求受理情况、外部成员为主的监督机构履职情况等）。${last ? `上次发布${last}。` : '尚未记录发布。'}${done ? '' : `条例未规定发布日期，本工具以${due}为期限（本工具的理解）。`}`,
        reasonEn: `${figuresEn}, complex business with a major impact: a large network platform publishes a personal-information social-responsibility report every year (measures and results, handling of requests, the mostly external oversight body). ${last ? `Last published ${last}.` : 'None recorded.'}${done ? '' : ` No day is set; we take ${due} (our reading).`}`,
        citations: [NDS.socialResponsibilityReport, thresholds.citation],
        dueDate: due,
        satisfied: done,
        provenance: ANNUAL_REPORT_DUE_PROVENANCE,
        // NDS Art. 58 refers to the laws (PIPL); no catalog entry maps Art. 44 yet.
        penaltyIds: [],
      });
      drafts.push({
        ruleId: 'datasec.large-platform.no-abuse',
        subject: org,
        titleZh: '大型网络平台：不得利用数据、算法和平台规则损害用户',
        titleEn: 'Large platform: no misuse of data, algorithms or platform rules against users',
        reasonZh:
          '不得以误导、欺诈、胁迫等方式处理用户在平台上产生的数据，不得无正当理由限制用户访问、使用其数据，不得实施不合理的差别待遇（持续义务）。',
        reasonEn:
          'Do not process users’ platform data by misleading, fraud or coercion, restrict their access to it without good reason, or treat users unreasonably differently (a continuing duty).',
        citations: [NDS.largePlatformProhibitions, thresholds.citation],
        dueDate: null,
        standing: true,
        satisfied: false,
        provenance: 'confirmed',
        penaltyIds: [],
      });
      if (facts.anyCrossBorder === true || important.some((r) => r.crossBorder === true))
        drafts.push({
          ruleId: 'datasec.large-platform.cross-border',
          subject: org,
          titleZh: '大型网络平台跨境提供数据：遵守数据跨境安全管理要求',
          titleEn: 'Large platform sending data abroad: follow the cross-border security rules',
          reasonZh:
            '数据资源目录中有向境外提供的数据：大型网络平台跨境提供网络数据，应遵守国家数据跨境安全管理要求，健全技术和管理措施，防范跨境安全风险（持续义务）。',
          reasonEn:
            'The inventory has data sent abroad: a large platform providing network data across the border follows the national cross-border data security rules and keeps technical and management measures against the risks (a continuing duty).',
          citations: [NDS.largePlatformCrossBorder, thresholds.citation],
          dueDate: null,
          standing: true,
          satisfied: false,
          provenance: 'confirmed',
          penaltyIds: [],
        });
    }
  }

  // 8. PIPL Art. 64 + Measures: audits the authority ordered.
  const duties: DataSecurityDuty[] = [];
  const dueSoonUntil = addCalendarDays(asOf, DUE_SOON_DAYS);
  for (const d of drafts)
    duties.push({
      ruleId: d.ruleId,
      subject: d.subject,
      titleZh: d.titleZh,
      titleEn: d.titleEn,
      reasonZh: d.reasonZh,
      reasonEn: d.reasonEn,
      citations: d.citations,
      dueDate: d.dueDate,
      eventDeadline: d.eventDeadline ?? null,
      state: stateOf(d, asOf, dueSoonUntil, d.missingFact === true),
      provenance: d.provenance,
      penaltyIds: d.penaltyIds,
    });
  for (const d of orderedAuditDuties(facts.piAudits, asOf))
    duties.push({
      ruleId: d.ruleId,
      subject: { kind: 'pi_audit', id: d.audit.id, name: d.audit.title },
      titleZh: d.titleZh,
      titleEn: d.titleEn,
      reasonZh: d.reasonZh,
      reasonEn: d.reasonEn,
      citations: d.citations,
      dueDate: d.dueDate,
      eventDeadline: null,
      state: stateOf(d, asOf, dueSoonUntil, d.missingFact),
      provenance: d.provenance,
      penaltyIds: d.penaltyIds,
    });
  return duties;
}
