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

/** "A —kind→ B": how B serves A, read from A's side. */
const VIA_WORDS: Readonly<Record<DependencyKind, { zh: string; en: string }>> = {
  runs_on: { zh: '运行于', en: 'runs on' },
  authenticates_with: { zh: '依赖其身份认证', en: 'authenticates with' },
  managed_by: { zh: '由其运维管理', en: 'is managed by' },
  protected_by: { zh: '由其安全防护', en: 'is protected by' },
  exchanges_with_external: { zh: '与其对外交换', en: 'exchanges with' },
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
  let zh = `「${assetName(reason.from)}」（信息流「${flow}」${stage.zh}环节）`;
  let en = `"${assetName(reason.from)}" (${stage.en} in flow "${flow}")`;
  for (const step of reason.chain) {
    zh += ` ${VIA_WORDS[step.via].zh}「${assetName(step.assetId)}」`;
    en += ` ${VIA_WORDS[step.via].en} "${assetName(step.assetId)}"`;
  }
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
