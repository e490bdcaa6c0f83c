import type { HarmDegree, HarmedObject, ProtectionLevel } from '../../../src/shared/mlps';

/**
 * GB/T 22240-2020 定级要素与安全保护等级的关系, used only to draw the cells a grading did not use
 * (the API returns the used ones). Same table as LEVEL_MATRIX in src/domain/mlps/grading.ts, which
 * web may not import; drop this copy once the table lives in src/shared.
 */
export const LEVEL_MATRIX: Readonly<
  Record<HarmedObject, Readonly<Record<HarmDegree, ProtectionLevel>>>
> = {
  citizen_legal_person: { general: 1, serious: 2, especially_serious: 2 },
  social_order_public_interest: { general: 2, serious: 3, especially_serious: 4 },
  national_security: { general: 3, serious: 4, especially_serious: 5 },
};
