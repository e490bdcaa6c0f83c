/**
 * Sentences that say why an asset is inside the CII boundary, or why it is not, in the words
 * an operator uses (zh) and in English. Pure: names are looked up through the callbacks.
 */
import type { DependencyKind, InclusionReason, LifecycleStage } from './boundary';

export const STAGE_WORDS: Readonly<Record<LifecycleStage, { zh: string; en: string }>> = {
  collection: { zh: '采集', en: 'collection' },
  transmission: { zh: '传输', en: 'transmission' },
  storage: { zh: '存储', en: 'storage' },
  processing: { zh: '处理', en: 'processing' },
  exchange: { zh: '交换共享', en: 'exchange/sharing' },
  destruction: { zh: '销毁', en: 'destruction' },
};

/** One dependency step "A —kind→ B" as a clause, A and B already quoted. */
const STEP_WORDS: Readonly<
  Record<
    DependencyKind,
    { zh: (a: string, b: string) => string; en: (a: string, b: string) => string }
  >
> = {
  runs_on: { zh: (a, b) => `${a}运行于${b}`, en: (a, b) => `${a} runs on ${b}` },
  authenticates_with: {
    zh: (a, b) => `${a}依赖${b}进行身份认证`,
    en: (a, b) => `${a} authenticates with ${b}`,
  },
  managed_by: { zh: (a, b) => `${a}由${b}运维管理`, en: (a, b) => `${a} is managed by ${b}` },
  protected_by: {
    zh: (a, b) => `${a}由${b}提供安全防护`,
    en: (a, b) => `${a} is protected by ${b}`,
  },
  exchanges_with_external: {
    zh: (a, b) => `${a}与${b}交换数据`,
    en: (a, b) => `${a} exchanges data with ${b}`,
  },
};

export interface Explanation {
  readonly zh: string;
  readonly en: string;
}

/**
 * @example explainInclusion({kind:'flow', flowId:'f1', stage:'storage'}, name, flowName)
 *   → { zh: '关键业务信息流「清算报文」在此存储。', … }
 */
export function explainInclusion(
  reason: InclusionReason,
  assetName: (id: string) => string,
  flowName: (id: string) => string,
): Explanation {
  const stage = STAGE_WORDS[reason.stage];
  const flow = flowName(reason.flowId);
  if (reason.kind === 'flow')
    return {
      zh: `关键业务信息流「${flow}」在此${stage.zh}。`,
      en: `The critical business information flow "${flow}" passes here (${stage.en}).`,
    };
  const zhSteps: string[] = [];
  const enSteps: string[] = [];
  let previous = reason.from;
  for (const step of reason.chain) {
    const words = STEP_WORDS[step.via];
    zhSteps.push(words.zh(`「${assetName(previous)}」`, `「${assetName(step.assetId)}」`));
    enSteps.push(words.en(`"${assetName(previous)}"`, `"${assetName(step.assetId)}"`));
    previous = step.assetId;
  }
  const zh = `信息流「${flow}」在「${assetName(reason.from)}」${stage.zh}；${zhSteps.join('，')}`;
  const en = `Flow "${flow}" has its ${stage.en} at "${assetName(reason.from)}"; ${enSteps.join(', ')}`;
  return {
    zh: `${zh}；关键业务离不开它，故纳入边界。`,
    en: `${en}; the business cannot run without it, so it is inside.`,
  };
}

/** Why an asset is outside: an external party's system, or nothing inside needs it. */
export function explainExclusion(external: boolean): Explanation {
  return external
    ? {
        zh: '外部单位的系统，不纳入边界；与其交互的接口处为边界接入点。',
        en: "An external party's system: outside; the interconnection with it is a boundary point.",
      }
    : {
        zh: '关键业务信息流不经过它，边界内资产也不依赖它（按当前纳入规则）。',
        en: 'No critical information flow passes it and nothing inside depends on it (under the current rules).',
      };
}
