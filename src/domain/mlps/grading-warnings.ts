import type { Citation, Provenance } from '../citation';
import type { ProtectionLevel, SystemType } from '../../shared/mlps';

/** What the warning checks need to know about a graded object and its neighbours. */
export interface GradedObjectFacts {
  readonly types: readonly SystemType[];
  readonly level: ProtectionLevel;
  /** Designated critical information infrastructure (关键信息基础设施). */
  readonly isCii: boolean;
  /** Levels of the graded systems this object carries (for cloud / big-data platforms). */
  readonly carriedLevels: readonly {
    readonly systemId: string;
    readonly name: string;
    readonly level: ProtectionLevel;
  }[];
  /**
   * Warnings of the sector grading guides that apply (src/domain/mlps/sector-guidance.ts), so
   * the API, the CLI and the reports list them with the others.
   */
  readonly sectorWarnings?: readonly GradingWarning[];
}

export type GradingWarningCode =
  | 'PLATFORM_BELOW_CARRIED_SYSTEM'
  | 'CII_BELOW_LEVEL_3'
  | 'BIG_DATA_BELOW_LEVEL_3'
  | 'SECTOR_GUIDANCE_BELOW_MINIMUM';

export interface GradingWarning {
  readonly code: GradingWarningCode;
  /** The level the rule suggests as a floor. */
  readonly expectedAtLeast: ProtectionLevel;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly citations: readonly Citation[];
  /** How well the floor itself is sourced; unverified floors are advisory. */
  readonly provenance: Provenance;
}

const PLATFORM_TYPES: readonly SystemType[] = [
  'cloud_platform',
  'big_data_platform',
  'communication_network_facility',
];

/**
 * Known floors on a grading. None changes the level: they are warnings for the grader and
 * the expert reviewers, each with its source and how sure we are of it.
 */
export function gradingWarnings(facts: GradedObjectFacts): GradingWarning[] {
  const warnings: GradingWarning[] = [];
  if (facts.types.some((t) => PLATFORM_TYPES.includes(t))) {
    const above = facts.carriedLevels.filter((c) => c.level > facts.level);
    if (above.length > 0) {
      const top = Math.max(...above.map((c) => c.level)) as ProtectionLevel;
      const names = above.map((c) => c.name).join('、');
      warnings.push({
        code: 'PLATFORM_BELOW_CARRIED_SYSTEM',
        expectedAtLeast: top,
        messageZh: `承载平台等级（第${facts.level}级）低于其承载的系统（${names}，最高第${top}级）；原则上不应低于所承载对象的等级。`,
        messageEn: `The platform (level ${facts.level}) carries systems graded higher (${names}, up to level ${top}); a supporting platform should in principle be graded no lower than what it carries.`,
        citations: [
          { instrumentId: 'gbt-22240-2020', provisionId: 'cloud-grading-object' },
          { instrumentId: 'hr-guide-2020', provisionId: '7.2.1.1' },
        ],
        // Confirmed for cloud by the high-risk guide; the general principle is from the standard (wording unverified).
        provenance: facts.types.includes('cloud_platform') ? 'confirmed' : 'unverified',
      });
    }
  }
  if (facts.isCii && facts.level < 3) {
    warnings.push({
      code: 'CII_BELOW_LEVEL_3',
      expectedAtLeast: 3,
      messageZh: `关键信息基础设施定为第${facts.level}级；关键信息基础设施原则上不低于第三级。`,
      messageEn: `Critical information infrastructure graded level ${facts.level}; CII should in principle be graded level 3 or above.`,
      citations: [{ instrumentId: 'gbt-22240-2020', provisionId: 'grading-objects' }],
      provenance: 'unverified',
    });
  }
  if (facts.types.includes('big_data_platform') && facts.level < 3) {
    warnings.push({
      code: 'BIG_DATA_BELOW_LEVEL_3',
      expectedAtLeast: 3,
      messageZh: `大数据平台定为第${facts.level}级；大数据平台原则上不低于第三级。`,
      messageEn: `Big-data platform graded level ${facts.level}; big-data platforms should in principle be graded level 3 or above.`,
      citations: [{ instrumentId: 'gbt-22240-2020', provisionId: 'big-data-grading-object' }],
      provenance: 'unverified',
    });
  }
  warnings.push(...(facts.sectorWarnings ?? []));
  return warnings;
}
