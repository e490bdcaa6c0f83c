import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedMlpsCatalog } from '../../../catalogs/mlps-catalog';
import {
  vulnerabilityCandidate,
  vulnerabilityCandidates,
  type VerificationFindingInput,
} from './verification';

const cases = shippedMlpsCatalog().highRiskCases;

const finding = (over: Partial<VerificationFindingInput>): VerificationFindingInput => ({
  id: 'f1',
  objectId: 'his-app',
  source: 'scan',
  host: '10.20.1.11',
  hostname: null,
  port: 8009,
  name: 'Apache Tomcat AJP RCE (Ghostcat)',
  cves: ['CVE-2020-1938'],
  cvss: 9.8,
  severity: 'high',
  exploitable: null,
  qod: 80,
  ...over,
});

describe('vulnerability candidates for high-risk case 6.4.3.2', () => {
  it('the guide case is in the catalog with requirement 8.1.4.4-e from level 2', () => {
    const c = cases.find((x) => x.id === '6.4.3.2');
    assert.deepEqual([c?.requirements, c?.minLevel, c?.symptoms.length], [['8.1.4.4-e'], 2, 2]);
  });

  it('a high CVSS with a CVE is publicly disclosed (symptom 0)', () => {
    const c = vulnerabilityCandidate(finding({}));
    assert.deepEqual(c?.symptoms, [0]);
    assert.deepEqual(
      c?.reasons.map((r) => r.zh),
      ['CVSS 基本分 9.8 ≥ 7.0（高危）', '已公开披露（CVE-2020-1938）'],
    );
    assert.equal(c?.reasons[0]?.en, 'CVSS base score 9.8 ≥ 7.0 (high)');
  });

  it('an exploit reported by the scanner or shown by the tester confirms it (symptom 1)', () => {
    assert.deepEqual(vulnerabilityCandidate(finding({ exploitable: true }))?.symptoms, [0, 1]);
    const pentest = vulnerabilityCandidate(
      finding({ source: 'pentest', cves: [], exploitable: true, cvss: null, severity: 'high' }),
    );
    assert.deepEqual(pentest?.symptoms, [1]);
    assert.deepEqual(
      pentest?.reasons.map((r) => r.zh),
      ['风险等级为高危', '渗透测试已验证可利用'],
    );
  });

  it('is not a candidate: below high, no CVE and no exploit, no known exploit, unreliable detection', () => {
    assert.equal(vulnerabilityCandidate(finding({ cvss: 6.9, severity: 'medium' })), null);
    assert.equal(
      vulnerabilityCandidate(finding({ name: 'OS End Of Life', cves: [], cvss: 10 })),
      null,
    );
    assert.equal(vulnerabilityCandidate(finding({ exploitable: false })), null);
    assert.equal(vulnerabilityCandidate(finding({ qod: 30 })), null);
    // Severity alone (no score) is enough when the scanner rates it critical.
    assert.ok(vulnerabilityCandidate(finding({ cvss: null, severity: 'critical' })));
    // A score of 7.0 is high (the band starts there) even if the scanner says medium.
    assert.ok(vulnerabilityCandidate(finding({ cvss: 7.0, severity: 'medium' })));
  });

  it('groups per object, strongest first, and gives nothing below the case level or unassigned', () => {
    const findings = [
      finding({ id: 'a', name: 'SWEET32', cves: ['CVE-2016-2183'], cvss: 7.5 }),
      finding({ id: 'b', exploitable: true }),
      finding({ id: 'c', objectId: 'his-db', cves: ['CVE-2012-1675'], cvss: 7.5 }),
      finding({ id: 'd', objectId: null }),
      finding({ id: 'e', name: 'jQuery XSS', cvss: 6.1, severity: 'medium' }),
    ];
    const out = vulnerabilityCandidates(findings, 3, cases);
    assert.deepEqual(
      out.map((o) => [
        o.objectId,
        o.caseId,
        o.requirementId,
        o.candidates.map((c) => c.findingId),
        o.symptoms,
      ]),
      [
        ['his-app', '6.4.3.2', '8.1.4.4-e', ['b', 'a'], [0, 1]],
        ['his-db', '6.4.3.2', '8.1.4.4-e', ['c'], [0]],
      ],
    );
    assert.deepEqual(vulnerabilityCandidates(findings, 1, cases), []);
  });
});
