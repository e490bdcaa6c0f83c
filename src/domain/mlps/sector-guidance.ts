/**
 * Sector grading guidance: which sector guides (src/catalogs/sector-grading/) bear on a system,
 * the recommended minimum level they set, and a warning for each that the chosen level is below.
 * Pure: the guides, the organisation's sector, the user's yes/no answers, the level and the date
 * are arguments. A guide never changes the level; it is a floor the grader and the experts see.
 */
import type { SectorGradingGuide } from '../../catalogs/sector-grading/schema';
import type { ProtectionLevel } from '../../shared/mlps';
import type { GradingWarning } from './grading-warnings';

/** The organisation's sector: the filing form's 行业类别 code when chosen, else its free text. */
export interface OrganisationSector {
  readonly code: string | null;
  readonly name: string | null;
}

export interface SectorGuideAnswer {
  readonly guideId: string;
  readonly applies: boolean;
}

export interface SectorGuideOutcome {
  readonly guide: SectorGradingGuide;
  /** The user's answer to the guide's question; null while unanswered. */
  readonly applies: boolean | null;
  /** Whether the chosen level meets the guide: null when it does not apply or there is no level. */
  readonly meets: boolean | null;
}

export interface SectorGuidanceResult {
  /** How the guides were picked: by 行业类别 code, by the sector's name, or all (no sector given). */
  readonly matchedBy: 'code' | 'name' | 'all';
  /** The guides in force for the sector, plus any other guide the user said applies. */
  readonly outcomes: readonly SectorGuideOutcome[];
  /** The highest minimum among the guides that apply; null when none applies. */
  readonly recommendedMinimum: ProtectionLevel | null;
  /** One per applying guide whose minimum is above the chosen level. */
  readonly warnings: readonly GradingWarning[];
}

/** The guides that speak to an organisation of this sector on `asOf` (in force that day). */
export function guidesForSector(
  guides: readonly SectorGradingGuide[],
  sector: OrganisationSector,
  asOf: string,
): { matchedBy: SectorGuidanceResult['matchedBy']; guides: SectorGradingGuide[] } {
  const inForce = guides.filter(
    (g) => g.effectiveFrom <= asOf && (g.effectiveTo === null || asOf <= g.effectiveTo),
  );
  const code = sector.code?.trim() || null;
  if (code) return { matchedBy: 'code', guides: inForce.filter((g) => g.sector.code === code) };
  const name = sector.name?.trim().toLowerCase() || null;
  if (name) {
    return {
      matchedBy: 'name',
      guides: inForce.filter((g) => g.sector.keywords.some((k) => name.includes(k.toLowerCase()))),
    };
  }
  return { matchedBy: 'all', guides: inForce };
}

export function sectorGuidanceFor(
  guides: readonly SectorGradingGuide[],
  sector: OrganisationSector,
  answers: readonly SectorGuideAnswer[],
  chosenLevel: ProtectionLevel | null,
  asOf: string,
): SectorGuidanceResult {
  const picked = guidesForSector(guides, sector, asOf);
  const answerOf = new Map(answers.map((a) => [a.guideId, a.applies]));
  // A guide the user said applies counts even outside the matched sector (the user knows best).
  const extra = guides.filter(
    (g) => answerOf.get(g.id) === true && !picked.guides.some((p) => p.id === g.id),
  );
  const outcomes: SectorGuideOutcome[] = [...picked.guides, ...extra].map((guide) => {
    const applies = answerOf.get(guide.id) ?? null;
    const meets =
      applies === true && chosenLevel !== null ? chosenLevel >= guide.recommendedMinimum : null;
    return { guide, applies, meets };
  });
  const applying = outcomes.filter((o) => o.applies === true);
  const recommendedMinimum =
    applying.length === 0
      ? null
      : (Math.max(...applying.map((o) => o.guide.recommendedMinimum)) as ProtectionLevel);
  const warnings = outcomes
    .filter((o) => o.meets === false)
    .map((o) => belowMinimum(o.guide, chosenLevel as ProtectionLevel));
  return { matchedBy: picked.matchedBy, outcomes, recommendedMinimum, warnings };
}

const ZH_DIGITS = ['', '一', '二', '三', '四', '五'];

function belowMinimum(guide: SectorGradingGuide, level: ProtectionLevel): GradingWarning {
  const min = guide.recommendedMinimum as ProtectionLevel;
  const source = guide.sources.find((s) => s.relation === 'rule') ?? guide.sources[0]!;
  const refZh = `《${bareTitle(source.instrumentZh)}》${source.documentNumber ? `（${source.documentNumber}）` : ''}`;
  const unverifiedZh = guide.status === 'unverified' ? '（该规则尚未对照原文核实，请核对。）' : '';
  const unverifiedEn =
    guide.status === 'unverified' ? ' (Not yet checked against the text of the source.)' : '';
  return {
    code: 'SECTOR_GUIDANCE_BELOW_MINIMUM',
    expectedAtLeast: min,
    messageZh: `行业定级指导：${guide.rule.zh}本系统定为第${ZH_DIGITS[level]}级，低于建议的最低等级第${ZH_DIGITS[min]}级。依据：${refZh}。${unverifiedZh}`,
    messageEn: `Sector grading guidance: ${guide.rule.en} This system is graded level ${level}, below the recommended minimum of level ${min}. Source: ${source.instrumentEn}${source.documentNumber ? ` (${source.documentNumber})` : ''}.${unverifiedEn}`,
    citations: guide.sources.map((s) => ({ instrumentId: `sector-grading:${s.id}` })),
    provenance: guide.status,
  };
}

/** 卫生部关于印发《X》的通知 → X (the instrument itself, as readers cite it). */
export function bareTitle(title: string): string {
  const m = /《(.+)》/.exec(title);
  return m ? m[1]! : title;
}
