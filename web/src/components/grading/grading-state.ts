import type { GradingRecordDto, SectorGuidanceDto } from '../../../../src/shared/api-types';
import {
  HARMED_OBJECTS,
  type HarmDegree,
  type HarmedObject,
  type ProtectionLevel,
} from '../../../../src/shared/mlps';
import type { GradingInputDto, GradingNarrative } from '../../../../src/shared/schemas';

/** 'none' = 不侵害: the object is left out of the judgements sent to the server. */
export type DegreeChoice = HarmDegree | 'none';
export type DimensionChoices = Record<HarmedObject, DegreeChoice>;

export const emptyChoices = (): DimensionChoices => ({
  citizen_legal_person: 'none',
  social_order_public_interest: 'none',
  national_security: 'none',
});

export function toJudgements(choices: DimensionChoices) {
  return HARMED_OBJECTS.filter((object) => choices[object] !== 'none').map((object) => ({
    object,
    degree: choices[object] as HarmDegree,
  }));
}

export function hasJudgement(choices: DimensionChoices): boolean {
  return HARMED_OBJECTS.some((object) => choices[object] !== 'none');
}

/** The preview input, or null while a dimension still has no harmed object. */
export function toGradingInput(bi: DimensionChoices, ss: DimensionChoices): GradingInputDto | null {
  if (!hasJudgement(bi) || !hasJudgement(ss)) return null;
  return { businessInformation: toJudgements(bi), systemService: toJudgements(ss) };
}

/** Regrading starts from the judgements of the current grading. */
export function choicesFromGrading(grading: GradingRecordDto | null): {
  bi: DimensionChoices;
  ss: DimensionChoices;
} {
  const bi = emptyChoices();
  const ss = emptyChoices();
  for (const cell of grading?.result.businessInformation.cells ?? []) bi[cell.object] = cell.degree;
  for (const cell of grading?.result.systemService.cells ?? []) ss[cell.object] = cell.degree;
  return { bi, ss };
}

/** The narrative's dimension names (camelCase, as the wire schema has them). */
export type NarrativeDimension = 'businessInformation' | 'systemService';

/** What the wizard collects for the 定级报告 besides the judgements; texts as typed. */
export interface NarrativeDraft {
  businessDescription: string;
  serviceDescription: string;
  boundaryDescription: string;
  /** Argument per `${dimension}:${object}`, kept when the degree changes. */
  arguments: Record<string, string>;
  /** The user's yes/no per sector guide id; absent while unanswered. */
  answers: Record<string, boolean>;
}

export const argumentKey = (dimension: NarrativeDimension, object: HarmedObject): string =>
  `${dimension}:${object}`;

/** Regrading starts from the words of the current grading. */
export function draftFromGrading(grading: GradingRecordDto | null): NarrativeDraft {
  const n = grading?.narrative;
  return {
    businessDescription: n?.businessDescription ?? '',
    serviceDescription: n?.serviceDescription ?? '',
    boundaryDescription: n?.boundaryDescription ?? '',
    arguments: Object.fromEntries(
      (n?.harmArguments ?? []).map((a) => [argumentKey(a.dimension, a.object), a.argument]),
    ),
    answers: Object.fromEntries((n?.sectorGuidance ?? []).map((g) => [g.guideId, g.applies])),
  };
}

/** Anything written or answered: then the narrative is sent and must be complete. */
export function narrativeStarted(draft: NarrativeDraft): boolean {
  return (
    draft.businessDescription.trim() !== '' ||
    draft.serviceDescription.trim() !== '' ||
    draft.boundaryDescription.trim() !== '' ||
    Object.values(draft.arguments).some((a) => a.trim() !== '') ||
    Object.keys(draft.answers).length > 0
  );
}

/** The chosen objects of a dimension whose argument is still empty. */
export function missingArguments(
  draft: NarrativeDraft,
  dimension: NarrativeDimension,
  choices: DimensionChoices,
): HarmedObject[] {
  return HARMED_OBJECTS.filter(
    (object) =>
      choices[object] !== 'none' &&
      (draft.arguments[argumentKey(dimension, object)] ?? '').trim() === '',
  );
}

/** The narrative to send, or null when nothing was written (a grading without one). */
export function toNarrative(
  draft: NarrativeDraft,
  bi: DimensionChoices,
  ss: DimensionChoices,
): GradingNarrative | null {
  if (!narrativeStarted(draft)) return null;
  const harmArguments = (
    [
      ['businessInformation', bi],
      ['systemService', ss],
    ] as const
  ).flatMap(([dimension, choices]) =>
    toJudgements(choices).map((j) => ({
      dimension,
      object: j.object,
      degree: j.degree,
      argument: (draft.arguments[argumentKey(dimension, j.object)] ?? '').trim(),
    })),
  );
  const boundary = draft.boundaryDescription.trim();
  return {
    businessDescription: draft.businessDescription.trim(),
    serviceDescription: draft.serviceDescription.trim(),
    boundaryDescription: boundary === '' ? null : boundary,
    harmArguments,
    sectorGuidance: Object.entries(draft.answers).map(([guideId, applies]) => ({
      guideId,
      applies,
    })),
  };
}

/**
 * The highest minimum of the guides answered "applies" (the server computes the same from the
 * recorded answers; this follows the answers live, before anything is recorded).
 */
export function recommendedMinimum(
  guidance: SectorGuidanceDto | undefined,
  answers: Record<string, boolean>,
): ProtectionLevel | null {
  const floors = (guidance?.guides ?? [])
    .filter((g) => answers[g.guide.id] === true)
    .map((g) => g.guide.recommendedMinimum);
  return floors.length === 0 ? null : (Math.max(...floors) as ProtectionLevel);
}
