/**
 * Verification tests (漏洞扫描, 渗透测试) against the high-risk judgement guide: which findings on
 * a test object make it a candidate for case 6.4.3.2 存在可利用的高危漏洞 (requirement 8.1.4.4 e,
 * 应能发现可能存在的已知漏洞，并在经过充分测试评估后，及时修补漏洞). A finding is a candidate
 * when it is high-risk — severity high or critical, or CVSS base score ≥ 7.0 (the CVSS v3 "high"
 * band) — and exploitable or publicly known:
 *
 * - the penetration tester exploited it, or the scanner verified it by exploitation or says an
 *   exploit is available → the guide's second symptom (confirmed by testing to be exploitable);
 * - it has a CVE id and the scanner does not say "no known exploit" → the first symptom (publicly
 *   disclosed), which holds for objects reached over the internet; the assessor decides that.
 *
 * Findings a scanner rates unreliable (Greenbone QoD below 70, its default filter) are left out.
 * The result is a suggestion: the assessor records the symptom and any mitigation (local access
 * only, working host intrusion detection) and confirms the risk; nothing here decides it.
 */
import type { HighRiskCase } from '../../../catalogs/mlps-catalog.model';

/** The guide's case for exploitable high-risk vulnerabilities. */
export const VULNERABILITY_CASE_ID = '6.4.3.2';
/** CVSS v3 "high" starts here (FIRST CVSS v3.1 specification, qualitative rating scale). */
export const HIGH_CVSS = 7.0;
/** Greenbone's default minimum quality of detection. */
export const MIN_QOD = 70;

export interface VerificationFindingInput {
  readonly id: string;
  readonly objectId: string | null;
  readonly source: 'scan' | 'pentest';
  readonly host: string | null;
  readonly hostname: string | null;
  readonly port: number | null;
  readonly name: string;
  readonly cves: readonly string[];
  readonly cvss: number | null;
  readonly severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  readonly exploitable: boolean | null;
  readonly qod: number | null;
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface VulnerabilityCandidate {
  readonly findingId: string;
  readonly name: string;
  readonly host: string | null;
  readonly port: number | null;
  readonly cves: readonly string[];
  readonly cvss: number | null;
  readonly severity: VerificationFindingInput['severity'];
  /** Indexes into the case's symptoms this finding suggests (0: publicly disclosed, 1: confirmed). */
  readonly symptoms: readonly number[];
  readonly reasons: readonly Bilingual[];
}

export interface ObjectCandidates {
  readonly objectId: string;
  readonly caseId: string;
  /** The requirement the case hangs on (e.g. `8.1.4.4-e`). */
  readonly requirementId: string;
  readonly candidates: readonly VulnerabilityCandidate[];
  /** The symptoms of all candidates together, for the finding's observation. */
  readonly symptoms: readonly number[];
}

/** Why one finding is high-risk and exploitable or public; null when it is not a candidate. */
export function vulnerabilityCandidate(f: VerificationFindingInput): VulnerabilityCandidate | null {
  if (f.qod !== null && f.qod < MIN_QOD) return null;
  const highBySeverity = f.severity === 'high' || f.severity === 'critical';
  const highByScore = f.cvss !== null && f.cvss >= HIGH_CVSS;
  if (!highBySeverity && !highByScore) return null;
  const reasons: Bilingual[] = [];
  if (highByScore) {
    reasons.push({
      zh: `CVSS 基本分 ${f.cvss.toFixed(1)} ≥ ${HIGH_CVSS.toFixed(1)}（高危）`,
      en: `CVSS base score ${f.cvss.toFixed(1)} ≥ ${HIGH_CVSS.toFixed(1)} (high)`,
    });
  } else {
    const zh = f.severity === 'critical' ? '严重' : '高危';
    reasons.push({ zh: `风险等级为${zh}`, en: `rated ${f.severity}` });
  }
  const symptoms: number[] = [];
  if (f.source === 'pentest' && f.exploitable === true) {
    symptoms.push(1);
    reasons.push({ zh: '渗透测试已验证可利用', en: 'exploited in the penetration test' });
  } else if (f.exploitable === true) {
    symptoms.push(1);
    reasons.push({
      zh: '扫描工具确认存在可用的利用方式',
      en: 'the scanner reports a working exploit',
    });
  }
  if (f.cves.length > 0 && f.exploitable !== false) {
    symptoms.unshift(0);
    const list = f.cves.slice(0, 3).join('、') + (f.cves.length > 3 ? ' 等' : '');
    const listEn = f.cves.slice(0, 3).join(', ') + (f.cves.length > 3 ? ' …' : '');
    reasons.push({ zh: `已公开披露（${list}）`, en: `publicly disclosed (${listEn})` });
  }
  if (symptoms.length === 0) return null;
  return {
    findingId: f.id,
    name: f.name,
    host: f.host ?? f.hostname,
    port: f.port,
    cves: f.cves,
    cvss: f.cvss,
    severity: f.severity,
    symptoms,
    reasons,
  };
}

/**
 * Per test object, the findings that make it a candidate for case 6.4.3.2 at `level`, strongest
 * first (confirmed before disclosed, then by score). Objects without candidates, findings not
 * assigned to an object, and levels below the case's minimum give nothing.
 */
export function vulnerabilityCandidates(
  findings: readonly VerificationFindingInput[],
  level: number,
  cases: readonly HighRiskCase[],
): ObjectCandidates[] {
  const guideCase = cases.find((c) => c.id === VULNERABILITY_CASE_ID);
  if (!guideCase || guideCase.minLevel > level) return [];
  const byObject = new Map<string, VulnerabilityCandidate[]>();
  for (const f of findings) {
    if (f.objectId === null) continue;
    const c = vulnerabilityCandidate(f);
    if (!c) continue;
    byObject.set(f.objectId, [...(byObject.get(f.objectId) ?? []), c]);
  }
  const strength = (c: VulnerabilityCandidate) => (c.symptoms.includes(1) ? 1 : 0);
  return [...byObject].map(([objectId, list]) => {
    const candidates = [...list].sort(
      (a, b) => strength(b) - strength(a) || (b.cvss ?? 0) - (a.cvss ?? 0),
    );
    return {
      objectId,
      caseId: guideCase.id,
      requirementId: guideCase.requirements[0] ?? '8.1.4.4-e',
      candidates,
      symptoms: [...new Set(candidates.flatMap((c) => c.symptoms))].sort(),
    };
  });
}
