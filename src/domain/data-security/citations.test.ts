import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertCitationsExist,
  findInstrument,
  findProvision,
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

function text(kb: KnowledgeBase, c: Citation): string {
  const p = findProvision(kb, c);
  assert.ok(p, `${c.instrumentId}/${c.provisionId ?? ''}`);
  return `${p.summaryZh} ${p.summaryEn}`;
}

describe('data-security citations', () => {
  it('exports the citations the rules use (the walk found them)', () => {
    const names = allCitations().map((c) => c.name);
    assert.ok(names.length >= 40, `only ${names.length} citations found`);
    for (const expected of [
      'DSL.importantDataExport',
      'NDS.identifyAndDeclare',
      'NDS.annualRiskAssessment',
      'INCIDENT_MEASURES_2025.closingReport',
      'EARLIER_INCIDENT_RULES.ciiReport',
      'PIPL_INCIDENT',
      'GBT_43697.gradingRules',
      'GBT_20986',
      'APP_RULES.noRefusalOfBasic',
      'PI_AUDIT_MEASURES.regulatorOrdered',
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
      assertCitationsExist(kb, [{ instrumentId: 'gbt-43697-2024', provisionId: '9.9' }]),
      [{ instrumentId: 'gbt-43697-2024', provisionId: '9.9' }],
    );
  });

  it('keeps the deadlines, thresholds and dates the rules rely on in the cited texts', () => {
    const kb = shippedKb();
    // Incident reporting 2025: 1 h / 2 h / 4 h; closing report within 30 days via the same channel.
    assert.match(text(kb, CITATIONS.INCIDENT_MEASURES_2025.timeLimits), /1小时.*2小时.*4小时/);
    assert.match(text(kb, CITATIONS.INCIDENT_MEASURES_2025.closingReport), /30日内.*原渠道/);
    assert.match(text(kb, CITATIONS.INCIDENT_MEASURES_2025.followUp), /补报/);
    assert.match(
      text(kb, CITATIONS.INCIDENT_MEASURES_2025.gradingGuide),
      /100万人以上.*1000万人以上.*1亿人以上/,
    );
    // NDS: annual risk assessment to a provincial-or-higher authority; large platform thresholds.
    assert.match(text(kb, CITATIONS.NDS.annualRiskAssessment), /每年度.*省级以上/);
    assert.match(text(kb, CITATIONS.NDS.largePlatformDefinition), /5000万以上.*1000万以上/);
    assert.match(text(kb, CITATIONS.NDS.provisionRiskAssessment), /法定职责或法定义务的除外/);
    // PIPL Art. 57 exemption from notifying individuals; GB/T 43697 org/individual-only → general.
    assert.match(text(kb, CITATIONS.PIPL_INCIDENT), /可不通知个人/);
    assert.match(text(kb, CITATIONS.GBT_43697.gradingRules), /仅影响组织或个人权益的为一般数据/);
    assert.match(text(kb, CITATIONS.APP_RULES.appTypes), /39类/);
    assert.match(
      text(kb, CITATIONS.APP_RULES.noRefusalOfBasic),
      /不得因为用户不同意提供非必要个人信息/,
    );

    assert.equal(findInstrument(kb, 'gbt-43697-2024')?.effectiveFrom, '2024-10-01');
    assert.equal(findInstrument(kb, 'cac-incident-reporting-2025')?.effectiveFrom, '2025-11-01');
    assert.equal(findInstrument(kb, 'cac-app-necessary-pi-2021')?.effectiveFrom, '2021-05-01');
    assert.equal(findInstrument(kb, 'gbt-41391-2022')?.effectiveFrom, '2022-11-01');
    assert.equal(findInstrument(kb, 'gbt-20986-2023')?.effectiveFrom, '2023-12-01');
  });

  it('marks what was not seen in a copy of the text as unverified or derived', () => {
    const kb = shippedKb();
    const status = (c: Citation) => findProvision(kb, c)?.verification.status;
    assert.equal(status(CITATIONS.GBT_43697.gradingRules), 'unverified');
    assert.equal(status(CITATIONS.GBT_20986), 'unverified');
    assert.equal(status(CITATIONS.PI_AUDIT_MEASURES.regulatorOrdered), 'derived');
    assert.equal(status(CITATIONS.INCIDENT_MEASURES_2025.contents), 'derived');
    assert.equal(status(CITATIONS.INCIDENT_MEASURES_2025.closingReport), 'confirmed');
    assert.equal(status(CITATIONS.NDS.identifyAndDeclare), 'confirmed');
  });
});
