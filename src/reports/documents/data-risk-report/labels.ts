/**
 * Words of the data-security risk assessment report (数据安全风险评估报告) for the codes of
 * src/shared/data-security-schemas.ts, Chinese first.
 */
import type { RiskLevel } from '../../../domain/data-security/risk';
import type {
  DataGrade,
  IncidentGrade,
  RiskArea,
  RiskAssessmentStatus,
  RiskStatus,
} from '../../../shared/data-security-schemas';
import type { Lang } from '../../model';
import type { Bilingual } from '../labels';

export const GRADE: Readonly<Record<DataGrade, Bilingual>> = {
  general: { zh: '一般数据', en: 'General data' },
  important: { zh: '重要数据', en: 'Important data' },
  core: { zh: '核心数据', en: 'Core data' },
};

export const AREA: Readonly<Record<RiskArea, Bilingual>> = {
  collection: { zh: '数据收集', en: 'Collection' },
  storage: { zh: '数据存储', en: 'Storage' },
  use_processing: { zh: '数据使用、加工', en: 'Use and processing' },
  transmission: { zh: '数据传输', en: 'Transmission' },
  provision: { zh: '数据提供', en: 'Provision to others' },
  disclosure: { zh: '数据公开', en: 'Disclosure' },
  deletion: { zh: '数据删除', en: 'Deletion' },
  cross_border: { zh: '数据出境', en: 'Transfer abroad' },
  management: { zh: '安全管理', en: 'Security management' },
  supply_chain: { zh: '供应链', en: 'Supply chain' },
};

export const RISK_STATUS: Readonly<Record<RiskStatus, Bilingual>> = {
  open: { zh: '待处置', en: 'Open' },
  in_progress: { zh: '处置中', en: 'In progress' },
  closed: { zh: '已关闭', en: 'Closed' },
  accepted: { zh: '已接受', en: 'Accepted' },
};

export const LEVEL: Readonly<Record<RiskLevel, Bilingual>> = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
  critical: { zh: '极高', en: 'Critical' },
};

export const STATUS: Readonly<Record<RiskAssessmentStatus, Bilingual>> = {
  draft: { zh: '草稿', en: 'Draft' },
  completed: { zh: '已完成', en: 'Completed' },
  reported: { zh: '已报送', en: 'Reported' },
};

export const INCIDENT_GRADE: Readonly<Record<IncidentGrade, Bilingual>> = {
  especially_major: { zh: '特别重大', en: 'Especially major' },
  major: { zh: '重大', en: 'Major' },
  large: { zh: '较大', en: 'Large' },
  general: { zh: '一般', en: 'General' },
};

export const INCIDENT_STATUS: Readonly<Record<string, Bilingual>> = {
  handling: { zh: '处置中', en: 'Being handled' },
  closed: { zh: '已处置完毕', en: 'Closed' },
};

export const PROVISION_KIND: Readonly<Record<string, Bilingual>> = {
  provide: { zh: '提供', en: 'Provision' },
  entrust: { zh: '委托处理', en: 'Entrusted processing' },
  joint: { zh: '共同处理', en: 'Joint processing' },
};

/** The word for a code, or the code itself when unknown. */
export const word = (
  table: Readonly<Record<string, Bilingual>>,
  code: string | null | undefined,
  lang: Lang,
): string => (code ? (table[code]?.[lang] ?? code) : '—');
