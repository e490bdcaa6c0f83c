/**
 * The assessment report's appendices. A–E in the order of the 2025 template's checklist (被测对象
 * 资产, 单项测评结果记录, 漏洞扫描结果记录, 渗透测试结果记录, 重大风险隐患触发项参照表); F–H are ours
 * (单项测评结果汇总, 上次测评问题整改情况, 威胁列表).
 */
import { DATA_CLASS_ZH } from '../../../shared/assessment-vocabulary';
import type { VerificationAppendixDto } from '../../../shared/verification-schemas';
import { say } from '../../../shared/vocabulary';
import { h1, h2, list, p, table, type Block, type Lang } from '../../model';
import {
  blank,
  categoryLabel,
  date,
  ITEM_RESULT,
  join,
  objectKindLabel,
  RECTIFICATION_STATUS,
  RISK,
  type Bilingual,
} from '../labels';
import { categoryRank, col, importanceLabel, type ReportContext } from './context';
import { THREAT_KINDS, THREAT_SOURCE, threatsOf } from './threats';

export const H = {
  appA: { zh: '附录A 被测对象资产', en: 'Appendix A Assets under assessment' },
  appB: { zh: '附录B 单项测评结果记录', en: 'Appendix B Single-item result records' },
  appC: { zh: '附录C 漏洞扫描结果记录', en: 'Appendix C Vulnerability scan results' },
  appD: { zh: '附录D 渗透测试结果记录', en: 'Appendix D Penetration test results' },
  appE: {
    zh: '附录E 重大风险隐患触发项参照表',
    en: 'Appendix E Major risk trigger reference table',
  },
  appF: { zh: '附录F 单项测评结果汇总', en: 'Appendix F Summary of single-item results' },
  appG: {
    zh: '附录G 上次测评问题整改情况',
    en: 'Appendix G Rectification of the previous assessment’s problems',
  },
  appH: { zh: '附录H 威胁列表', en: 'Appendix H Threat list' },
} as const satisfies Record<string, Bilingual>;

const DATA_CLASS_EN: Record<string, string> = {
  business: 'Important business data',
  personal: 'Important personal information',
  authentication: 'Authentication data',
  other: 'Other data',
};

/** 附录A: name, kind, IP, system and version, model and vendor, role, importance. */
function assets(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a } = ctx;
  const importance = (v: string | null) => importanceLabel(lang, v);
  const dataClass = (v: string | null) =>
    v === null
      ? ''
      : zh
        ? ((DATA_CLASS_ZH as Record<string, string>)[v] ?? v)
        : (DATA_CLASS_EN[v] ?? v);
  return [
    h1(tx(H.appA)),
    table(
      zh
        ? [
            col('序号', 1, 'center'),
            col('资产名称', 4),
            col('类别', 3),
            col('IP地址', 3),
            col('系统及版本', 3),
            col('品牌型号', 3),
            col('用途', 3),
            col('重要程度', 2, 'center'),
          ]
        : [
            col('No.', 1, 'center'),
            col('Asset', 4),
            col('Kind', 3),
            col('IP address', 3),
            col('System and version', 3),
            col('Make and model', 3),
            col('Role', 3),
            col('Importance', 2, 'center'),
          ],
      a.objects.map((o, i) => {
        const at = o.attributes;
        return [
          String(i + 1),
          o.name,
          objectKindLabel(lang, o.kind),
          at.ipAddresses.join('\n'),
          [at.os, at.version].filter(Boolean).join(' '),
          [at.vendor, at.model].filter(Boolean).join(' '),
          [at.role ?? o.description, dataClass(at.dataClass), at.location]
            .filter((x): x is string => !!x)
            .join(zh ? '；' : '; '),
          importance(at.importance),
        ];
      }),
    ),
  ];
}

/** 附录B: per object, each item with its record and result. */
function records(ctx: ReportContext): Block[] {
  const { zh, lang, tx, assessment: a } = ctx;
  const out: Block[] = [h1(tx(H.appB))];
  a.objects.forEach((o, i) => {
    out.push(
      h2(`B.${i + 1} ${o.name}`),
      table(
        zh
          ? [col('条款', 2), col('测评项', 5), col('结果记录', 5), col('符合情况', 2)]
          : [col('Clause', 2), col('Requirement', 5), col('Record', 5), col('Result', 2)],
        (ctx.rowsByObject.get(o.id) ?? []).map((r) => [
          r.clause,
          // The organisation's own copy of the standard's wording, where it loaded one.
          r.standardText
            ? `${r.text[lang]}\n${zh ? '标准原文：' : 'Standard text: '}${r.standardText}`
            : r.text[lang],
          recordText(lang, r.record, r.reason),
          r.result ? ITEM_RESULT[r.result][lang] : zh ? '未填写' : 'Unanswered',
        ]),
      ),
    );
  });
  return out;
}

function recordText(lang: Lang, record: string | null, reason: string | null): string {
  const text = record ?? '';
  if (!reason) return text;
  const why = lang === 'zh' ? `理由：${reason}` : `Reason: ${reason}`;
  return text ? `${text}${lang === 'zh' ? '；' : '; '}${why}` : why;
}

/**
 * 附录C or D: the files it comes from, then per test object its findings (target, vulnerability,
 * CVE, CVSS, severity, exploitable); a note when nothing was imported.
 */
function verification(
  ctx: ReportContext,
  letter: 'C' | 'D',
  data: VerificationAppendixDto | undefined,
): Block[] {
  const { zh, lang } = ctx;
  if (!data || (data.rows.length === 0 && data.sources.length === 0)) {
    return [
      p(
        letter === 'C'
          ? zh
            ? `${blank(lang)}（本次测评未导入漏洞扫描结果；可补充扫描工具、时间、范围及发现的漏洞，或附扫描报告。）`
            : `${blank(lang)} (No scan result was imported; add the tools, time, scope and vulnerabilities found, or attach the scan report.)`
          : zh
            ? `${blank(lang)}（本次测评未导入渗透测试结果；可补充测试时间、接入点、过程与结果。）`
            : `${blank(lang)} (No penetration-test result was imported; add the time, entry points, process and results.)`,
      ),
    ];
  }
  const out: Block[] = [
    list(
      data.sources.map((s) =>
        [s.scanner, s.scanDate, s.fileName]
          .filter((x) => x !== null && x !== '')
          .join(zh ? '，' : ', '),
      ),
    ),
  ];
  if (data.rows.length === 0) {
    out.push(p(zh ? '未发现低危及以上的问题。' : 'No problem of low severity or above was found.'));
    return out;
  }
  const groups = new Map<string | null, VerificationAppendixDto['rows']>();
  for (const r of data.rows) groups.set(r.objectName, [...(groups.get(r.objectName) ?? []), r]);
  [...groups].forEach(([object, rows], i) => {
    out.push(
      h2(
        `${letter}.${i + 1} ${object ?? (zh ? '未对应测评对象的主机' : 'Hosts without a test object')}`,
      ),
      table(
        zh
          ? [
              col('目标地址', 3),
              col('漏洞名称', 5),
              col('CVE编号', 3),
              col('CVSS', 1, 'right'),
              col('风险等级', 1, 'center'),
              col('可利用', 1, 'center'),
            ]
          : [
              col('Target', 3),
              col('Vulnerability', 5),
              col('CVE', 3),
              col('CVSS', 1, 'right'),
              col('Severity', 1, 'center'),
              col('Exploitable', 1, 'center'),
            ],
        rows.map((r) => [
          r.target,
          r.name,
          r.cves.join(', ') || '—',
          r.cvss === null ? '—' : r.cvss.toFixed(1),
          say(`verification_severity.${r.severity}`, {}, lang),
          r.exploitable === null ? '—' : r.exploitable ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
        ]),
      ),
    );
  });
  return out;
}

function triggers(ctx: ReportContext): Block[] {
  const { zh, lang, tx, input } = ctx;
  return [
    h1(tx(H.appE)),
    table(
      zh
        ? [col('编号', 1), col('类别', 2), col('触发项', 4), col('说明', 6), col('本次测评', 2)]
        : [
            col('ID', 1),
            col('Category', 2),
            col('Trigger', 4),
            col('Description', 6),
            col('This assessment', 2),
          ],
      input.triggers.map((t) => {
        const hits = input.majorRisks.filter((m) => m.triggerId === t.id);
        const state =
          hits.length === 0
            ? zh
              ? '未触发'
              : 'Not triggered'
            : hits.every((m) => m.rectified)
              ? zh
                ? '触发（已整改）'
                : 'Triggered (rectified)'
              : zh
                ? '触发'
                : 'Triggered';
        return [t.id, categoryLabel(lang, t.category), t.title[lang], t.summary[lang], state];
      }),
    ),
  ];
}

/** 附录F: records per category and control point by result (rows, not merged items). */
function summary(ctx: ReportContext): Block[] {
  const { zh, lang, tx } = ctx;
  type Count = { rows: number; c: number; p: number; n: number; na: number; none: number };
  const zero = (): Count => ({ rows: 0, c: 0, p: 0, n: 0, na: 0, none: 0 });
  const byCategory = new Map<string, { total: Count; points: Map<string, [string, Count]> }>();
  for (const r of ctx.input.workbook.rows) {
    let cat = byCategory.get(r.category);
    if (!cat) byCategory.set(r.category, (cat = { total: zero(), points: new Map() }));
    let point = cat.points.get(r.controlPointId);
    if (!point) cat.points.set(r.controlPointId, (point = [r.controlPoint[lang], zero()]));
    for (const count of [cat.total, point[1]]) {
      count.rows += 1;
      if (r.result === 'compliant') count.c += 1;
      else if (r.result === 'partial') count.p += 1;
      else if (r.result === 'non_compliant') count.n += 1;
      else if (r.result === 'not_applicable') count.na += 1;
      else count.none += 1;
    }
  }
  const cells = (c: Count) => [c.rows, c.c, c.p, c.n, c.na, c.none].map(String);
  const rows: string[][] = [];
  for (const [category, { total, points }] of [...byCategory].sort(
    (x, y) => categoryRank(x[0]) - categoryRank(y[0]),
  )) {
    rows.push([
      `${categoryLabel(lang, category)}${zh ? '（小计）' : ' (subtotal)'}`,
      ...cells(total),
    ]);
    for (const [title, count] of points.values()) rows.push([`\u3000${title}`, ...cells(count)]);
  }
  return [
    h1(tx(H.appF)),
    p(
      zh
        ? '按安全类和安全控制点统计全部测评对象的单项测评结果记录条数（未按对象合并）。'
        : 'Result records of all test objects per category and control point (not merged over objects).',
    ),
    table(
      [
        col(zh ? '安全类 / 安全控制点' : 'Category / control point', 5),
        col(zh ? '记录数' : 'Records', 1, 'right'),
        col(zh ? '符合' : 'Compliant', 1, 'right'),
        col(zh ? '部分符合' : 'Partial', 1, 'right'),
        col(zh ? '不符合' : 'Non-compliant', 1, 'right'),
        col(zh ? '不适用' : 'N/A', 1, 'right'),
        col(zh ? '未填写' : 'Unanswered', 1, 'right'),
      ],
      rows,
    ),
  ];
}

/** 附录G: last assessment's problems, their rectification and the item's result now. */
function previousProblems(ctx: ReportContext): Block[] {
  const { zh, lang, tx, input } = ctx;
  const previous = input.previous;
  if (!previous?.previous) {
    return [
      h1(tx(H.appG)),
      p(
        zh
          ? '本次测评未关联上次等级测评（首次测评，或未从上次测评开始），无上次测评问题整改情况。'
          : 'This assessment is not linked to a previous one (first assessment, or not started from the previous one): nothing to report.',
      ),
    ];
  }
  const prev = previous.previous;
  const now = (r: string | null) =>
    r === null
      ? zh
        ? '本次未测'
        : 'Not in this baseline'
      : r in ITEM_RESULT
        ? tx(ITEM_RESULT[r as keyof typeof ITEM_RESULT])
        : r === 'untested'
          ? zh
            ? '无适用测评对象'
            : 'No test object'
          : zh
            ? '未填写'
            : 'Unanswered';
  const resolved = previous.items.filter(
    (i) => i.currentResult === 'compliant' || i.rectification?.status === 'verified',
  ).length;
  return [
    h1(tx(H.appG)),
    p(
      zh
        ? `上次测评：${prev.title}（报告编号 ${prev.reportNumber ?? '—'}，报告日期 ${date(lang, prev.reportDate)}），发现安全问题 ${previous.total} 个，其中 ${resolved} 个已整改或本次测评已符合。`
        : `Previous assessment: ${prev.title} (report ${prev.reportNumber ?? '—'}, dated ${date(lang, prev.reportDate)}) found ${previous.total} problems; ${resolved} are rectified or compliant now.`,
    ),
    previous.items.length === 0
      ? p(zh ? '上次测评未发现安全问题。' : 'The previous assessment found no problem.')
      : table(
          zh
            ? [
                col('序号', 1, 'center'),
                col('条款', 2),
                col('上次发现的问题', 6),
                col('上次风险', 2),
                col('整改状态', 2),
                col('本次结果', 2),
              ]
            : [
                col('No.', 1, 'center'),
                col('Clause', 2),
                col('Problem found last time', 6),
                col('Risk then', 2),
                col('Rectification', 2),
                col('Result now', 2),
              ],
          previous.items.map((item, i) => [
            String(i + 1),
            item.clause,
            [
              item.title[lang],
              item.description?.trim(),
              item.objects.length > 0
                ? `${zh ? '涉及：' : 'Objects: '}${join(lang, item.objects)}`
                : undefined,
            ]
              .filter((x): x is string => !!x)
              .join('\n'),
            RISK[item.risk][lang],
            item.rectification
              ? RECTIFICATION_STATUS[item.rectification.status][lang] +
                (item.rectification.closedOn
                  ? `（${date(lang, item.rectification.closedOn)}）`
                  : '')
              : zh
                ? '未建立整改项'
                : 'No rectification item',
            now(item.currentResult),
          ]),
        ),
  ];
}

/** 附录H: the threat kinds (GB/T 20984-2022) and the problems exposed to each. */
function threatList(ctx: ReportContext): Block[] {
  const { zh, lang, tx } = ctx;
  const linked = new Map<string, string[]>();
  for (const f of ctx.findings) {
    for (const t of threatsOf(f.category, f.controlPoint.zh)) {
      linked.set(t.code, [...(linked.get(t.code) ?? []), f.clause]);
    }
  }
  return [
    h1(tx(H.appH)),
    p(
      zh
        ? `威胁种类依据 ${THREAT_SOURCE.instrument}（${THREAT_SOURCE.published} 发布，${THREAT_SOURCE.inForce} 实施）的威胁分类。${THREAT_SOURCE.note.zh}`
        : `Threat kinds per the threat classification of ${THREAT_SOURCE.instrument} (published ${THREAT_SOURCE.published}, in force ${THREAT_SOURCE.inForce}). ${THREAT_SOURCE.note.en}`,
    ),
    table(
      [
        col(zh ? '编号' : 'Code', 1),
        col(zh ? '威胁种类' : 'Threat', 2),
        col(zh ? '说明' : 'Description', 6),
        col(zh ? '关联的安全问题（条款）' : 'Problems exposed (clauses)', 5),
      ],
      THREAT_KINDS.map((t) => [
        t.code,
        t.name[lang],
        t.description[lang],
        linked.has(t.code) ? join(lang, linked.get(t.code)!) : '—',
      ]),
    ),
  ];
}

export function appendices(ctx: ReportContext): Block[] {
  const { tx } = ctx;
  return [
    ...assets(ctx),
    ...records(ctx),
    h1(tx(H.appC)),
    ...verification(ctx, 'C', ctx.input.verification?.scan),
    h1(tx(H.appD)),
    ...verification(ctx, 'D', ctx.input.verification?.pentest),
    ...triggers(ctx),
    ...summary(ctx),
    ...previousProblems(ctx),
    ...threatList(ctx),
  ];
}
