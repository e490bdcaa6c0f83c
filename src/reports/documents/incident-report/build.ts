/**
 * 网络安全事件信息报告表 (the report form of the 2025 incident-reporting Measures, Art. 7 contents)
 * and 事件处置总结报告 (the closing report, Art. 8) of one incident: data in,
 * {@link ReportDocument} out.
 *
 * The form's layout is ours (no official template was read): the reporting unit and its
 * facilities; when and where it was found and happened, the class (GB/T 20986-2023), the grade
 * with the grading-guide criteria met, the impact and harm caused, the measures taken and their
 * effect, ransom details; trend; preliminary cause; clues; further measures and support
 * requested; scene preservation; personal information (PIPL Art. 57); other; then the recipients
 * with their time limits and the log of reports made. Empty items print the fill-in blank.
 */
import type { CitationDto, OrganisationDto } from '../../../shared/api-types';
import type {
  IncidentGrade,
  IncidentReportingDutyDto,
  ReportRecipient,
} from '../../../shared/data-security-schemas';
import { fields, h1, p, table, type Block, type Lang, type ReportDocument } from '../../model';
import type { DocumentOverrides } from '../../overrides';
import { none, orBlank, type Bilingual } from '../labels';

export interface IncidentReportInput {
  readonly organisation: OrganisationDto;
  readonly kind: 'initial' | 'closing';
  /** The instant the document is produced (ISO). */
  readonly producedAt: string;
  readonly incident: {
    readonly code: string;
    readonly title: string;
    readonly type: Bilingual;
    readonly foundAt: string;
    readonly occurredAt: string | null;
    readonly location: string | null;
    readonly description: string | null;
    readonly systems: readonly { readonly name: string; readonly isCii: boolean }[];
    readonly dataResourceCodes: readonly string[];
    readonly involvesCii: boolean;
    readonly operatorRow: Bilingual;
    readonly grade: IncidentGrade | null;
    readonly suggestedGrade: IncidentGrade;
    readonly gradeReason: string | null;
    readonly criteriaFound: readonly {
      readonly id: string;
      readonly grade: IncidentGrade;
      readonly source: string;
      readonly textZh: string;
      readonly textEn: string;
    }[];
    /** Measured effects as label → value lines already worded. */
    readonly measures: readonly { readonly label: Bilingual; readonly value: string }[];
    readonly impactDescription: string | null;
    readonly responseTaken: string | null;
    readonly trend: string | null;
    readonly cause: string | null;
    readonly clues: string | null;
    readonly furtherMeasures: string | null;
    readonly supportRequested: string | null;
    readonly scenePreservation: string | null;
    readonly ransom: {
      readonly demand: string | null;
      readonly deadline: string | null;
      readonly paymentMethod: string | null;
      readonly amount: string | null;
    } | null;
    readonly piIncident: {
      readonly individuals: number;
      readonly categories: readonly string[];
      readonly notifiedAt: string | null;
      readonly notificationMethod: string | null;
      readonly notificationNotRequiredReason: string | null;
    } | null;
    readonly status: 'handling' | 'closed';
    readonly handledAt: string | null;
    readonly reports: readonly {
      readonly kind: 'initial' | 'follow_up' | 'closing';
      readonly recipient: ReportRecipient;
      readonly submittedAt: string;
      readonly reference: string | null;
    }[];
  };
  readonly duties: readonly IncidentReportingDutyDto[];
  readonly cited: {
    readonly timeLimits: CitationDto;
    readonly contents: CitationDto;
    readonly closing: CitationDto;
    readonly gradingGuide: CitationDto;
  };
  readonly overrides?: DocumentOverrides;
}

export const GRADE: Readonly<Record<IncidentGrade, Bilingual>> = {
  especially_major: { zh: '特别重大', en: 'Especially major' },
  major: { zh: '重大', en: 'Major' },
  large: { zh: '较大', en: 'Large' },
  general: { zh: '一般', en: 'General' },
};

export const RECIPIENT: Readonly<Record<ReportRecipient, Bilingual>> = {
  protection_department: { zh: '保护工作部门', en: 'Protection work department' },
  public_security: { zh: '公安机关', en: 'Public security' },
  own_cyber_affairs_office: { zh: '本部门网信工作机构', en: 'Own cyber-affairs body' },
  provincial_cac: { zh: '属地省级网信部门', en: 'Provincial CAC' },
  cac: { zh: '国家网信部门', en: 'CAC' },
  mps: { zh: '国务院公安部门', en: 'Ministry of Public Security' },
  sector_regulator: { zh: '有关主管部门', en: 'Competent departments' },
  pi_authority: { zh: '履行个人信息保护职责的部门', en: 'PI protection authority' },
  other: { zh: '其他', en: 'Other' },
};

const STATE: Readonly<Record<IncidentReportingDutyDto['state'], Bilingual>> = {
  done: { zh: '已完成', en: 'Done' },
  due: { zh: '待完成', en: 'Due' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  not_required: { zh: '无需', en: 'Not required' },
  waiting: { zh: '待触发', en: 'Waiting' },
};

const REPORT_KIND: Readonly<Record<'initial' | 'follow_up' | 'closing', Bilingual>> = {
  initial: { zh: '首次报告', en: 'Initial' },
  follow_up: { zh: '续报', en: 'Follow-up' },
  closing: { zh: '总结报告', en: 'Closing' },
};

/** `2026-03-02 09:15（北京时间）` / `2026-03-02 09:15 (Beijing time)`. */
export function beijingTime(lang: Lang, instant: string | null | undefined): string {
  if (!instant) return orBlank(lang, null);
  const t = new Date(Date.parse(instant) + 8 * 3600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
  return lang === 'zh' ? `${t}（北京时间）` : `${t} (Beijing time)`;
}

export function buildIncidentReport(input: IncidentReportInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const i = input.incident;
  const org = input.organisation;
  const cite = (c: CitationDto) => (zh ? c.labelZh : c.labelEn);
  const text = (v: string | null) => orBlank(lang, v);
  const closing = input.kind === 'closing';
  const blocks: Block[] = [];
  const gradeText = i.grade
    ? tx(GRADE[i.grade])
    : zh
      ? `未定级（分级指南建议：${GRADE[i.suggestedGrade].zh}）`
      : `Not graded (the guide suggests: ${GRADE[i.suggestedGrade].en})`;

  blocks.push(
    p(
      zh
        ? closing
          ? `依据${cite(input.cited.closing)}，应急处置结束后对事件进行全面分析总结，按原渠道报送。`
          : `依据${cite(input.cited.timeLimits)}和${cite(input.cited.contents)}填报。时限内无法查明的事项可先报告已掌握的情况，其余及时补报。`
        : closing
          ? `Under ${cite(input.cited.closing)}: a full analysis after the response ends, sent through the same channel.`
          : `Filled in under ${cite(input.cited.timeLimits)} and ${cite(input.cited.contents)}. What cannot be established in time may follow as soon as known.`,
    ),
  );

  // 一 事发单位
  blocks.push(
    h1(zh ? '一、事发单位及设施基本情况' : '1 The reporting unit and its facilities'),
    fields(
      zh
        ? [
            ['事发单位名称', org.name],
            ['报告类别', i.involvesCii ? '涉及关键信息基础设施' : tx(i.operatorRow)],
            [
              '涉及的网络和信息系统',
              i.systems.length
                ? i.systems
                    .map((s) => (s.isCii ? `${s.name}（关键信息基础设施）` : s.name))
                    .join('、')
                : orBlank(lang, null),
            ],
            [
              '涉及的数据资源',
              i.dataResourceCodes.length ? i.dataResourceCodes.join('、') : none(lang),
            ],
          ]
        : [
            ['Unit', org.nameEn ? `${org.nameEn} (${org.name})` : org.name],
            [
              'Reporting row',
              i.involvesCii ? 'Involves critical information infrastructure' : tx(i.operatorRow),
            ],
            [
              'Networks and systems',
              i.systems.length
                ? i.systems.map((s) => (s.isCii ? `${s.name} (CII)` : s.name)).join(', ')
                : orBlank(lang, null),
            ],
            [
              'Data resources',
              i.dataResourceCodes.length ? i.dataResourceCodes.join(', ') : none(lang),
            ],
          ],
    ),
  );

  // 二 事件基本情况
  blocks.push(
    h1(zh ? '二、事件基本情况' : '2 The incident'),
    fields(
      zh
        ? [
            ['事件编号', i.code],
            ['事件名称', i.title],
            ['发现时间', beijingTime(lang, i.foundAt)],
            ['发生时间', beijingTime(lang, i.occurredAt)],
            ['发生地点', text(i.location)],
            ['事件类型', tx(i.type)],
            ['事件级别', gradeText],
            ['定级理由', text(i.gradeReason)],
          ]
        : [
            ['Code', i.code],
            ['Title', i.title],
            ['Found', beijingTime(lang, i.foundAt)],
            ['Occurred', beijingTime(lang, i.occurredAt)],
            ['Location', text(i.location)],
            ['Class', tx(i.type)],
            ['Grade', gradeText],
            ['Grading reason', text(i.gradeReason)],
          ],
    ),
  );
  if (i.criteriaFound.length > 0)
    blocks.push(
      table(
        zh
          ? [
              { header: '级别', width: 2 },
              { header: '《网络安全事件分级指南》判定条件', width: 10 },
              { header: '来源', width: 3 },
            ]
          : [
              { header: 'Grade', width: 2 },
              { header: 'Criterion of the grading guide', width: 10 },
              { header: 'Source', width: 3 },
            ],
        i.criteriaFound.map((c) => [
          tx(GRADE[c.grade]),
          zh ? c.textZh : c.textEn,
          c.source === 'final-2025'
            ? zh
              ? '2025年正式文本'
              : 'final 2025'
            : zh
              ? '2023年征求意见稿（待核实）'
              : '2023 draft (unverified)',
        ]),
        zh
          ? `表1 符合的分级条件（${cite(input.cited.gradingGuide)}）`
          : `Table 1 Criteria met (${cite(input.cited.gradingGuide)})`,
      ),
    );
  if (i.measures.length > 0)
    blocks.push(
      fields(
        i.measures.map((m) => [tx(m.label), m.value] as const),
        zh ? '影响测度' : 'Measured effects',
      ),
    );
  blocks.push(
    fields(
      zh
        ? [
            ['已造成的影响和危害', text(i.impactDescription)],
            ['已采取的措施及效果', text(i.responseTaken)],
          ]
        : [
            ['Impact and harm caused', text(i.impactDescription)],
            ['Measures taken and their effect', text(i.responseTaken)],
          ],
    ),
  );
  if (i.ransom)
    blocks.push(
      fields(
        zh
          ? [
              ['勒索要求', text(i.ransom.demand)],
              ['勒索期限', beijingTime(lang, i.ransom.deadline)],
              ['支付方式', text(i.ransom.paymentMethod)],
              ['勒索金额', text(i.ransom.amount)],
            ]
          : [
              ['Ransom demand', text(i.ransom.demand)],
              ['Deadline', beijingTime(lang, i.ransom.deadline)],
              ['Payment method', text(i.ransom.paymentMethod)],
              ['Amount', text(i.ransom.amount)],
            ],
        zh ? '勒索软件攻击情况' : 'Ransomware',
      ),
    );

  const numbered: [Bilingual, string | null][] = closing
    ? [
        [{ zh: '三、事件原因', en: '3 Cause' }, i.cause],
        [{ zh: '四、应急处置措施及效果', en: '4 Response and its effect' }, i.responseTaken],
        [{ zh: '五、造成的危害', en: '5 Harm caused' }, i.impactDescription],
        [
          {
            zh: '六、责任处理、整改情况和经验教训',
            en: '6 Accountability, rectification and lessons',
          },
          i.furtherMeasures,
        ],
      ]
    : [
        [{ zh: '三、事态发展趋势', en: '3 Likely development' }, i.trend],
        [{ zh: '四、初步原因分析', en: '4 Preliminary cause' }, i.cause],
        [{ zh: '五、可追查的线索', en: '5 Clues' }, i.clues],
        [
          { zh: '六、拟采取的措施及需要的支援', en: '6 Further measures and support requested' },
          joinText(i.furtherMeasures, i.supportRequested, zh),
        ],
        [{ zh: '七、现场保护情况', en: '7 Scene preservation' }, i.scenePreservation],
      ];
  for (const [title, value] of numbered) blocks.push(h1(tx(title)), ...paragraphs(value, lang));

  const n = closing ? ['七', '八', '九', '十'] : ['八', '九', '十', '十一'];
  const nEn = closing ? ['7', '8', '9', '10'] : ['8', '9', '10', '11'];
  // Personal information (PIPL Art. 57).
  blocks.push(h1(zh ? `${n[0]}、个人信息泄露、篡改、丢失情况` : `${nEn[0]} Personal information`));
  if (!i.piIncident) blocks.push(p(none(lang)));
  else
    blocks.push(
      fields(
        zh
          ? [
              ['涉及个人数量', String(i.piIncident.individuals)],
              [
                '个人信息种类',
                i.piIncident.categories.length
                  ? i.piIncident.categories.join('、')
                  : orBlank(lang, null),
              ],
              ['通知个人时间', beijingTime(lang, i.piIncident.notifiedAt)],
              ['通知方式', text(i.piIncident.notificationMethod)],
              [
                '不通知个人的理由（第五十七条第二款）',
                i.piIncident.notificationNotRequiredReason ?? none(lang),
              ],
            ]
          : [
              ['Individuals', String(i.piIncident.individuals)],
              [
                'Categories',
                i.piIncident.categories.length
                  ? i.piIncident.categories.join(', ')
                  : orBlank(lang, null),
              ],
              ['Individuals notified', beijingTime(lang, i.piIncident.notifiedAt)],
              ['How', text(i.piIncident.notificationMethod)],
              [
                'Reason for not notifying (Art. 57 ¶2)',
                i.piIncident.notificationNotRequiredReason ?? none(lang),
              ],
            ],
      ),
    );
  blocks.push(
    h1(zh ? `${n[1]}、其他需要报告的情况` : `${nEn[1]} Other`),
    ...paragraphs(i.description, lang),
  );
  if (closing)
    blocks.push(
      fields(
        zh
          ? [['应急处置结束时间', beijingTime(lang, i.handledAt)]]
          : [['Response ended', beijingTime(lang, i.handledAt)]],
      ),
    );

  // Recipients and time limits.
  blocks.push(h1(zh ? `${n[2]}、报告对象与时限` : `${nEn[2]} Recipients and time limits`));
  const shown = input.duties;
  if (shown.length === 0) blocks.push(p(none(lang)));
  else
    blocks.push(
      table(
        zh
          ? [
              { header: '义务', width: 6 },
              { header: '报告对象', width: 4 },
              { header: '截止时间', width: 4 },
              { header: '状态', width: 2 },
            ]
          : [
              { header: 'Duty', width: 6 },
              { header: 'To', width: 4 },
              { header: 'Due', width: 4 },
              { header: 'State', width: 2 },
            ],
        shown.map((d) => [
          zh ? d.titleZh : d.titleEn,
          d.recipients.length
            ? d.recipients.map((r) => tx(RECIPIENT[r])).join(zh ? '、' : ', ')
            : zh
              ? '个人'
              : 'Individuals',
          d.dueAt ? beijingTime(lang, d.dueAt) : untimed(d.deadline, lang),
          tx(STATE[d.state]),
        ]),
        zh
          ? `表2 报告义务（截至${beijingTime(lang, input.producedAt)}）`
          : `Table 2 Reporting duties (as of ${beijingTime(lang, input.producedAt)})`,
      ),
    );

  // Report log.
  blocks.push(h1(zh ? `${n[3]}、报告记录` : `${nEn[3]} Reports made`));
  if (i.reports.length === 0) blocks.push(p(zh ? '尚未记录报告。' : 'No report recorded yet.'));
  else
    blocks.push(
      table(
        zh
          ? [
              { header: '类别', width: 2 },
              { header: '报告对象', width: 4 },
              { header: '报告时间', width: 4 },
              { header: '编号或回执', width: 4 },
            ]
          : [
              { header: 'Kind', width: 2 },
              { header: 'To', width: 4 },
              { header: 'Submitted', width: 4 },
              { header: 'Reference', width: 4 },
            ],
        i.reports.map((r) => [
          tx(REPORT_KIND[r.kind]),
          tx(RECIPIENT[r.recipient]),
          beijingTime(lang, r.submittedAt),
          r.reference ?? '',
        ]),
      ),
    );
  blocks.push(
    fields(
      zh
        ? [
            ['填报人', orBlank(lang, null)],
            ['联系电话', orBlank(lang, null)],
            ['填报时间', beijingTime(lang, input.producedAt)],
          ]
        : [
            ['Filled in by', orBlank(lang, null)],
            ['Telephone', orBlank(lang, null)],
            ['Produced', beijingTime(lang, input.producedAt)],
          ],
    ),
  );

  const titleZh = closing ? '网络安全事件处置总结报告' : '网络安全事件信息报告表';
  const titleEn = closing
    ? 'Cybersecurity incident closing report'
    : 'Cybersecurity incident report form';
  return {
    lang,
    title: zh ? `${i.code} ${titleZh}` : `${i.code} ${titleEn}`,
    cover: {
      title: zh ? titleZh : titleEn,
      subtitle: zh ? `（${i.code} ${i.title}）` : `(${i.code} ${i.title})`,
      lines: zh
        ? [
            ['事发单位', org.name],
            ['事件级别', gradeText],
            ['发现时间', beijingTime(lang, i.foundAt)],
          ]
        : [
            ['Unit', org.nameEn ?? org.name],
            ['Grade', gradeText],
            ['Found', beijingTime(lang, i.foundAt)],
          ],
      date: '',
      ...(input.overrides?.logo ? { logo: input.overrides.logo } : {}),
    },
    header: zh ? `${org.name} ${titleZh}` : `${org.nameEn ?? org.name} ${titleEn}`,
    blocks,
  };
}

/** A deadline without a due instant yet: ASAP, or its duration from the trigger. */
function untimed(deadline: string, lang: Lang): string {
  const zh = lang === 'zh';
  if (deadline === 'ASAP') return zh ? '及时（未规定小时时限）' : 'Promptly (no hour count)';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(deadline);
  if (!m) return deadline;
  const [, d, h, min] = m;
  const parts = zh
    ? [d && `${d}日`, h && `${h}小时`, min && `${min}分钟`]
    : [d && `${d} days`, h && `${h} h`, min && `${min} min`];
  const span = parts.filter(Boolean).join(zh ? '' : ' ');
  return zh ? `触发后${span}内` : `within ${span} of the trigger`;
}

function joinText(a: string | null, b: string | null, zh: boolean): string | null {
  if (a && b) return `${a}\n${zh ? '需要的支援：' : 'Support requested: '}${b}`;
  return a ?? (b ? `${zh ? '需要的支援：' : 'Support requested: '}${b}` : null);
}

function paragraphs(value: string | null, lang: Lang): Block[] {
  const parts = (value ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? parts.map((s) => p(s)) : [p(orBlank(lang, null))];
}
