import type { Citation } from '../../citation';
import type { IsoDate } from '../../calendar';
import type { ObligationRule, SystemFacts } from '../types';
import { compareIsoDate, lastEvent, latest, nextRecurrence } from '../helpers';

/** Why a system is an "important network and information system" for crypto assessment. */
interface CryptoTrigger {
  readonly code: 'cii' | 'level3' | 'egov';
  readonly labelZh: string;
  readonly labelEn: string;
  readonly effectiveFrom: IsoDate;
  readonly citations: readonly Citation[];
}

const TRIGGERS: readonly CryptoTrigger[] = [
  {
    code: 'cii',
    labelZh: '关键信息基础设施',
    labelEn: 'critical information infrastructure',
    // Commercial Cryptography Administration Regulations (2023) Art 38 fixed "before going live, then yearly".
    effectiveFrom: '2023-07-01',
    citations: [
      { instrumentId: 'crypto-law-2019', provisionId: 'art-27' },
      { instrumentId: 'cca-regulations-2023', provisionId: 'art-38' },
    ],
  },
  {
    code: 'level3',
    labelZh: '第三级及以上网络',
    labelEn: 'a level-3-or-above network',
    effectiveFrom: '2023-11-01',
    citations: [
      { instrumentId: 'oscca-order-3-2023', provisionId: 'art-6' },
      { instrumentId: 'oscca-order-3-2023', provisionId: 'important-systems-scope' },
    ],
  },
  {
    code: 'egov',
    labelZh: '国家政务信息系统',
    labelEn: 'a national e-government information system',
    effectiveFrom: '2023-11-01',
    citations: [
      { instrumentId: 'oscca-order-3-2023', provisionId: 'art-6' },
      { instrumentId: 'oscca-order-3-2023', provisionId: 'important-systems-scope' },
    ],
  },
];

const NO_TRIGGERS: readonly CryptoTrigger[] = [];

function activeTriggers(s: SystemFacts, asOf: IsoDate): readonly CryptoTrigger[] {
  const cii = s.isCii === true;
  const level3 = s.level !== null && s.level >= 3;
  const egov = s.isNationalEgov === true;
  if (!cii && !level3 && !egov) return NO_TRIGGERS;
  const hit = { cii, level3, egov };
  return TRIGGERS.filter((t) => hit[t.code] && asOf >= t.effectiveFrom);
}

export const cryptoAssessmentRule: ObligationRule = {
  id: 'crypto.application-assessment',
  titleZh: '商用密码应用安全性评估（密评）',
  titleEn: 'Commercial cryptography application security assessment',
  citations: [
    ...TRIGGERS.flatMap((t) => t.citations).filter(
      (c, i, all) =>
        all.findIndex(
          (d) => d.instrumentId === c.instrumentId && d.provisionId === c.provisionId,
        ) === i,
    ),
    { instrumentId: 'oscca-order-3-2023', provisionId: 'pre-launch-assessment' },
    { instrumentId: 'oscca-order-3-2023', provisionId: 'annual-assessment' },
  ],
  effectiveFrom: '2023-07-01',
  effectiveTo: null,
  needs: ['isCii', 'level', 'isNationalEgov', 'goLiveOn', 'cryptoAssessments'],
  // The scope of Order No. 3 (level 3+, e-government) was not seen in its text: unverified.
  provenance: 'unverified',
  notes:
    'CII (Regulations Art 38, from 2023-07-01), level-3-and-above networks and national e-government systems (OSCCA Order No. 3, from 2023-11-01) must pass a crypto assessment before going live and repeat it at least yearly. A live system with no assessment on record is due one year after the later of going live and the date the duty reached it (our reading).',
  evaluate(s, asOf) {
    const triggers = activeTriggers(s, asOf);
    const missing = (['isCii', 'isNationalEgov'] as const).filter((f) => s[f] === null);
    if (triggers.length === 0) return { missing, obligations: [] };
    const last = lastEvent(s.cryptoAssessments, asOf);
    if (last === null && s.goLiveOn === null)
      return { missing: [...missing, 'goLiveOn'], obligations: [] };
    const notLiveYet = s.goLiveOn !== null && compareIsoDate(s.goLiveOn, asOf) > 0;
    // A system already live when the duty took effect gets one year from the later of the two.
    // The duty reached the system on the earliest effective date among its triggers.
    let dutyFrom = (triggers[0] as CryptoTrigger).effectiveFrom;
    for (const t of triggers) if (t.effectiveFrom < dutyFrom) dutyFrom = t.effectiveFrom;
    const due = last
      ? nextRecurrence(last, last, 12)
      : notLiveYet
        ? (s.goLiveOn as IsoDate)
        : nextRecurrence(null, latest(s.goLiveOn, dutyFrom) as IsoDate, 12);
    const whyZh = triggers.map((t) => t.labelZh).join('、');
    const whyEn = triggers.map((t) => t.labelEn).join(', ');
    return {
      missing,
      obligations: [
        {
          satisfied: false,
          dueDate: due,
          recurrenceMonths: 12,
          // One trigger keeps its (shared) list so the engine's per-list cache stays small.
          citations:
            triggers.length === 1
              ? (triggers[0] as CryptoTrigger).citations
              : triggers.flatMap((t) => t.citations),
          reasonZh: last
            ? `属于${whyZh}，密评每年至少一次；上次完成于${last}。`
            : notLiveYet
              ? `属于${whyZh}，须在投入运行（${s.goLiveOn}）前通过密评，之后每年至少一次。`
              : `属于${whyZh}，已投入运行但无密评记录；按每年至少一次，自投入运行或该义务生效（较晚者）起算。`,
          reasonEn: last
            ? `As ${whyEn}, the crypto assessment recurs at least yearly; last completed ${last}.`
            : notLiveYet
              ? `As ${whyEn}, it must pass a crypto assessment before going live (${s.goLiveOn}), then at least yearly.`
              : `As ${whyEn}, it is live with no crypto assessment on record; due one year after going live or after the duty took effect, whichever is later.`,
        },
      ],
    };
  },
};

export const CRYPTO_RULES: readonly ObligationRule[] = [cryptoAssessmentRule];
