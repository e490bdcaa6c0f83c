/**
 * Level assessment (等级测评) types for the domain; the vocabulary values live in
 * src/shared/assessment-vocabulary.ts (the web UI needs them too).
 */
import type { RequirementCategory } from '../../../catalogs/mlps-catalog.model';

export {
  CATEGORIES_BY_OBJECT_KIND,
  DEFAULT_SCOPE_BY_OBJECT_KIND,
  objectCovers,
  ITEM_RESULT_ZH,
  ITEM_RESULTS,
  RESULTS_NEEDING_REASON,
  RESULTS_NEEDING_RECORD,
  RISK_LEVEL_ZH,
  RISK_LEVELS,
  TEST_OBJECT_KIND_ZH,
  TEST_OBJECT_KINDS,
  type ItemResult,
  type RiskLevel,
  type TestObjectKind,
} from '../../../shared/assessment-vocabulary';
import type { ItemResult, TestObjectKind } from '../../../shared/assessment-vocabulary';

/** A test object of an assessment. */
export interface TestObject {
  readonly id: string;
  readonly name: string;
  readonly kind: TestObjectKind;
  /** The object's own control points; null = the kind's default ({@link objectCovers}). */
  readonly controlPoints: readonly string[] | null;
}

/** One recorded result. */
export interface ResultRecord {
  readonly requirementId: string;
  readonly objectId: string;
  readonly result: ItemResult;
}

/** A requirement of the assessment's fixed baseline, as scoring needs it. */
export interface BaselineRequirement {
  readonly id: string;
  readonly category: RequirementCategory;
  readonly controlPointId: string;
  /** Observed item weight (1.0 / 0.7 / 0.4), if the catalog has one for this level. */
  readonly weight?: number | undefined;
}
