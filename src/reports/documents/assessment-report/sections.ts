/**
 * Chapters 1–3 of the assessment report: 测评项目概述 (with the draft status line), 被测对象描述
 * (测评指标 tables, the object-selection method and the object list) and 单项测评结果分析 (counts,
 * per-category 已有安全措施 / 主要安全问题 from the records, the verification tests).
 */
import type { CatalogExtension, ScoreResultDto } from '../../../shared/api-types';
import type { VerificationAppendixDto } from '../../../shared/verification-schemas';
import { say } from '../../../shared/vocabulary';
import { b, fields, h1, h2, h3, image, list, p, table, type Block, type Lang } from '../../model';
import {
  blank,
  CATEGORY_ORDER,
  categoryLabel,
  CLOUD_ROLE,
  date,
  EXTENSION,
  join,
  levelFull,
  levelShort,
  objectKindLabel,
  orBlank,
  period,
  SYSTEM_TYPE,
  type Bilingual,
} from '../labels';
import { categoryRank, col, countOutcomes, importanceLabel, type ReportContext } from './context';
import { draftStatus } from './front';
import { existingMeasures, groupByText, mainProblems, rowText } from './narrative';

export const H = {
  ch1: { zh: '1 测评项目概述', en: '1 Assessment project overview' },
  s11: { zh: '1.1 测评目的', en: '1.1 Purpose' },
  s12: { zh: '1.2 测评依据', en: '1.2 Basis' },
  s13: { zh: '1.3 测评过程', en: '1.3 Process' },
  ch2: { zh: '2 被测对象描述', en: '2 System under assessment' },
  s21: { zh: '2.1 被测对象概述', en: '2.1 Overview' },
  s22: { zh: '2.2 测评指标', en: '2.2 Assessment indicators' },
  s221: { zh: '2.2.1 安全通用要求指标', en: '2.2.1 General requirements' },
  s222: { zh: '2.2.2 安全扩展要求指标', en: '2.2.2 Extension requirements' },
  s223: { zh: '2.2.3 不适用的测评指标', en: '2.2.3 Indicators not applicable' },
  s23: { zh: '2.3 测评对象', en: '2.3 Test objects' },
  s231: { zh: '2.3.1 测评对象选择方法', en: '2.3.1 How the test objects were chosen' },
  s232: { zh: '2.3.2 测评对象列表', en: '2.3.2 List of test objects' },
  ch3: { zh: '3 单项测评结果分析', en: '3 Single-item results' },
  s31: { zh: '3.1 按安全类统计', en: '3.1 By security category' },
  s32: { zh: '3.2 按测评对象统计', en: '3.2 By test object' },
  measures: { zh: '已有安全措施', en: 'Existing security measures' },
  problems: { zh: '主要安全问题', en: 'Main security problems' },
  verification: { zh: '验证测试', en: 'Verification tests' },
  scan: { zh: '漏洞扫描', en: 'Vulnerability scanning' },
  pentest: { zh: '渗透测试', en: 'Penetration testing' },
} as const satisfies Record<string, Bilingual>;

export function basis(lang: Lang, policy: ScoreResultDto['policy']): string[] {
  const zh = lang === 'zh';
  const items = [
    zh
      ? 'GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》'
      : 'GB/T 22239-2019 Baseline for classified protection of cybersecurity',
    zh
      ? 'GB/T 28448-2019《信息安全技术 网络安全等级保护测评要求》'
      : 'GB/T 28448-2019 Evaluation requirement for classified protection of cybersecurity',
    zh
      ? 'GB/T 28449-2018《信息安全技术 网络安全等级保护测评过程指南》'
      : 'GB/T 28449-2018 Testing and evaluation process guide for classified protection of cybersecurity',
    zh
      ? 'GB/T 22240-2020《信息安全技术 网络安全等级保护定级指南》'
      : 'GB/T 22240-2020 Classification guide for classified protection of cybersecurity',
    zh
      ? '《网络安全等级保护测评高风险判定实施指引（试行）》'
      : 'Implementation guide for high-risk judgement in MLPS assessments (trial)',
  ];
  if (policy === 'T2025') {
    items.push(
      zh
        ? '公安部网络安全保卫局公网安〔2025〕1846号文及其问答附件'
        : 'MPS Cybersecurity Bureau letter 公网安〔2025〕1846号 and its Q&A annex',
    );
  }
  return items;
}

export function chapter1(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a, before } = ctx;
  const out: Block[] = [h1(tx(H.ch1))];
  if (ctx.draft) out.push(p(b(draftStatus(ctx))));
  out.push(
    h2(tx(H.s11)),
    p(
      zh
        ? `依据网络安全等级保护制度和相关国家标准，对${ctx.systemName}（${levelShort(lang, a.level)}）开展等级测评，检验其安全保护状况是否达到相应等级的基本要求，分析安全问题的风险，提出整改建议。`
        : `Under the MLPS regime and national standards, ${ctx.systemName} (${levelShort(lang, a.level)}) was assessed to check whether its protection meets the baseline of its level, to analyse the risk of the problems found and to advise on rectification.`,
    ),
    h2(tx(H.s12)),
    list(basis(lang, before.policy)),
    h2(tx(H.s13)),
    fields(
      zh
        ? [
            ['测评时间', period(lang, a.periodStart, a.periodEnd)],
            ['测评机构', orBlank(lang, a.agency)],
            ['测评人员', a.team.length ? join(lang, a.team) : blank(lang)],
            [
              '测评范围',
              join(
                lang,
                a.extensions.map((e) => EXTENSION[e].zh),
              ),
            ],
            ...(a.cloudRole
              ? [['云计算角色', CLOUD_ROLE[a.cloudRole].zh] as [string, string]]
              : []),
            ['测评要求项数', String(a.requirementCount)],
            ['测评对象数', String(a.objects.length)],
            ['测评状态', a.status === 'completed' ? '已完成' : '进行中（草稿）'],
          ]
        : [
            ['Period', period(lang, a.periodStart, a.periodEnd)],
            ['Agency', orBlank(lang, a.agency)],
            ['Team', a.team.length ? join(lang, a.team) : blank(lang)],
            [
              'Scope',
              join(
                lang,
                a.extensions.map((e) => EXTENSION[e].en),
              ),
            ],
            ...(a.cloudRole
              ? [['Cloud role', CLOUD_ROLE[a.cloudRole].en] as [string, string]]
              : []),
            ['Requirement items', String(a.requirementCount)],
            ['Test objects', String(a.objects.length)],
            ['Status', a.status === 'completed' ? 'Completed' : 'In progress (draft)'],
          ],
    ),
    p(
      zh
        ? '测评按 GB/T 28449-2018 的测评准备、方案编制、现场测评、报告编制四个活动开展；现场测评采用访谈、核查和测试的方法，对每个测评对象逐项记录结果。'
        : 'The assessment followed the four activities of GB/T 28449-2018 (preparation, planning, on-site testing, reporting); on site the assessors interviewed, inspected and tested, recording a result per item and object.',
    ),
  );
  return out;
}

const ALL_EXTENSIONS: readonly CatalogExtension[] = [
  'general',
  'cloud',
  'mobile',
  'iot',
  'ics',
  'big_data',
];

/** 2.2 测评指标: general and extension indicators per control point, and those not applicable. */
function indicatorBlocks(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a } = ctx;
  const rowsFor = (general: boolean) => {
    const points = new Map<
      string,
      { extension: string; category: string; title: string; items: number; objects: Set<string> }
    >();
    for (const i of ctx.indicators) {
      if ((i.extension === 'general') !== general) continue;
      // By title: a control point's requirement items share it (ids differ between extensions).
      const key = `${i.extension}\u0000${i.category}\u0000${i.controlPoint.zh}`;
      let point = points.get(key);
      if (!point) {
        points.set(
          key,
          (point = {
            extension: i.extension,
            category: i.category,
            title: i.controlPoint[lang],
            items: 0,
            objects: new Set(),
          }),
        );
      }
      point.items += 1;
      for (const r of ctx.rowsByRequirement.get(i.id) ?? []) point.objects.add(r.objectId);
    }
    return [...points.values()]
      .sort((x, y) => categoryRank(x.category) - categoryRank(y.category))
      .map((pt) => [
        ...(general
          ? []
          : [(EXTENSION as Record<string, Bilingual>)[pt.extension]?.[lang] ?? pt.extension]),
        categoryLabel(lang, pt.category),
        pt.title,
        String(pt.items),
        String(pt.objects.size),
      ]);
  };
  const head = (general: boolean) => [
    ...(general ? [] : [col(zh ? '扩展要求' : 'Extension', 3)]),
    col(zh ? '安全类' : 'Category', 3),
    col(zh ? '安全控制点' : 'Control point', 4),
    col(zh ? '要求项数' : 'Items', 2, 'right'),
    col(zh ? '测评对象数' : 'Objects', 2, 'right'),
  ];
  const general = rowsFor(true);
  const extension = rowsFor(false);
  // Not applicable: every answering object 不适用 (with their reasons), or no object at all.
  const notApplicable: string[][] = [];
  for (const i of ctx.indicators) {
    const outcome = ctx.outcomes.get(i.id);
    if (outcome !== 'not_applicable' && outcome !== 'untested') continue;
    const reason =
      outcome === 'untested'
        ? zh
          ? '无适用的测评对象'
          : 'No test object answers it'
        : groupByText(
            lang,
            (ctx.rowsByRequirement.get(i.id) ?? []).map((r) => ({
              object: ctx.objectName.get(r.objectId) ?? r.objectId,
              text: r.reason?.trim() || rowText(lang, r),
            })),
          ).join('\n');
    notApplicable.push([i.clause, i.title[lang], reason]);
  }
  const outOfScope = ALL_EXTENSIONS.filter((e) => !a.extensions.includes(e));
  return [
    h2(tx(H.s22)),
    p(
      zh
        ? `本次测评的测评指标为 GB/T 22239-2019 ${levelShort(lang, a.level)}的${join(
            lang,
            a.extensions.map((e) => EXTENSION[e].zh),
          )}，共 ${ctx.indicators.length} 个要求项。`
        : `The indicators are the ${levelShort(lang, a.level)} ${join(
            lang,
            a.extensions.map((e) => EXTENSION[e].en),
          )} of GB/T 22239-2019: ${ctx.indicators.length} requirement items.`,
    ),
    h3(tx(H.s221)),
    general.length > 0
      ? table(head(true), general)
      : p(zh ? '本次测评不涉及安全通用要求。' : 'No general requirement is in scope.'),
    h3(tx(H.s222)),
    extension.length > 0
      ? table(head(false), extension)
      : p(zh ? '本次测评不涉及安全扩展要求。' : 'No extension requirement is in scope.'),
    h3(tx(H.s223)),
    notApplicable.length > 0
      ? table(
          [
            col(zh ? '条款' : 'Clause', 2),
            col(zh ? '测评指标' : 'Indicator', 4),
            col(zh ? '不适用原因' : 'Why not applicable', 6),
          ],
          notApplicable,
        )
      : p(
          zh
            ? '测评范围内的要求项均适用于至少一个测评对象。'
            : 'Every item in scope applies to at least one test object.',
        ),
    ...(outOfScope.length > 0
      ? [
          p(
            zh
              ? `以下安全扩展要求不在本次测评范围内（被测对象不采用相应技术或不属相应类型）：${join(
                  lang,
                  outOfScope.map((e) => EXTENSION[e].zh),
                )}。`
              : `These extension requirements are out of scope (the system does not use the technology or is not of that type): ${join(
                  lang,
                  outOfScope.map((e) => EXTENSION[e].en),
                )}.`,
          ),
        ]
      : []),
  ];
}

/** 2.3 测评对象: how they were chosen (per kind, with importance and role) and the list. */
function objectBlocks(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a } = ctx;
  const kinds = new Map<string, typeof a.objects>();
  for (const o of a.objects) {
    const list = kinds.get(o.kind) ?? [];
    list.push(o);
    kinds.set(o.kind, list);
  }
  const selection = [...kinds].map(([kind, objects]) => {
    const by = (imp: string) => objects.filter((o) => o.attributes.importance === imp).length;
    const importance = (['key', 'important', 'general'] as const)
      .map((imp) => [imp, by(imp)] as const)
      .filter(([, n]) => n > 0)
      .map(([imp, n]) => `${importanceLabel(lang, imp)} ${n}`);
    return [
      objectKindLabel(lang, kind),
      String(objects.length),
      join(
        lang,
        objects.map((o) => o.name),
      ),
      importance.length > 0 ? join(lang, importance) : zh ? '未标注' : 'not marked',
    ];
  });
  const withIp = a.objects.filter((o) => o.attributes.ipAddresses.length > 0).length;
  return [
    h2(tx(H.s23)),
    h3(tx(H.s231)),
    p(
      zh
        ? `测评对象按“类别全覆盖、重要优先”的原则选取：被测对象涉及的每一类对象（机房、网络与边界、网络设备、安全设备、服务器和终端、数据库与中间件、业务应用、数据、管理文档与人员）至少选取一个；承载核心业务、存储重要数据或处于边界位置的关键和重要对象全部选取，同型号同配置的一般对象抽样选取。本次共选取 ${a.objects.length} 个测评对象，涉及 ${kinds.size} 类，其中 ${withIp} 个登记了 IP 地址。`
        : `Test objects were chosen to cover every kind of object the system has (machine rooms, network and boundaries, network and security devices, servers and terminals, databases and middleware, applications, data, documents and people) at least once, taking every key or important object (core business, important data, boundary position) and sampling general objects of the same model and configuration. ${a.objects.length} objects of ${kinds.size} kinds were chosen; ${withIp} have IP addresses on record.`,
    ),
    table(
      [
        col(zh ? '对象类别' : 'Kind', 3),
        col(zh ? '数量' : 'Count', 1, 'right'),
        col(zh ? '选取的测评对象' : 'Objects chosen', 7),
        col(zh ? '重要程度' : 'Importance', 3),
      ],
      selection,
    ),
    h3(tx(H.s232)),
    table(
      zh
        ? [
            col('序号', 1, 'center'),
            col('测评对象', 4),
            col('类别', 3),
            col('IP地址', 3),
            col('用途', 3),
            col('重要程度', 2, 'center'),
          ]
        : [
            col('No.', 1, 'center'),
            col('Test object', 4),
            col('Kind', 3),
            col('IP address', 3),
            col('Role', 3),
            col('Importance', 2, 'center'),
          ],
      a.objects.map((o, i) => [
        String(i + 1),
        o.name,
        objectKindLabel(lang, o.kind),
        o.attributes.ipAddresses.join('\n'),
        o.attributes.role ?? o.description ?? '',
        importanceLabel(lang, o.attributes.importance),
      ]),
    ),
  ];
}

export function chapter2(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a } = ctx;
  const sys = ctx.input.system;
  return [
    h1(tx(H.ch2)),
    h2(tx(H.s21)),
    fields(
      zh
        ? [
            ['被测对象名称', ctx.systemName],
            [
              '定级对象类型',
              sys
                ? join(
                    lang,
                    sys.types.map((x) => SYSTEM_TYPE[x].zh),
                  )
                : blank(lang),
            ],
            ['安全保护等级', levelFull(lang, a.level)],
            ['备案证明编号', orBlank(lang, sys?.certificateNumber)],
            ['上线时间', sys?.goLiveOn ? date(lang, sys.goLiveOn) : blank(lang)],
            ['被测对象描述', orBlank(lang, sys?.description)],
          ]
        : [
            ['Name', ctx.systemName],
            [
              'Type',
              sys
                ? join(
                    lang,
                    sys.types.map((x) => SYSTEM_TYPE[x].en),
                  )
                : blank(lang),
            ],
            ['Protection level', levelFull(lang, a.level)],
            ['Filing certificate number', orBlank(lang, sys?.certificateNumber)],
            ['In service since', sys?.goLiveOn ? date(lang, sys.goLiveOn) : blank(lang)],
            ['Description', orBlank(lang, sys?.description)],
          ],
    ),
    ...systemNarrative(ctx),
    ...indicatorBlocks(ctx),
    ...objectBlocks(ctx),
  ];
}

/** 2.1.1 / 2.1.2 from the grading's descriptions and the uploaded topology diagram, when present. */
function systemNarrative(ctx: ReportContext): Block[] {
  const { zh, input } = ctx;
  const n = input.narrative;
  const out: Block[] = [];
  if (n) {
    out.push(
      h3(zh ? '2.1.1 承载的业务与服务' : '2.1.1 Business and services'),
      p(b(zh ? '业务信息：' : 'Business information: '), n.businessDescription),
      p(b(zh ? '系统服务：' : 'System services: '), n.serviceDescription),
    );
  }
  if (n?.boundaryDescription || input.topology) {
    out.push(h3(zh ? '2.1.2 网络结构与边界' : '2.1.2 Network structure and boundary'));
    if (n?.boundaryDescription) out.push(p(n.boundaryDescription));
    if (input.topology) {
      out.push(
        image(
          input.topology.data,
          input.topology.mediaType,
          zh
            ? `图2-1 ${ctx.systemName}网络拓扑图`
            : `Figure 2-1 Network topology of ${ctx.systemName}`,
        ),
      );
    }
  }
  return out;
}

/** A scan or penetration-test summary: tools and dates, counts per severity, objects affected. */
function verificationSummary(
  ctx: ReportContext,
  data: VerificationAppendixDto | undefined,
  kind: 'scan' | 'pentest',
  appendix: string,
): Block[] {
  const { zh, lang } = ctx;
  const what =
    kind === 'scan'
      ? zh
        ? '漏洞扫描'
        : 'vulnerability scan'
      : zh
        ? '渗透测试'
        : 'penetration test';
  if (!data || (data.rows.length === 0 && data.sources.length === 0)) {
    return [
      p(
        zh
          ? `本次测评未导入${what}结果；${what}的工具、时间、范围与结果见${appendix}（待补充）。`
          : `No ${what} result was imported; tools, time, scope and results go in ${appendix} (to be added).`,
      ),
    ];
  }
  const tools = [...new Set(data.sources.map((s) => s.scanner).filter((s): s is string => !!s))];
  const dates = [...new Set(data.sources.map((s) => s.scanDate).filter((s): s is string => !!s))]
    .sort()
    .map((d) => date(lang, d));
  const counts = (['critical', 'high', 'medium', 'low'] as const)
    .map((sev) => [sev, data.rows.filter((r) => r.severity === sev).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${say(`verification_severity.${sev}`, {}, lang)} ${n}`);
  const objects = [...new Set(data.rows.map((r) => r.objectName).filter((n): n is string => !!n))];
  const exploitable = data.rows.filter((r) => r.exploitable === true).length;
  return [
    p(
      zh
        ? `${what}${tools.length ? `使用 ${join(lang, tools)}` : ''}${dates.length ? `于 ${join(lang, dates)}` : ''}进行，共 ${data.sources.length} 份结果文件，发现低危及以上问题 ${data.rows.length} 个${counts.length ? `（${join(lang, counts)}）` : ''}，其中可利用 ${exploitable} 个，涉及测评对象 ${objects.length} 个${objects.length ? `：${join(lang, objects)}` : ''}。明细见${appendix}。`
        : `The ${what}${tools.length ? ` used ${join(lang, tools)}` : ''}${dates.length ? ` on ${join(lang, dates)}` : ''} (${data.sources.length} result files) found ${data.rows.length} problems of low severity or above${counts.length ? ` (${join(lang, counts)})` : ''}, ${exploitable} exploitable, on ${objects.length} test objects${objects.length ? `: ${join(lang, objects)}` : ''}. Details: ${appendix}.`,
    ),
  ];
}

export function chapter3(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a } = ctx;
  const resultCols = zh
    ? [
        col('符合', 1, 'right'),
        col('部分符合', 1, 'right'),
        col('不符合', 1, 'right'),
        col('不适用', 1, 'right'),
        col('未填写', 1, 'right'),
      ]
    : [
        col('Compliant', 1, 'right'),
        col('Partial', 1, 'right'),
        col('Non-compliant', 1, 'right'),
        col('N/A', 1, 'right'),
        col('Unanswered', 1, 'right'),
      ];
  const categories = CATEGORY_ORDER.filter((c) => ctx.indicators.some((i) => i.category === c));
  const perCategory = categories.map((category) => ({
    category,
    ...countOutcomes(
      ctx,
      ctx.indicators.filter((i) => i.category === category).map((i) => i.id),
    ),
  }));
  const anyUntested = perCategory.some((c) => c.untested > 0);
  const out: Block[] = [
    h1(tx(H.ch3)),
    h2(tx(H.s31)),
    table(
      [
        col(zh ? '安全类' : 'Category', 3),
        col(zh ? '要求项数' : 'Items', 1, 'right'),
        ...resultCols,
        ...(anyUntested ? [col(zh ? '无适用对象' : 'No object', 1, 'right')] : []),
      ],
      perCategory.map((c) => [
        categoryLabel(lang, c.category),
        String(c.items),
        String(c.compliant),
        String(c.partial),
        String(c.nonCompliant),
        String(c.notApplicable),
        String(c.unanswered),
        ...(anyUntested ? [String(c.untested)] : []),
      ]),
    ),
    p(
      zh
        ? '注：要求项按全部适用测评对象的结果合并判定——均符合为符合，均不符合为不符合，其余为部分符合；全部不适用为不适用；整体测评调整后的结果已计入。'
        : 'Note: an item merges its applicable objects — all compliant is compliant, all non-compliant is non-compliant, otherwise partial; all not applicable is not applicable; overall-assessment adjustments are included.',
    ),
    h2(tx(H.s32)),
    table(
      [
        col(zh ? '测评对象' : 'Test object', 3),
        col(zh ? '测评项数' : 'Rows', 1, 'right'),
        ...resultCols,
      ],
      a.objects.map((o) => {
        const rows = ctx.rowsByObject.get(o.id) ?? [];
        const n = (result: string | null) => rows.filter((r) => r.result === result).length;
        return [
          o.name,
          String(rows.length),
          String(n('compliant')),
          String(n('partial')),
          String(n('non_compliant')),
          String(n('not_applicable')),
          String(n(null)),
        ];
      }),
    ),
  ];
  // Per category: existing measures (符合 records) and main problems (the findings' records).
  categories.forEach((category, i) => {
    const n = i + 3;
    const rows = ctx.input.workbook.rows.filter((r) => r.category === category);
    const measures = existingMeasures(lang, rows, ctx.objectName);
    const problems = mainProblems(
      lang,
      ctx.findings.filter((f) => f.category === category),
      ctx.rows,
    );
    out.push(
      h2(`3.${n} ${categoryLabel(lang, category)}`),
      h3(`3.${n}.1 ${tx(H.measures)}`),
      measures.length > 0
        ? list(measures)
        : p(zh ? '未记录符合要求的安全措施。' : 'No compliant measure was recorded.'),
      h3(`3.${n}.2 ${tx(H.problems)}`),
      problems.length > 0
        ? list(problems)
        : p(zh ? '未发现安全问题。' : 'No security problem was found.'),
    );
  });
  const v = categories.length + 3;
  out.push(
    h2(`3.${v} ${tx(H.verification)}`),
    h3(`3.${v}.1 ${tx(H.scan)}`),
    ...verificationSummary(ctx, ctx.input.verification?.scan, 'scan', zh ? '附录C' : 'Appendix C'),
    h3(`3.${v}.2 ${tx(H.pentest)}`),
    ...verificationSummary(
      ctx,
      ctx.input.verification?.pentest,
      'pentest',
      zh ? '附录D' : 'Appendix D',
    ),
  );
  return out;
}
