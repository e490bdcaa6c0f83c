/**
 * 关键信息基础设施边界识别报告 (CII boundary determination report) of one core business: data in,
 * {@link ReportDocument} out. The operator hands it to its protection work department (保护工作部门)
 * as the written account of the boundary.
 *
 * Sourcing: no official template exists. The chapter order follows the steps of the TC260
 * 2024-05-31 draft boundary method (基本信息梳理 → 关键业务链与关键业务信息识别 → 信息流与资产识别 →
 * 边界确定) and adds the boundary's history (动态识别) and the duties the designation carries; the
 * layout is ours. Every fact comes from dengbao's data: the live boundary and its reasons
 * (src/domain/cii/boundary.ts, explain.ts), the recorded determinations, and the CII duties of the
 * obligations engine. The inclusion rules are our reading of a draft, marked `unverified` in the
 * document itself.
 */
import type { CiiDutiesDto, ObligationDto, OrganisationDto } from '../../shared/api-types';
import {
  CII_ASSET_KIND_LABELS,
  CII_DEPENDENCY_LABELS,
  CII_SECTOR_LABELS,
  CII_STAGE_LABELS,
  type CiiAssetRef,
  type CiiAssetView,
  type CiiBoundaryResponse,
  type CiiBoundaryView,
  type CiiDeterminationView,
} from '../../shared/cii-schemas';
import { eventDeadlineLabel } from '../../shared/event-deadlines';
import {
  b,
  fields,
  h1,
  h2,
  list,
  p,
  table,
  type Block,
  type Lang,
  type ReportDocument,
  type TableColumn,
} from '../model';
import { OBLIGATION_STATE } from './obligations-calendar';
import { date, levelShort, none, orBlank, type Bilingual } from './labels';

export interface CiiBoundaryReportInput {
  readonly organisation: OrganisationDto;
  /** boundaryQuery: the core business, its model and the live boundary with reasons. */
  readonly boundary: CiiBoundaryResponse;
  /** determinationsQuery: the recorded determinations, newest first. */
  readonly determinations: readonly CiiDeterminationView[];
  /** dutiesQuery on the report date. */
  readonly duties: CiiDutiesDto;
  /** The report date (YYYY-MM-DD). */
  readonly date: string;
}

/** What the report's boundary is: the recorded determination, or a live computation. */
export type CiiReportBasis =
  | { readonly kind: 'live_only' }
  | { readonly kind: 'recorded'; readonly determination: CiiDeterminationView }
  | {
      readonly kind: 'live_differs';
      readonly determination: CiiDeterminationView;
      readonly added: readonly CiiAssetRef[];
      readonly removed: readonly CiiAssetRef[];
      /** Boundary points (inside code ↔ external code) gained or lost since the determination. */
      readonly pointsAdded: readonly string[];
      readonly pointsRemoved: readonly string[];
      readonly rulesChanged: boolean;
    };

export const RULE_STATUS: Readonly<Record<CiiBoundaryView['rules']['status'], Bilingual>> = {
  confirmed: { zh: '依据已核实', en: 'confirmed' },
  derived: { zh: '推算所得', en: 'derived' },
  unverified: { zh: '依据待核实', en: 'unverified' },
};

const L = {
  title: { zh: '关键信息基础设施边界识别报告', en: 'CII boundary determination report' },
  ch1: { zh: '1 核心业务与关键业务链', en: '1 Core business and critical business chain' },
  s11: { zh: '1.1 关键业务链', en: '1.1 Critical business chain' },
  s12: { zh: '1.2 关键业务信息', en: '1.2 Critical business information' },
  ch2: { zh: '2 关键业务信息流', en: '2 Critical business information flows' },
  ch3: { zh: '3 边界内资产', en: '3 Assets inside the boundary' },
  ch4: { zh: '4 边界接入点', en: '4 Boundary points' },
  ch5: { zh: '5 边界外资产', en: '5 Assets outside the boundary' },
  ch6: { zh: '6 边界变化', en: '6 Changes to the boundary' },
  s61: {
    zh: '6.1 与最近一次边界认定的比较',
    en: '6.1 Compared with the last recorded determination',
  },
  s62: { zh: '6.2 边界认定记录', en: '6.2 Determination history' },
  ch7: { zh: '7 安全保护义务', en: '7 Security protection duties' },
  s71: { zh: '7.1 义务清单', en: '7.1 Duties' },
  s72: { zh: '7.2 边界内定级对象', en: '7.2 Grading objects inside the boundary' },
} as const satisfies Record<string, Bilingual>;

const dash = '—';

/** The live boundary compared with the newest recorded determination. */
export function reportBasis(
  boundary: CiiBoundaryResponse,
  determinations: readonly CiiDeterminationView[],
): CiiReportBasis {
  const latest = determinations[0];
  if (!latest) return { kind: 'live_only' };
  const code = codeOf(boundary.assets);
  let added: readonly CiiAssetRef[];
  let removed: readonly CiiAssetRef[];
  if (boundary.sinceLast && boundary.sinceLast.determinationId === latest.id) {
    ({ added, removed } = boundary.sinceLast);
  } else {
    const live = new Set(boundary.boundary.inside.map((i) => i.assetId));
    const recorded = new Set(latest.inside.map((a) => a.assetId));
    added = [...live]
      .filter((id) => !recorded.has(id))
      .map((id) => {
        const a = boundary.assets.find((x) => x.id === id);
        return { assetId: id, code: a?.code ?? '?', name: a?.name ?? id };
      });
    removed = latest.inside.filter((a) => !live.has(a.assetId));
  }
  const livePoints = new Set(
    boundary.boundary.boundaryPoints.map(
      (bp) => `${code(bp.insideAssetId)} ↔ ${code(bp.externalAssetId)}`,
    ),
  );
  const recordedPoints = new Set(
    latest.boundaryPoints.map((bp) => `${bp.inside.code} ↔ ${bp.external.code}`),
  );
  const pointsAdded = [...livePoints].filter((x) => !recordedPoints.has(x));
  const pointsRemoved = [...recordedPoints].filter((x) => !livePoints.has(x));
  const rulesChanged = latest.rulesId !== boundary.boundary.rules.id;
  if (
    added.length === 0 &&
    removed.length === 0 &&
    pointsAdded.length === 0 &&
    pointsRemoved.length === 0 &&
    !rulesChanged
  ) {
    return { kind: 'recorded', determination: latest };
  }
  return {
    kind: 'live_differs',
    determination: latest,
    added,
    removed,
    pointsAdded,
    pointsRemoved,
    rulesChanged,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const assetsEn = (n: number) => plural(n, 'asset');

function codeOf(assets: readonly CiiAssetView[]) {
  const byId = new Map(assets.map((a) => [a.id, a.code]));
  return (id: string) => byId.get(id) ?? '?';
}

/** A timestamp in Beijing time: 2026年3月2日 09:00 / 2026-03-02 09:00 (UTC+8). */
export function beijingTime(lang: Lang, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = new Date(ms + 8 * 3600_000).toISOString();
  const hm = s.slice(11, 16);
  return lang === 'zh' ? `${date(lang, s)} ${hm}` : `${s.slice(0, 10)} ${hm} (UTC+8)`;
}

export function buildCiiBoundaryReport(input: CiiBoundaryReportInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const sep = zh ? '；' : '; ';
  const listSep = zh ? '、' : ', ';
  const { organisation, boundary: data, determinations, duties } = input;
  const business = data.coreBusiness;
  const view = data.boundary;
  const rules = view.rules;
  const orgName = zh ? organisation.name : (organisation.nameEn ?? organisation.name);
  const assets = new Map(data.assets.map((a) => [a.id, a]));
  const label = (id: string): string => {
    const a = assets.get(id);
    return a ? `${a.code} ${a.name}` : id;
  };
  const kindLabel = (a: CiiAssetView | undefined) =>
    a ? CII_ASSET_KIND_LABELS[a.kind][lang] : dash;
  const basis = reportBasis(data, determinations);
  const addedIds = new Set(basis.kind === 'live_differs' ? basis.added.map((a) => a.assetId) : []);
  const removedIds = new Set(
    basis.kind === 'live_differs' ? basis.removed.map((a) => a.assetId) : [],
  );
  const cols = (spec: readonly (readonly [Bilingual, number, TableColumn['align']?])[]) =>
    spec.map(([h, width, align]) =>
      align ? { header: h[lang], width, align } : { header: h[lang], width },
    );

  // --- the basis, in one line (cover) and one paragraph (opening) ---
  const when = (d: CiiDeterminationView) => beijingTime(lang, d.determinedAt);
  // One cover line (the cover's value column holds about 19 Chinese characters).
  const basisShort =
    basis.kind === 'live_only'
      ? zh
        ? '实时计算（尚未记录认定）'
        : 'Live (none recorded yet)'
      : basis.kind === 'recorded'
        ? zh
          ? `${date(lang, basis.determination.determinedAt)}的认定（与实时计算一致）`
          : `Recorded ${date(lang, basis.determination.determinedAt)}, unchanged`
        : zh
          ? `实时计算（与${date(lang, basis.determination.determinedAt)}的认定不同）`
          : `Live; differs from ${date(lang, basis.determination.determinedAt)}`;
  const basisText: string = (() => {
    switch (basis.kind) {
      case 'live_only':
        return zh
          ? '本报告所列边界为根据当前资产、依赖关系和信息流实时计算的结果，尚未记录边界认定。请核对后记录边界认定，作为此后动态识别变化的基线。'
          : 'The boundary in this report is computed live from the current assets, dependencies and information flows; no determination has been recorded yet. Review it and record a determination as the baseline for later changes.';
      case 'recorded':
        return zh
          ? `本报告所列边界即${when(basis.determination)}由${basis.determination.determinedBy}记录的边界认定；按当前资产、依赖关系和信息流实时计算的边界与之一致。`
          : `The boundary in this report is the determination recorded ${when(basis.determination)} by ${basis.determination.determinedBy}; the live computation from the current assets, dependencies and flows matches it.`;
      case 'live_differs': {
        const parts: string[] = [];
        if (basis.added.length > 0)
          parts.push(
            zh ? `新增${basis.added.length}项资产` : `${assetsEn(basis.added.length)} added`,
          );
        if (basis.removed.length > 0)
          parts.push(
            zh ? `移出${basis.removed.length}项资产` : `${assetsEn(basis.removed.length)} removed`,
          );
        if (basis.pointsAdded.length + basis.pointsRemoved.length > 0)
          parts.push(zh ? '边界接入点有变化' : 'boundary points changed');
        if (basis.rulesChanged) parts.push(zh ? '纳入规则有变化' : 'inclusion rules changed');
        return zh
          ? `本报告第3至5章所列边界为实时计算的结果，与${when(basis.determination)}记录的边界认定不一致（${parts.join('，')}，见第6章）。资产、依赖或信息流变化后应重新认定边界并记录；在此之前，安全保护义务（第7章）仍按已记录的认定确定。`
          : `Chapters 3 to 5 show the live computation, which differs from the determination recorded ${when(basis.determination)} (${parts.join(', ')}; see chapter 6). Re-determine and record the boundary; until then the duties (chapter 7) follow the recorded determination.`;
      }
    }
  })();
  const followed = (Object.keys(rules.follow) as (keyof typeof rules.follow)[])
    .filter((k) => rules.follow[k])
    .map((k) => CII_DEPENDENCY_LABELS[k][lang]);
  const rulesLine = `${rules.id}${zh ? `（${RULE_STATUS[rules.status].zh}）` : ` (${RULE_STATUS[rules.status].en})`}`;
  const rulesNote =
    rules.status === 'confirmed'
      ? zh
        ? `边界纳入规则「${rules.id}」：沿${followed.join('、') || '（无）'}依赖关系把被依赖的资产纳入边界。`
        : `Inclusion rules "${rules.id}": assets depended on through ${followed.join(', ') || '(none)'} are pulled inside.`
      : zh
        ? `边界纳入规则「${rules.id}」（${RULE_STATUS[rules.status].zh}）是本工具对全国网络安全标准化技术委员会《关键信息基础设施边界确定方法（征求意见稿）》的理解：关键业务信息流经的资产纳入边界，并沿${followed.join('、') || '（无）'}依赖关系把被依赖的资产逐级纳入；外部单位的系统不纳入，与其交换信息处为边界接入点。征求意见稿未公布具体纳入规则，本报告的边界是识别工作的依据和建议，以保护工作部门的认定为准。`
        : `The inclusion rules "${rules.id}" (${RULE_STATUS[rules.status].en}) are our reading of the TC260 draft boundary-determination method: assets the critical information flows pass through are inside, and so is everything they depend on through ${followed.join(', ') || '(none)'}, transitively; external parties' systems stay outside, and the interconnection with them is a boundary point. The drafts publish no inclusion rules: this boundary supports the determination, and the protection work department's determination prevails.`;

  const inside = view.inside;
  const outside = view.outside;
  const points = view.boundaryPoints;
  const summary: [string, string][] = [
    [zh ? '运营者' : 'Operator', orgName],
    [zh ? '核心业务' : 'Core business', business.name],
    [zh ? '行业领域' : 'Sector', CII_SECTOR_LABELS[business.sector][lang]],
    [zh ? '认定部门' : 'Designated by', orBlank(lang, business.designatingAuthority)],
    [zh ? '认定通知' : 'Designation notice', orBlank(lang, business.designationNotice)],
    [zh ? '认定日期' : 'Designated on', date(lang, business.designatedOn)],
    [zh ? '边界依据' : 'Boundary basis', basisShort],
    [zh ? '边界纳入规则' : 'Inclusion rules', rulesLine],
    [zh ? '边界内资产' : 'Assets inside', String(inside.length)],
    [zh ? '边界接入点' : 'Boundary points', String(points.length)],
    [zh ? '边界外资产' : 'Assets outside', String(outside.length)],
    [zh ? '报告日期' : 'Report date', date(lang, input.date)],
  ];

  const blocks: Block[] = [
    fields(summary, zh ? '概况' : 'Summary'),
    p(b(zh ? '边界依据：' : 'Basis: '), basisText),
    p(b(zh ? '说明：' : 'Note: '), rulesNote),
  ];

  // 1 核心业务与关键业务链
  blocks.push(h1(tx(L.ch1)));
  if (business.description) blocks.push(p(business.description));
  blocks.push(h2(tx(L.s11)));
  blocks.push(
    business.chainSteps.length === 0
      ? p(none(lang))
      : list(
          business.chainSteps.map((s) =>
            s.description ? `${s.name}${zh ? '：' : ': '}${s.description}` : s.name,
          ),
          true,
        ),
  );
  blocks.push(h2(tx(L.s12)));
  const importantCount = business.infoCategories.filter((c) => c.important).length;
  if (business.infoCategories.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      table(
        cols([
          [{ zh: '序号', en: 'No.' }, 1, 'center'],
          [{ zh: '关键业务信息类别', en: 'Information category' }, 4],
          [{ zh: '重要数据', en: 'Important data' }, 2, 'center'],
          [{ zh: '说明', en: 'Description' }, 6],
        ]),
        business.infoCategories.map((c, i) => [
          String(i + 1),
          c.name,
          c.important ? (zh ? '★ 是' : '★ Yes') : zh ? '否' : 'No',
          c.description ?? dash,
        ]),
      ),
      p(
        zh
          ? `★ 标记的${importantCount}类信息含重要数据或大量个人信息。`
          : `Categories marked ★ (${importantCount}) contain important data or personal information in bulk.`,
      ),
    );
  }

  // 2 关键业务信息流
  blocks.push(h1(tx(L.ch2)));
  if (data.flows.length === 0) {
    blocks.push(
      p(
        zh
          ? '尚未描述关键业务信息流，边界无法确定。'
          : 'No information flow has been described; the boundary cannot be determined.',
      ),
    );
  } else {
    blocks.push(
      p(
        zh
          ? `本核心业务共有${data.flows.length}条关键业务信息流。下表按顺序列出每条信息流经过的资产及其所处的生命周期阶段（采集、传输、存储、处理、交换共享、销毁）；边界由这些资产及其依赖算出。`
          : `${plural(data.flows.length, 'critical information flow')}. Each table lists, in order, the assets a flow passes and the life-cycle stage there; the boundary is computed from these assets and their dependencies.`,
      ),
    );
    data.flows.forEach((flow, fi) => {
      blocks.push(h2(`2.${fi + 1} ${flow.name}`));
      const category = business.infoCategories.find((c) => c.name === flow.infoCategory);
      const facts = [
        flow.infoCategory
          ? `${zh ? '信息类别：' : 'Information category: '}${flow.infoCategory}${category?.important ? (zh ? '（★ 重要数据）' : ' (★ important data)') : ''}`
          : '',
        flow.description ?? '',
      ].filter((s) => s.length > 0);
      if (facts.length > 0) blocks.push(p(facts.join(sep)));
      blocks.push(
        table(
          cols([
            [{ zh: '序号', en: 'No.' }, 1, 'center'],
            [{ zh: '资产', en: 'Asset' }, 5],
            [{ zh: '生命周期阶段', en: 'Life-cycle stage' }, 2.4, 'center'],
            [{ zh: '说明', en: 'Note' }, 5],
          ]),
          flow.hops.map((hop, i) => {
            const a = assets.get(hop.assetId);
            const notes = [
              hop.note ?? '',
              a?.external
                ? `${zh ? '外部系统' : 'External system'}${a.party ? `${zh ? '，运营单位：' : ', run by '}${a.party}` : ''}`
                : '',
            ].filter((s) => s.length > 0);
            return [
              String(i + 1),
              label(hop.assetId),
              CII_STAGE_LABELS[hop.stage][lang],
              notes.join(sep) || dash,
            ];
          }),
        ),
      );
    });
  }

  // 3 边界内资产
  blocks.push(h1(tx(L.ch3)));
  const systemCell = (a: CiiAssetView | undefined): string => {
    if (!a?.systemId) return dash;
    const level =
      a.systemLevel === null ? (zh ? '未定级' : 'not graded') : levelShort(lang, a.systemLevel);
    return `${a.systemName ?? a.systemId}${zh ? `（${level}）` : ` (${level})`}`;
  };
  if (inside.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      p(
        zh
          ? `边界内共${inside.length}项资产：关键业务信息流经的资产，以及它们（逐级）运行于、依赖认证、由其运维管理或提供安全防护的资产。“纳入原因”说明每项资产为何在边界内。`
          : `${assetsEn(inside.length)} ${inside.length === 1 ? 'is' : 'are'} inside: those the critical information flows pass through, and (transitively) what they run on, authenticate with, are managed by or protected by. "Reason" says why each is inside.`,
      ),
      table(
        cols([
          [{ zh: '编码', en: 'Code' }, 3.2],
          [{ zh: '名称', en: 'Name' }, 3],
          [{ zh: '类型', en: 'Kind' }, 2.8],
          [{ zh: '关联定级对象与等级', en: 'Grading object and level' }, 2.6],
          [{ zh: '纳入原因', en: 'Reason' }, 8.4],
        ]),
        inside.map((i) => {
          const a = assets.get(i.assetId);
          const mark = addedIds.has(i.assetId)
            ? zh
              ? '（认定后新增）'
              : ' (added since the determination)'
            : '';
          return [
            a?.code ?? '?',
            `${a?.name ?? i.assetId}${mark}`,
            kindLabel(a),
            systemCell(a),
            zh ? i.explanationZh : i.explanationEn,
          ];
        }),
      ),
    );
  }

  // 4 边界接入点
  blocks.push(h1(tx(L.ch4)));
  if (points.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      p(
        zh
          ? `边界内资产与外部单位系统交换关键业务信息之处为边界接入点，共${points.length}处，接入处应落实边界防护。`
          : `${plural(points.length, 'boundary point')}: where an asset inside exchanges critical information with an external party's system. Boundary protection belongs there.`,
      ),
      table(
        cols([
          [{ zh: '序号', en: 'No.' }, 1, 'center'],
          [{ zh: '边界内资产', en: 'Asset inside' }, 4],
          [{ zh: '外部系统', en: 'External system' }, 4.5],
          [{ zh: '外部单位', en: 'External party' }, 3.5],
        ]),
        points.map((bp, i) => [
          String(i + 1),
          label(bp.insideAssetId),
          label(bp.externalAssetId),
          orBlank(lang, assets.get(bp.externalAssetId)?.party),
        ]),
      ),
    );
  }

  // 5 边界外资产
  blocks.push(h1(tx(L.ch5)));
  if (outside.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      p(
        zh
          ? `以下${outside.length}项资产不在边界内。依赖关系只从信息流经的资产向外追溯：依赖边界内资产的系统（如同样使用统一身份认证的办公系统）本身不因此纳入边界。`
          : `${assetsEn(outside.length)} ${outside.length === 1 ? 'is' : 'are'} outside. Dependencies are followed outwards from the flows only: a system that depends on an inside asset (say an office system using the same identity platform) is not pulled inside by that.`,
      ),
      table(
        cols([
          [{ zh: '编码', en: 'Code' }, 3.2],
          [{ zh: '名称', en: 'Name' }, 3.4],
          [{ zh: '类型', en: 'Kind' }, 2.8],
          [{ zh: '未纳入原因', en: 'Why outside' }, 8.4],
        ]),
        outside.map((id) => {
          const a = assets.get(id);
          const why = view.outsideExplanations[id]?.[lang] ?? dash;
          const party =
            a?.external && a.party ? `${zh ? '运营单位：' : 'Run by '}${a.party}${sep}` : '';
          const mark = removedIds.has(id)
            ? zh
              ? '（原在认定边界内）'
              : ' (inside in the determination)'
            : '';
          return [a?.code ?? '?', `${a?.name ?? id}${mark}`, kindLabel(a), `${party}${why}`];
        }),
      ),
    );
  }

  // 6 边界变化
  blocks.push(h1(tx(L.ch6)), h2(tx(L.s61)));
  const refs = (list_: readonly CiiAssetRef[]) =>
    list_.map((a) => `${a.code} ${a.name}`).join(listSep);
  switch (basis.kind) {
    case 'live_only':
      blocks.push(
        p(
          zh
            ? '尚未记录边界认定，无可比较的基线。'
            : 'No determination recorded yet: nothing to compare with.',
        ),
      );
      break;
    case 'recorded':
      blocks.push(
        p(
          zh
            ? `最近一次边界认定于${when(basis.determination)}由${basis.determination.determinedBy}记录（边界内${basis.determination.inside.length}项资产）。此后边界未发生变化。`
            : `The last determination was recorded ${when(basis.determination)} by ${basis.determination.determinedBy} (${assetsEn(basis.determination.inside.length)} inside). The boundary has not changed since.`,
        ),
      );
      break;
    case 'live_differs': {
      blocks.push(
        p(
          zh
            ? `最近一次边界认定于${when(basis.determination)}由${basis.determination.determinedBy}记录（边界内${basis.determination.inside.length}项资产）。实时计算的边界与之相比：`
            : `The last determination was recorded ${when(basis.determination)} by ${basis.determination.determinedBy} (${assetsEn(basis.determination.inside.length)} inside). The live boundary differs from it:`,
        ),
      );
      const items: string[] = [];
      if (basis.added.length > 0)
        items.push(`${zh ? '新增纳入：' : 'Added: '}${refs(basis.added)}`);
      if (basis.removed.length > 0)
        items.push(`${zh ? '移出边界：' : 'Removed: '}${refs(basis.removed)}`);
      if (basis.pointsAdded.length > 0)
        items.push(
          `${zh ? '新增边界接入点：' : 'New boundary points: '}${basis.pointsAdded.join(listSep)}`,
        );
      if (basis.pointsRemoved.length > 0)
        items.push(
          `${zh ? '不再是边界接入点：' : 'Boundary points no longer present: '}${basis.pointsRemoved.join(listSep)}`,
        );
      if (basis.rulesChanged)
        items.push(
          zh
            ? `纳入规则由「${basis.determination.rulesId}」变为「${rules.id}」`
            : `Inclusion rules changed from "${basis.determination.rulesId}" to "${rules.id}"`,
        );
      blocks.push(
        list(items),
        p(
          b(
            zh
              ? '资产、依赖或信息流发生变化后，应重新认定边界并记录。'
              : 'Re-determine and record the boundary after assets, dependencies or flows change.',
          ),
        ),
      );
      break;
    }
  }
  blocks.push(h2(tx(L.s62)));
  if (determinations.length === 0) blocks.push(p(none(lang)));
  else {
    const oldest = determinations[determinations.length - 1];
    const change = (d: CiiDeterminationView, refsOf: readonly CiiAssetRef[], added: boolean) => {
      if (added && d === oldest)
        return zh ? `首次认定，${refsOf.length}项` : `first determination, ${refsOf.length}`;
      if (refsOf.length === 0) return dash;
      return `${refsOf.length}${zh ? '项：' : ': '}${refsOf.map((a) => a.code).join(listSep)}`;
    };
    blocks.push(
      table(
        cols([
          [{ zh: '认定时间', en: 'Recorded' }, 3.6],
          [{ zh: '认定人', en: 'By' }, 2],
          [{ zh: '边界内资产数', en: 'Inside' }, 1.8, 'center'],
          [{ zh: '新增', en: 'Added' }, 3.5],
          [{ zh: '移出', en: 'Removed' }, 3.5],
          [{ zh: '备注', en: 'Note' }, 3],
        ]),
        determinations.map((d) => [
          beijingTime(lang, d.determinedAt),
          d.determinedBy,
          String(d.inside.length),
          change(d, d.added, true),
          change(d, d.removed, false),
          d.note ?? dash,
        ]),
      ),
    );
  }

  // 7 安全保护义务
  blocks.push(h1(tx(L.ch7)));
  const dutyBasis: string[] = [];
  if (!duties.designated)
    dutyBasis.push(
      zh
        ? '该核心业务尚未登记认定日期。关键信息基础设施运营者的安全保护义务自保护工作部门认定之日起适用；登记认定通知和日期后，下列义务方可推算期限。'
        : 'No designation date is recorded for this core business. CII duties apply from the day the protection work department designates it; record the notice and date to have them dated.',
    );
  dutyBasis.push(
    duties.determinedAt
      ? zh
        ? `义务按本核心业务作为一项关键信息基础设施计算，截至${date(lang, duties.asOf)}；边界内定级对象取自${beijingTime(lang, duties.determinedAt)}记录的边界认定。`
        : `Duties of the core business as one CII, as of ${date(lang, duties.asOf)}; the grading objects inside come from the determination recorded ${beijingTime(lang, duties.determinedAt)}.`
      : zh
        ? `义务按本核心业务作为一项关键信息基础设施计算，截至${date(lang, duties.asOf)}；尚未记录边界认定，边界内定级对象未计入。`
        : `Duties of the core business as one CII, as of ${date(lang, duties.asOf)}; no determination recorded, so no grading objects are counted inside.`,
  );
  blocks.push(...dutyBasis.map((s) => p(s)));
  blocks.push(h2(tx(L.s71)));
  const deadline = (o: ObligationDto): string => {
    if (o.dueDate) {
      const every =
        o.recurrenceMonths !== null
          ? zh
            ? `（每${o.recurrenceMonths}个月）`
            : ` (every ${o.recurrenceMonths} months)`
          : '';
      return `${date(lang, o.dueDate)}${every}`;
    }
    if (o.eventDeadline) return eventDeadlineLabel(o.eventDeadline)[lang];
    if (o.windowOpensOn) return `${zh ? '自' : 'from '}${date(lang, o.windowOpensOn)}`;
    return zh ? '持续' : 'Ongoing';
  };
  if (duties.obligations.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      table(
        cols([
          [{ zh: '义务', en: 'Duty' }, 3.6],
          [{ zh: '期限', en: 'Deadline' }, 2.4],
          [{ zh: '状态', en: 'State' }, 2.2, 'center'],
          [{ zh: '依据', en: 'Legal basis' }, 4.8],
          [{ zh: '说明', en: 'Reason' }, 5],
        ]),
        duties.obligations.map((o) => [
          zh ? o.titleZh : o.titleEn,
          deadline(o),
          OBLIGATION_STATE[o.effectiveState][lang],
          // One citation per line.
          o.citations.map((c) => (zh ? c.labelZh : c.labelEn)).join('\n') || dash,
          zh ? o.reasonZh : o.reasonEn,
        ]),
      ),
    );
  }
  if (duties.missingFacts.length > 0) {
    const missing = duties.missingFacts.map((m) => `${m.ruleId}: ${m.fact}`).join(listSep);
    blocks.push(
      p(
        zh
          ? `有${duties.missingFacts.length}项信息缺失（${missing}），相关义务无法推算，未列入上表；请在边界内定级对象的信息中补充。`
          : `${plural(duties.missingFacts.length, 'fact')} missing (${missing}); the duties that need them are not listed. Complete the grading objects inside the boundary.`,
      ),
    );
  }
  blocks.push(h2(tx(L.s72)));
  if (duties.systems.length === 0) {
    blocks.push(
      p(
        zh
          ? '已记录的边界内没有关联定级对象的资产。边界内的信息系统应作为等级保护定级对象定级备案，并关联到相应资产。'
          : 'No asset inside the recorded boundary is linked to a grading object. The information systems inside should be graded and filed, and linked to their assets.',
      ),
    );
  } else {
    blocks.push(
      table(
        cols([
          [{ zh: '定级对象', en: 'Grading object' }, 4],
          [{ zh: '安全保护等级', en: 'Level' }, 2, 'center'],
          [{ zh: '提示', en: 'Warning' }, 9],
        ]),
        duties.systems.map((s) => [
          s.name,
          s.level === null ? (zh ? '未定级' : 'Not graded') : levelShort(lang, s.level),
          s.warnings
            .map((w) => {
              const cite = w.citations.map((c) => (zh ? c.labelZh : c.labelEn)).join(sep);
              return `${zh ? w.messageZh : w.messageEn}${cite ? (zh ? `（${cite}）` : ` (${cite})`) : ''}`;
            })
            .join(sep) || dash,
        ]),
      ),
    );
    const below = duties.systems.filter((s) =>
      s.warnings.some((w) => w.code === 'CII_BELOW_LEVEL_3'),
    );
    if (below.length > 0) {
      blocks.push(
        p(
          b(
            zh
              ? `注意：${below.map((s) => s.name).join('、')}位于关键信息基础设施边界内，安全保护等级低于第三级，应重新定级。`
              : `Attention: ${below.map((s) => s.name).join(', ')} ${below.length === 1 ? 'is' : 'are'} inside the CII boundary but graded below level 3; re-grade.`,
          ),
        ),
      );
    }
  }

  const title = zh ? `${business.name}${tx(L.title)}` : `${business.name} — ${tx(L.title)}`;
  return {
    lang,
    title,
    cover: {
      title: tx(L.title),
      subtitle: zh ? `（${business.name}）` : `(${business.name})`,
      // Eight lines fit the cover; the report date is the cover's date line.
      lines: [
        [zh ? '运营者' : 'Operator', orgName],
        [zh ? '核心业务' : 'Core business', business.name],
        [zh ? '行业领域' : 'Sector', CII_SECTOR_LABELS[business.sector][lang]],
        [zh ? '认定部门' : 'Designated by', orBlank(lang, business.designatingAuthority)],
        [zh ? '认定通知' : 'Notice', orBlank(lang, business.designationNotice)],
        [zh ? '认定日期' : 'Designated on', date(lang, business.designatedOn)],
        [zh ? '边界依据' : 'Boundary basis', basisShort],
        [zh ? '边界纳入规则' : 'Inclusion rules', rulesLine],
      ],
      date: `${zh ? '报告日期：' : 'Report date: '}${date(lang, input.date)}`,
    },
    header: zh
      ? `${organisation.name} ${business.name} 关键信息基础设施边界识别报告`
      : `${orgName} — ${business.name} — CII boundary determination report`,
    blocks,
  };
}
