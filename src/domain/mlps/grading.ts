import type { Citation } from '../citation';
import {
  GRADING_DIMENSIONS,
  type GradingDimension,
  type HarmDegree,
  type HarmedObject,
  type ProtectionLevel,
} from '../../shared/mlps';

/** One judgement: this object would suffer harm of this degree. */
export interface HarmJudgement {
  readonly object: HarmedObject;
  readonly degree: HarmDegree;
}

/** Input of a grading: the harm judgements for each of the two dimensions. */
export interface GradingInput {
  /** 业务信息安全被破坏时所侵害的客体和侵害程度 */
  readonly businessInformation: readonly HarmJudgement[];
  /** 系统服务安全被破坏时所侵害的客体和侵害程度 */
  readonly systemService: readonly HarmJudgement[];
}

/** A matrix cell that was consulted, with the level it yields. */
export interface MatrixCell extends HarmJudgement {
  readonly level: ProtectionLevel;
}

export interface DimensionResult {
  readonly dimension: GradingDimension;
  readonly level: ProtectionLevel;
  /** Every judgement of this dimension, with its cell's level. */
  readonly cells: readonly MatrixCell[];
  /** The cells that set the level (the highest ones). */
  readonly decisiveCells: readonly MatrixCell[];
}

export interface GradingResult {
  readonly businessInformation: DimensionResult;
  readonly systemService: DimensionResult;
  /** Final level: the higher of the two dimension levels. */
  readonly level: ProtectionLevel;
  /** The dimension(s) whose level is the final level. */
  readonly decisiveDimensions: readonly GradingDimension[];
  readonly citations: readonly Citation[];
}

/**
 * 定级要素与安全保护等级的关系 — the final GB/T 22240-2020 matrix (the same for both dimensions).
 * Citizen / especially serious is level 2 in the final standard; the 2018 draft's level 3 is wrong.
 */
export const LEVEL_MATRIX: Readonly<
  Record<HarmedObject, Readonly<Record<HarmDegree, ProtectionLevel>>>
> = {
  citizen_legal_person: { general: 1, serious: 2, especially_serious: 2 },
  social_order_public_interest: { general: 2, serious: 3, especially_serious: 4 },
  national_security: { general: 3, serious: 4, especially_serious: 5 },
};

export const GRADING_CITATIONS: readonly Citation[] = [
  { instrumentId: 'gbt-22240-2020', provisionId: 'levels' },
  { instrumentId: 'gbt-22240-2020', provisionId: 'level-matrix' },
];

/** The level of one matrix cell. */
export function levelFor(object: HarmedObject, degree: HarmDegree): ProtectionLevel {
  return LEVEL_MATRIX[object][degree];
}

/** Thrown for input the schema layer should have rejected (kept so the engine is safe on its own). */
export class GradingInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'GradingInputError';
  }
}

function gradeDimension(
  dimension: GradingDimension,
  judgements: readonly HarmJudgement[],
  path: string,
): DimensionResult {
  if (judgements.length === 0) {
    throw new GradingInputError(path, 'at least one harmed object is required');
  }
  const cells: MatrixCell[] = [];
  let level = 1 as ProtectionLevel;
  for (let i = 0; i < judgements.length; i++) {
    const j = judgements[i] as HarmJudgement;
    for (let k = 0; k < i; k++) {
      if ((judgements[k] as HarmJudgement).object === j.object) {
        throw new GradingInputError(`${path}[${i}].object`, `object "${j.object}" is listed twice`);
      }
    }
    const cell = { object: j.object, degree: j.degree, level: levelFor(j.object, j.degree) };
    if (cell.level > level) level = cell.level;
    cells.push(cell);
  }
  return { dimension, level, cells, decisiveCells: cells.filter((c) => c.level === level) };
}

/**
 * Grades a grading object under GB/T 22240-2020: each dimension takes the highest cell of its
 * judgements, and the final level is the higher of the two dimensions.
 *
 * @example
 * gradeSystem({
 *   businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
 *   systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
 * }).level // 3
 */
export function gradeSystem(input: GradingInput): GradingResult {
  const businessInformation = gradeDimension(
    'business_information',
    input.businessInformation,
    'businessInformation',
  );
  const systemService = gradeDimension('system_service', input.systemService, 'systemService');
  const level = Math.max(businessInformation.level, systemService.level) as ProtectionLevel;
  const byDimension = { business_information: businessInformation, system_service: systemService };
  return {
    businessInformation,
    systemService,
    level,
    decisiveDimensions: GRADING_DIMENSIONS.filter((d) => byDimension[d].level === level),
    citations: GRADING_CITATIONS,
  };
}
