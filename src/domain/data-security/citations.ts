/**
 * The provisions the data-security rules cite, in one place. Instrument and provision ids are
 * those of the knowledge base (src/catalogs/knowledge-base/instruments.yaml); a test checks that
 * each one resolves. Article numbers follow the texts as verified there.
 */
import type { Citation } from '../citation';

const cite = (instrumentId: string, provisionId: string): Citation => ({
  instrumentId,
  provisionId,
});

/** 中华人民共和国数据安全法 (in force 2021-09-01). */
export const DSL = {
  classification: cite('dsl-2021', 'art-21'),
  managementDuties: cite('dsl-2021', 'art-27'),
  incidentResponse: cite('dsl-2021', 'art-29'),
  riskAssessment: cite('dsl-2021', 'art-30'),
  importantDataExport: cite('dsl-2021', 'art-31'),
  penalty: cite('dsl-2021', 'art-45'),
} as const;

/** 网络数据安全管理条例 (State Council Decree No. 790, in force 2025-01-01). */
export const NDS = {
  mlpsBasis: cite('nds-regulations-2024', 'art-9'),
  incidentPlan: cite('nds-regulations-2024', 'art-11'),
  privacyRules: cite('nds-regulations-2024', 'art-21'),
  complianceAudit: cite('nds-regulations-2024', 'art-27'),
  largeProcessors: cite('nds-regulations-2024', 'art-28'),
  identifyAndDeclare: cite('nds-regulations-2024', 'art-29'),
  officerAndBody: cite('nds-regulations-2024', 'art-30'),
  provisionRiskAssessment: cite('nds-regulations-2024', 'art-31'),
  disposalOnReorganisation: cite('nds-regulations-2024', 'art-32'),
  annualRiskAssessment: cite('nds-regulations-2024', 'art-33'),
  importantDataExport: cite('nds-regulations-2024', 'art-37'),
  socialResponsibilityReport: cite('nds-regulations-2024', 'art-44'),
  largePlatformCrossBorder: cite('nds-regulations-2024', 'art-45'),
  largePlatformProhibitions: cite('nds-regulations-2024', 'art-46'),
  largePlatformDefinition: cite('nds-regulations-2024', 'art-62'),
  penaltyImportantData: cite('nds-regulations-2024', 'art-57'),
  penaltyGeneral: cite('nds-regulations-2024', 'art-55'),
} as const;

/** 国家网络安全事件报告管理办法 (CAC, in force 2025-11-01). */
export const INCIDENT_MEASURES_2025 = {
  scope: cite('cac-incident-reporting-2025', 'art-2'),
  timeLimits: cite('cac-incident-reporting-2025', 'art-4'),
  /** Art. 7: report contents; ¶2 allows items (1)–(2) first and the rest as follow-up (补报). */
  contents: cite('cac-incident-reporting-2025', 'art-7'),
  followUp: cite('cac-incident-reporting-2025', 'art-7'),
  /** Art. 8: closing (summary) report within 30 days after handling ends, via the original channel. */
  closingReport: cite('cac-incident-reporting-2025', 'art-8'),
  /** Art. 10: failure to report is punished under other laws; heavier for late or concealed reports. */
  reportingFailure: cite('cac-incident-reporting-2025', 'art-10'),
  gradingGuide: cite('cac-incident-reporting-2025', 'annex'),
} as const;

/** Before 2025-11-01: the Cybersecurity Law, the CII Regulations and PIPL. */
export const EARLIER_INCIDENT_RULES = {
  cslReport2016: cite('csl-2016', 'art-25'),
  cslReport2025: cite('csl-2025', 'art-27'),
  ciiReport: cite('cii-regulations-2021', 'art-18'),
} as const;

/** PIPL Art. 57: remedy, notify the authority and the individuals (¶2: exemption). */
export const PIPL_INCIDENT = cite('pipl-2021', 'art-57');

/** GB/T 43697-2024 数据安全技术 数据分类分级规则 (in force 2024-10-01). */
export const GBT_43697 = {
  principles: cite('gbt-43697-2024', '4'),
  classification: cite('gbt-43697-2024', '5'),
  gradingElements: cite('gbt-43697-2024', '6.3'),
  gradingRules: cite('gbt-43697-2024', '6.5'),
  importantDataIdentification: cite('gbt-43697-2024', 'annex-g'),
} as const;

/** GB/T 20986-2023 网络安全事件分类分级指南 (incident classes). */
export const GBT_20986 = cite('gbt-20986-2023', '5');

/** App rules: necessary personal information (2021), unlawful collection (2019), GB/T 41391-2022. */
export const APP_RULES = {
  necessaryScope: cite('cac-app-necessary-pi-2021', 'art-3'),
  noRefusalOfBasic: cite('cac-app-necessary-pi-2021', 'art-4'),
  appTypes: cite('cac-app-necessary-pi-2021', 'art-5'),
  identificationMethod: cite('app-unlawful-collection-method-2019', 'item-1'),
  noPublishedRules: cite('app-unlawful-collection-method-2019', 'item-1'),
  noStatedPurpose: cite('app-unlawful-collection-method-2019', 'item-2'),
  collectionWithoutConsent: cite('app-unlawful-collection-method-2019', 'item-3'),
  unnecessaryCollection: cite('app-unlawful-collection-method-2019', 'item-4'),
  provisionWithoutConsent: cite('app-unlawful-collection-method-2019', 'item-5'),
  noDeletionOrCorrection: cite('app-unlawful-collection-method-2019', 'item-6'),
  basicRequirements: cite('gbt-41391-2022', '6'),
} as const;

/** 个人信息保护合规审计管理办法 (CAC Order No. 18, in force 2025-05-01). */
export const PI_AUDIT_MEASURES = {
  frequency: cite('cac-pi-compliance-audit-2025', 'audit-frequency'),
  regulatorOrdered: cite('cac-pi-compliance-audit-2025', 'regulator-ordered'),
  piplAudit: cite('pipl-2021', 'art-54'),
  piplOrderedAudit: cite('pipl-2021', 'art-64'),
} as const;
