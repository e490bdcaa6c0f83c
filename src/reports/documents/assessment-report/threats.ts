/**
 * 威胁列表: the threat kinds a security problem of the assessment report is exposed to, and which
 * kinds each problem is linked to.
 *
 * Source of the kinds: the threat classification (威胁种类) of GB/T 20984-2022 《信息安全技术
 * 信息安全风险评估方法》 (published 2022-04-15, in force 2022-11-01), which the 2007 edition's list
 * extends by 支撑系统故障. dengbao holds no copy of the standard: the list of kind names was read
 * from a secondary source that reproduces it (a 软考 textbook chapter "威胁识别", ruankaoba.com),
 * so its provenance is `unverified` until checked against the standard's text. The descriptions
 * are our own words. The link from a control point to threat kinds ({@link threatsOf}) is ours.
 */
import type { Bilingual } from '../labels';

export interface ThreatKind {
  /** Our short code, in the classification's order. */
  readonly code: string;
  readonly name: Bilingual;
  readonly description: Bilingual;
}

export const THREAT_SOURCE = {
  instrument: 'GB/T 20984-2022《信息安全技术 信息安全风险评估方法》',
  published: '2022-04-15',
  inForce: '2022-11-01',
  provenance: 'unverified' as const,
  note: {
    zh: '威胁种类名称依据 GB/T 20984-2022 的威胁分类（经二手资料转引，尚未与标准原文核对）；说明文字及与测评项的对应关系为本项目编写。',
    en: 'Threat kinds per the GB/T 20984-2022 threat classification (as reproduced by a secondary source, not yet checked against the standard text); the descriptions and the link to requirement items are ours.',
  },
} as const;

export const THREAT_KINDS: readonly ThreatKind[] = [
  {
    code: 'T01',
    name: { zh: '软硬件故障', en: 'Hardware or software failure' },
    description: {
      zh: '设备硬件故障、通信链路中断、系统或软件缺陷影响业务运行。',
      en: 'Device faults, link outages or software defects that disrupt operation.',
    },
  },
  {
    code: 'T02',
    name: { zh: '支撑系统故障', en: 'Supporting-system failure' },
    description: {
      zh: '系统依托的第三方平台、服务或接口出现问题。',
      en: 'Problems of third-party platforms, services or interfaces the system relies on.',
    },
  },
  {
    code: 'T03',
    name: { zh: '物理环境影响', en: 'Physical environment' },
    description: {
      zh: '断电、温湿度、静电、雷击、水灾、火灾、电磁干扰等环境问题和自然灾害。',
      en: 'Power loss, temperature and humidity, static, lightning, water, fire, interference and natural disasters.',
    },
  },
  {
    code: 'T04',
    name: { zh: '无作为或操作失误', en: 'Omission or operator error' },
    description: {
      zh: '应执行的操作未执行，或无意中执行了错误操作。',
      en: 'Something that should be done is not, or something is done wrongly by mistake.',
    },
  },
  {
    code: 'T05',
    name: { zh: '管理不到位', en: 'Inadequate management' },
    description: {
      zh: '制度、职责、流程或监督缺失或未落实，安全管理无法有效运行。',
      en: 'Rules, roles, processes or oversight missing or not applied, so security management does not work.',
    },
  },
  {
    code: 'T06',
    name: { zh: '恶意代码', en: 'Malicious code' },
    description: {
      zh: '病毒、木马、蠕虫、勒索软件等在系统中执行恶意任务。',
      en: 'Viruses, trojans, worms, ransomware and the like running malicious tasks.',
    },
  },
  {
    code: 'T07',
    name: { zh: '越权或滥用', en: 'Privilege abuse' },
    description: {
      zh: '访问无权访问的资源，或滥用已有权限修改配置和数据。',
      en: 'Access to resources without authority, or misuse of granted rights to change configuration or data.',
    },
  },
  {
    code: 'T08',
    name: { zh: '网络攻击', en: 'Network attack' },
    description: {
      zh: '通过网络探测、口令猜解、漏洞利用、身份伪造、拒绝服务等手段攻击和入侵系统。',
      en: 'Attacks over the network: reconnaissance, password guessing, exploits, spoofing, denial of service.',
    },
  },
  {
    code: 'T09',
    name: { zh: '物理攻击', en: 'Physical attack' },
    description: {
      zh: '通过物理接触破坏、盗窃设备和介质。',
      en: 'Damage or theft of equipment and media through physical access.',
    },
  },
  {
    code: 'T10',
    name: { zh: '泄密', en: 'Disclosure' },
    description: {
      zh: '信息泄露给不应知悉的人员或组织。',
      en: 'Information disclosed to people or organisations that should not have it.',
    },
  },
  {
    code: 'T11',
    name: { zh: '篡改', en: 'Tampering' },
    description: {
      zh: '非法修改配置、数据或程序，破坏其完整性。',
      en: 'Unauthorised change of configuration, data or code, breaking integrity.',
    },
  },
  {
    code: 'T12',
    name: { zh: '抵赖', en: 'Repudiation' },
    description: {
      zh: '否认曾经执行的操作或收发的信息，且无据可查。',
      en: 'Denial of actions taken or messages exchanged, with no record to show otherwise.',
    },
  },
];

const BY_CODE = new Map(THREAT_KINDS.map((t) => [t.code, t]));

/** Control-point keywords (Chinese title) → threat kinds; the first match wins. Ours. */
const BY_CONTROL_POINT: readonly (readonly [RegExp, readonly string[]])[] = [
  [/物理访问|防盗窃|防破坏/, ['T09']],
  [/物理|位置|防雷|防火|防水|防潮|防静电|温湿度|电力|电磁|基础设施/, ['T03']],
  [/网络架构/, ['T01', 'T08']],
  [/通信传输|数据完整性和保密性/, ['T10', 'T11']],
  [/可信验证|数据完整性|镜像和快照/, ['T11']],
  [/边界防护|接入控制|无线|拨号|入侵防范/, ['T08']],
  [/恶意代码/, ['T06']],
  [/身份鉴别/, ['T08', 'T07']],
  [/集中管控|漏洞和风险|配置管理|变更管理|网络和系统安全管理|设备维护|安全事件/, ['T04']],
  [/访问控制|授权|系统管理|安全管理$|审计管理/, ['T07']],
  [/安全审计|抗数据重放/, ['T12']],
  [/保密性|剩余信息|个人信息|数据融合/, ['T10']],
  [/备份|恢复|应急/, ['T01']],
  [/介质|密码管理/, ['T10']],
  [/外包|服务供应商|云服务商|供应链|产品采购/, ['T02']],
  [/人员|培训|外部人员/, ['T04', 'T10']],
];

/** Threat kinds by category where no control-point keyword matches. Ours. */
const BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  PES: ['T03'],
  CNS: ['T08'],
  ABS: ['T08'],
  CES: ['T08'],
  SMC: ['T04'],
  PSS: ['T05'],
  ORS: ['T05'],
  HRS: ['T04'],
  CMS: ['T05'],
  MMS: ['T05'],
};

/** The threat kinds a problem of `category` / control point `controlPointZh` is exposed to. */
export function threatsOf(category: string, controlPointZh: string): readonly ThreatKind[] {
  const hit = BY_CONTROL_POINT.find(([pattern]) => pattern.test(controlPointZh));
  const codes = hit ? hit[1] : (BY_CATEGORY[category] ?? ['T05']);
  // Management categories are also a matter of management (管理不到位).
  const management = ['PSS', 'ORS', 'HRS', 'CMS', 'MMS'].includes(category);
  const all = management && !codes.includes('T05') ? [...codes, 'T05'] : codes;
  return all.map((c) => BY_CODE.get(c)!).filter(Boolean);
}
