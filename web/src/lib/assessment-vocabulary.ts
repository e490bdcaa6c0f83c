/** The assessment vocabulary, shared with the server (src/shared/assessment-vocabulary.ts). */
export {
  CATEGORIES_BY_OBJECT_KIND,
  RESULTS_NEEDING_REASON,
  RISK_LEVELS,
  TEST_OBJECT_KINDS,
  type TestObjectKind,
} from '../../../src/shared/assessment-vocabulary';
