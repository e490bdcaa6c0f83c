/**
 * Personal-information protection engines (个人信息保护): the sensitive-information classifier,
 * the cross-border path engine, the PIPIA triggers, the face-recognition duties and every duty of
 * an organisation on a date. Pure: dates, the calendar and the catalogs are arguments.
 */
export type * from './types';
export * from './citations';
export { classifyActivity } from './sensitive';
export type { ClassifiableActivity, PiplClassHit, SensitiveClassification } from './sensitive';
export {
  ASSESSMENT_RENEWAL_WORKING_DAYS,
  ASSESSMENT_VALIDITY_YEARS,
  CROSS_BORDER_DATES,
  CROSS_BORDER_PENALTY_IDS,
  CROSS_BORDER_REGIMES,
  CROSS_BORDER_THRESHOLDS,
  EXEMPT_BATCHES_COUNT,
  STANDARD_CONTRACT_FILING_WORKING_DAYS,
  assessmentValidUntil,
  crossBorderPaths,
  exemptionLabel,
  pathLabel,
  regimeOn,
} from './cross-border';
export type { CrossBorderOptions } from './cross-border';
export {
  FACE_MEASURES_IN_FORCE,
  PIPIA_RETENTION_YEARS,
  PIPIA_TRIGGER_CODES,
  PIPL_IN_FORCE,
  pipiaRequired,
  pipiaRetainUntil,
  pipiaTriggers,
} from './pipia-triggers';
export type {
  PipiaClassification,
  PipiaTrigger,
  PipiaTriggerCode,
  PipiaTriggerOptions,
} from './pipia-triggers';
export {
  FACE_ARTICLE_NUMBERS_PROVENANCE,
  FACE_FILING_THRESHOLD,
  FACE_FILING_WORKING_DAYS,
  FACE_TRANSITIONAL_FILING_DUE,
  faceRecognitionDrafts,
  faceThresholdReachedOn,
} from './face-recognition';
export {
  COMPLIANCE_AUDIT_INTERVAL_MONTHS,
  COMPLIANCE_AUDIT_MEASURES_IN_FORCE,
  COMPLIANCE_AUDIT_THRESHOLD,
  NDS_LARGE_PROCESSOR_THRESHOLD,
  NDS_REGULATIONS_IN_FORCE,
  PI_OFFICER_THRESHOLD,
  PI_OFFICER_THRESHOLD_PROVENANCE,
  faceRecognitionDuties,
  privacyDuties,
  requiredConsents,
} from './duties';
export type { PrivacyDutyDraft, PrivacyDutyOptions, PrivacyDutyOrganisationFacts } from './duties';
