import type { GradingRecordDto } from '../../../../src/shared/api-types';
import { HARMED_OBJECTS, type HarmDegree, type HarmedObject } from '../../../../src/shared/mlps';
import type { GradingInputDto } from '../../../../src/shared/schemas';

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
