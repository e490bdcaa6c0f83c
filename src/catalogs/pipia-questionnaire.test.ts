import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PIPIA_TRIGGER_CODES } from '../domain/privacy/pipia-triggers';
import { PipiaInputSchema } from '../shared/privacy-schemas';
import { assertCitationsExist, loadKnowledgeBase } from './knowledge-base';
import {
  applicableQuestions,
  DEFAULT_PIPIA_QUESTIONNAIRE_FILE,
  loadPipiaQuestionnaire,
  PIPIA_IMPACTS,
  PIPIA_LIKELIHOODS,
  QUESTIONNAIRE_TRIGGER_CODES,
  riskLevelOf,
  shippedPipiaQuestionnaire,
  validatePipiaQuestionnaire,
} from './pipia-questionnaire';

const TEXT = readFileSync(DEFAULT_PIPIA_QUESTIONNAIRE_FILE, 'utf8');

function problemsOf(text: string): string[] {
  const result = validatePipiaQuestionnaire({ file: 'questionnaire.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

/**
 * Provisions the questionnaire cites that the knowledge base does not hold yet (asked of the
 * knowledge-base helper): PIPL Art. 21 (entrusted processing) and Art. 24 (automated decisions).
 */

describe('PIPIA questionnaire', () => {
  it('loads, versioned, with a section for each content of PIPL Art. 56 ¶1', () => {
    const result = loadPipiaQuestionnaire();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    const q = result.questionnaire;
    assert.equal(q.changelog[0]?.version, q.version);
    assert.ok(q.version.length <= 20, 'fits privacy_pipias.questionnaire_version');
    assert.deepEqual(
      [...new Set(q.sections.map((s) => s.art56Item).filter((i) => i !== null))].sort(),
      [1, 2, 3],
    );
    for (const s of ['lawfulness', 'necessity', 'impact', 'risk', 'measures'])
      assert.deepEqual(q.sections.find((x) => x.id === s)?.appliesWhen, [], `${s} is always asked`);
  });

  it('uses the trigger codes of the PIPIA engine, each with its questions', () => {
    assert.deepEqual([...QUESTIONNAIRE_TRIGGER_CODES], [...PIPIA_TRIGGER_CODES]);
    const q = shippedPipiaQuestionnaire();
    for (const code of PIPIA_TRIGGER_CODES)
      assert.ok(
        q.questions.some((x) => x.appliesWhen.includes(code)),
        `a question for ${code}`,
      );
    assert.deepEqual(q.sections.find((s) => s.id === 'face')?.appliesWhen, ['face_recognition']);
  });

  it('question ids are valid answer keys of a PIPIA', () => {
    const q = shippedPipiaQuestionnaire();
    const answers = Object.fromEntries(q.questions.map((x) => [x.id, { answer: '是' }]));
    const parsed = PipiaInputSchema.safeParse({
      title: '测试',
      activityIds: ['00000000-0000-4000-8000-000000000001'],
      answers,
    });
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  });

  it('selects the questions that apply to the triggers present', () => {
    const q = shippedPipiaQuestionnaire();
    const always = applicableQuestions(q, []);
    assert.ok(always.every((x) => x.appliesWhen.length === 0));
    assert.ok(always.some((x) => x.id === 'lawfulness.1'));
    assert.ok(!always.some((x) => x.section === 'abroad'));
    const abroad = applicableQuestions(q, ['transfer_abroad']);
    assert.deepEqual(
      abroad.filter((x) => x.section === 'abroad').map((x) => x.id),
      ['abroad.1', 'abroad.2', 'abroad.3'],
    );
    assert.ok(!abroad.some((x) => x.section === 'face'));
    const sharing = applicableQuestions(q, ['provision_to_handler']).filter(
      (x) => x.section === 'sharing',
    );
    assert.deepEqual(
      sharing.map((x) => x.id),
      ['sharing.2', 'sharing.4'],
    );
  });

  it('risk matrix: complete, monotone, corners as set', () => {
    const q = shippedPipiaQuestionnaire();
    assert.equal(riskLevelOf(q, 'very_low', 'low'), 'low');
    assert.equal(riskLevelOf(q, 'high', 'severe'), 'severe');
    assert.equal(riskLevelOf(q, 'medium', 'medium'), 'medium');
    assert.equal(q.riskMatrix.verification.status, 'unverified');
    const order = ['low', 'medium', 'high', 'severe'];
    for (const i of PIPIA_IMPACTS)
      for (let c = 1; c < PIPIA_LIKELIHOODS.length; c++)
        assert.ok(
          order.indexOf(riskLevelOf(q, PIPIA_LIKELIHOODS[c]!, i)) >=
            order.indexOf(riskLevelOf(q, PIPIA_LIKELIHOODS[c - 1]!, i)),
        );
  });

  it('every citation resolves in the knowledge base', () => {
    const kb = loadKnowledgeBase();
    if (!kb.ok) assert.fail('knowledge base invalid');
    const q = shippedPipiaQuestionnaire();
    const cited = [...q.questions.flatMap((x) => x.citations), ...q.riskMatrix.citations];
    const missing = [
      ...new Set(
        assertCitationsExist(kb.kb, cited).map((c) => `${c.instrumentId} ${c.provisionId ?? ''}`),
      ),
    ];
    assert.deepEqual(missing, []);
  });

  it('rejects a foreign id, an unknown trigger, an orphan trigger and a falling matrix', () => {
    const foreign = TEXT.replace('  - id: necessity.2\n', '  - id: risk.9\n');
    assert.ok(
      problemsOf(foreign).some((p) =>
        /questions\[\d+\]\.id: .*must start with "necessity\."/.test(p),
      ),
    );
    const duplicate = TEXT.replace('  - id: necessity.2\n', '  - id: necessity.1\n');
    assert.ok(problemsOf(duplicate).some((p) => /necessity\.1 is listed twice/.test(p)));
    const unknown = TEXT.replace('appliesWhen: [public_disclosure]', 'appliesWhen: [publication]');
    assert.ok(problemsOf(unknown).some((p) => /appliesWhen/.test(p)));
    const orphan = TEXT.replace('appliesWhen: [public_disclosure]', 'appliesWhen: [sensitive]');
    assert.ok(problemsOf(orphan).some((p) => /no question applies when public_disclosure/.test(p)));
    const falling = TEXT.replace(
      'severe: { very_low: medium, low: high, medium: severe, high: severe }',
      'severe: { very_low: medium, low: high, medium: severe, high: low }',
    );
    assert.ok(
      problemsOf(falling).some((p) => /riskMatrix\.impact\.severe\.high: low is lower/.test(p)),
    );
    const badId = TEXT.replace('  - id: major.1\n', '  - id: Major.1\n');
    assert.ok(problemsOf(badId).some((p) => /must be a question id/.test(p)));
  });
});
