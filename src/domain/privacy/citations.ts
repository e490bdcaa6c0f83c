/**
 * The provisions the personal-information rules cite, in one place. Instrument and provision
 * ids are those of the knowledge base (src/catalogs/knowledge-base/instruments.yaml); a test
 * checks that each one resolves. Article numbers follow the texts as verified there.
 */
import type { Citation } from '../citation';

const cite = (instrumentId: string, provisionId: string): Citation => ({
  instrumentId,
  provisionId,
});

/** 中华人民共和国个人信息保护法 (in force 2021-11-01). */
export const PIPL = {
  legalBases: cite('pipl-2021', 'art-13'),
  consent: cite('pipl-2021', 'art-14'),
  provisionToOtherHandler: cite('pipl-2021', 'art-23'),
  publicDisclosure: cite('pipl-2021', 'art-25'),
  publicCameras: cite('pipl-2021', 'art-26'),
  sensitiveDefinition: cite('pipl-2021', 'art-28'),
  sensitiveConsent: cite('pipl-2021', 'art-29'),
  sensitiveNotice: cite('pipl-2021', 'art-30'),
  minorsUnder14: cite('pipl-2021', 'art-31'),
  transferMechanisms: cite('pipl-2021', 'art-38'),
  transferConsent: cite('pipl-2021', 'art-39'),
  localisation: cite('pipl-2021', 'art-40'),
  securityMeasures: cite('pipl-2021', 'art-51'),
  protectionOfficer: cite('pipl-2021', 'art-52'),
  complianceAudit: cite('pipl-2021', 'art-54'),
  pipiaTriggers: cite('pipl-2021', 'art-55'),
  pipiaContentAndRetention: cite('pipl-2021', 'art-56'),
  penalty: cite('pipl-2021', 'art-66'),
} as const;

/** 促进和规范数据跨境流动规定 (CAC Order No. 16, in force 2024-03-22). */
export const CROSS_BORDER_2024 = {
  undeclaredImportantData: cite('cac-cross-border-provisions-2024', 'art-2'),
  noPersonalInformation: cite('cac-cross-border-provisions-2024', 'art-3'),
  collectedAbroad: cite('cac-cross-border-provisions-2024', 'art-4'),
  exemptions: cite('cac-cross-border-provisions-2024', 'art-5'),
  freeTradeZones: cite('cac-cross-border-provisions-2024', 'art-6'),
  securityAssessment: cite('cac-cross-border-provisions-2024', 'art-7'),
  standardContract: cite('cac-cross-border-provisions-2024', 'art-8'),
  assessmentValidity: cite('cac-cross-border-provisions-2024', 'art-9'),
  piplDutiesRemain: cite('cac-cross-border-provisions-2024', 'art-10'),
  dataSecurityDuties: cite('cac-cross-border-provisions-2024', 'art-11'),
  prevailsOverEarlier: cite('cac-cross-border-provisions-2024', 'art-13'),
} as const;

/** 数据出境安全评估办法 (CAC Order No. 11, in force 2022-09-01). */
export const EXPORT_ASSESSMENT_2022 = {
  scope: cite('cac-data-export-assessment-2022', 'art-2'),
  thresholds: cite('cac-data-export-assessment-2022', 'art-4'),
  validity: cite('cac-data-export-assessment-2022', 'art-14'),
} as const;

/** 个人信息出境标准合同办法 (CAC Order No. 13, in force 2023-06-01). */
export const STANDARD_CONTRACT_2023 = {
  conditions: cite('cac-standard-contract-2023', 'art-4'),
  filing: cite('cac-standard-contract-2023', 'art-7'),
} as const;

/** 网络数据安全管理条例 (State Council Decree No. 790, in force 2025-01-01). */
export const NDS_REGULATIONS = {
  recordsOfProvision: cite('nds-regulations-2024', 'art-12'),
  privacyRules: cite('nds-regulations-2024', 'art-21'),
  consentRules: cite('nds-regulations-2024', 'art-22'),
  largeProcessors: cite('nds-regulations-2024', 'art-28'),
  importantDataOfficerAndBody: cite('nds-regulations-2024', 'art-30'),
  disposalOnReorganisation: cite('nds-regulations-2024', 'art-32'),
  exportBases: cite('nds-regulations-2024', 'art-35'),
  importantDataExport: cite('nds-regulations-2024', 'art-37'),
  /** Penalty for Arts. 12, 16–20, 22, 40 ¶1–2, 41, 42. */
  penaltyGeneral: cite('nds-regulations-2024', 'art-55'),
  /** Penalty for Art. 13 (national-security review). */
  penaltyNationalSecurity: cite('nds-regulations-2024', 'art-56'),
  /** Penalty for the important-data duties (Arts. 29 ¶2, 30 ¶2–3, 31, 32). */
  penaltyImportantData: cite('nds-regulations-2024', 'art-57'),
} as const;

/** 人脸识别技术应用安全管理办法 (CAC & MPS Order No. 19, in force 2025-06-01). */
export const FACE_RECOGNITION_2025 = {
  separateConsent: cite('cac-face-recognition-2025', 'art-6'),
  minorsUnder14: cite('cac-face-recognition-2025', 'art-7'),
  storageAndRetention: cite('cac-face-recognition-2025', 'art-8'),
  priorPipia: cite('cac-face-recognition-2025', 'art-9'),
  notSoleVerification: cite('cac-face-recognition-2025', 'art-10'),
  filing: cite('cac-face-recognition-2025', 'art-15'),
} as const;

/** CAC announcement of 2025-05-28 on face-recognition filing (transitional date 2025-07-14). */
export const FACE_RECOGNITION_FILING_NOTICE_2025: Citation = {
  instrumentId: 'cac-face-recognition-filing-notice-2025',
};

/** 个人信息保护合规审计管理办法 (CAC Order No. 18, in force 2025-05-01). */
export const PI_COMPLIANCE_AUDIT_2025 = {
  /** > 10 million individuals: audit at least every two years (article number not seen). */
  frequency: cite('cac-pi-compliance-audit-2025', 'audit-frequency'),
  /** ≥ 1 million individuals: PI protection officer (article number not seen). */
  protectionOfficer: cite('cac-pi-compliance-audit-2025', 'pi-officer'),
} as const;

/** GB/T 35273-2020, GB/T 39335-2020 and GB/T 45574-2025 (recommended national standards). */
export const STANDARDS = {
  sensitiveAnnexB: cite('gbt-35273-2020', 'annex-b'),
  pipiaProcess: cite('gbt-39335-2020', '5'),
  pipiaHighRiskExamples: cite('gbt-39335-2020', 'annex-b'),
  sensitiveCategories2025: cite('gbt-45574-2025', 'annex-a'),
} as const;
