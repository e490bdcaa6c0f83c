import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertCitationsExist,
  findInstrument,
  loadKnowledgeBase,
  type KnowledgeBase,
} from '../../catalogs/knowledge-base';
import type { Citation } from '../citation';
import * as CITATIONS from './citations';

function shippedKb(): KnowledgeBase {
  const kb = loadKnowledgeBase();
  assert.ok(kb.ok, JSON.stringify(!kb.ok && kb.problems));
  return kb.kb;
}

function isCitation(value: unknown): value is Citation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { instrumentId?: unknown }).instrumentId === 'string'
  );
}

/** Every citation exported by citations.ts, named `GROUP.key` (or `NAME` for a lone citation). */
function allCitations(): { name: string; citation: Citation }[] {
  const out: { name: string; citation: Citation }[] = [];
  for (const [group, value] of Object.entries(CITATIONS)) {
    if (isCitation(value)) {
      out.push({ name: group, citation: value });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, citation] of Object.entries(value)) {
      assert.ok(isCitation(citation), `${group}.${key} is not a citation`);
      out.push({ name: `${group}.${key}`, citation });
    }
  }
  return out;
}

describe('privacy citations', () => {
  it('exports a reasonable number of citations (the walk found them)', () => {
    const names = allCitations().map((c) => c.name);
    assert.ok(names.length >= 50, `only ${names.length} citations found`);
    for (const expected of [
      'PIPL.pipiaTriggers',
      'CROSS_BORDER_2024.exemptions',
      'EXPORT_ASSESSMENT_2022.validity',
      'STANDARD_CONTRACT_2023.filing',
      'NDS_REGULATIONS.largeProcessors',
      'FACE_RECOGNITION_2025.filing',
      'FACE_RECOGNITION_FILING_NOTICE_2025',
      'PI_COMPLIANCE_AUDIT_2025.frequency',
      'STANDARDS.sensitiveAnnexB',
    ])
      assert.ok(names.includes(expected), expected);
  });

  it('every citation resolves to an instrument and provision of the knowledge base', () => {
    const kb = shippedKb();
    const missing = allCitations().filter(
      ({ citation }) => assertCitationsExist(kb, [citation]).length > 0,
    );
    assert.deepEqual(
      missing.map((m) => `${m.name} → ${m.citation.instrumentId}/${m.citation.provisionId ?? ''}`),
      [],
    );
  });

  it('would report a citation whose provision is not in the knowledge base', () => {
    const kb = shippedKb();
    assert.deepEqual(
      assertCitationsExist(kb, [{ instrumentId: 'pipl-2021', provisionId: 'art-999' }]),
      [{ instrumentId: 'pipl-2021', provisionId: 'art-999' }],
    );
  });

  it('keeps the thresholds and dates the rules rely on in the cited texts', () => {
    const kb = shippedKb();
    const provision = (c: Citation) =>
      findInstrument(kb, c.instrumentId)?.provisions.find((p) => p.id === c.provisionId);
    const text = (c: Citation) => {
      const p = provision(c);
      assert.ok(p, `${c.instrumentId}/${c.provisionId}`);
      return `${p.summaryZh} ${p.summaryEn}`;
    };
    assert.match(text(CITATIONS.CROSS_BORDER_2024.exemptions), /不满10万人/);
    assert.match(text(CITATIONS.CROSS_BORDER_2024.securityAssessment), /100万人以上.*1万人以上/);
    assert.match(text(CITATIONS.CROSS_BORDER_2024.standardContract), /10万人以上、不满100万人/);
    assert.match(text(CITATIONS.CROSS_BORDER_2024.assessmentValidity), /3年.*60个工作日/);
    assert.match(text(CITATIONS.EXPORT_ASSESSMENT_2022.validity), /2年.*60个工作日/);
    assert.match(text(CITATIONS.EXPORT_ASSESSMENT_2022.thresholds), /上年1月1日/);
    assert.match(text(CITATIONS.STANDARD_CONTRACT_2023.filing), /10个工作日/);
    assert.match(text(CITATIONS.FACE_RECOGNITION_2025.filing), /10万人.*30个工作日/);
    assert.match(text(CITATIONS.PIPL.pipiaContentAndRetention), /三年/);
    assert.match(text(CITATIONS.NDS_REGULATIONS.largeProcessors), /1000万人以上/);
    assert.match(text(CITATIONS.PI_COMPLIANCE_AUDIT_2025.frequency), /超过1000万人/);

    const notice = findInstrument(kb, CITATIONS.FACE_RECOGNITION_FILING_NOTICE_2025.instrumentId);
    assert.ok(notice);
    assert.match(notice.provisions.map((p) => p.summaryZh).join(' '), /2025年7月14日前/);
    const provisions2024 = findInstrument(kb, 'cac-cross-border-provisions-2024');
    assert.equal(provisions2024?.effectiveFrom, '2024-03-22');
    assert.equal(findInstrument(kb, 'cac-face-recognition-2025')?.effectiveFrom, '2025-06-01');
    assert.equal(findInstrument(kb, 'cac-standard-contract-2023')?.effectiveFrom, '2023-06-01');
    assert.equal(findInstrument(kb, 'nds-regulations-2024')?.effectiveFrom, '2025-01-01');
    assert.equal(findInstrument(kb, 'cac-pi-compliance-audit-2025')?.effectiveFrom, '2025-05-01');
  });

  it('marks provisions whose article number was not seen as unverified or derived', () => {
    const kb = shippedKb();
    const status = (c: Citation) =>
      findInstrument(kb, c.instrumentId)?.provisions.find((p) => p.id === c.provisionId)
        ?.verification.status;
    assert.equal(status(CITATIONS.PI_COMPLIANCE_AUDIT_2025.frequency), 'unverified');
    assert.equal(status(CITATIONS.PI_COMPLIANCE_AUDIT_2025.protectionOfficer), 'unverified');
    assert.equal(status(CITATIONS.STANDARD_CONTRACT_2023.filing), 'derived');
    assert.equal(status(CITATIONS.CROSS_BORDER_2024.piplDutiesRemain), 'derived');
    assert.equal(status(CITATIONS.PIPL.sensitiveDefinition), 'confirmed');
  });
});
