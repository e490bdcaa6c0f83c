import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_ACTION, VOCABULARY, codeOfMessage, placeholders, say } from './index';

const HAN = /[\u3400-\u9fff]/;

test('every code has Chinese text (with at least one Chinese character) and English text', () => {
  const missing = [...VOCABULARY]
    .filter(([, w]) => !w.zh?.trim() || !HAN.test(w.zh) || !w.en?.trim())
    .map(([code]) => code);
  assert.deepEqual(missing, [], `codes without Chinese (or English) text: ${missing.join(', ')}`);
  assert.ok(VOCABULARY.size > 300, `the vocabulary holds ${VOCABULARY.size} codes`);
});

test('the Chinese text of a code uses only placeholders its English text has', () => {
  const differing = [...VOCABULARY]
    .filter(([, w]) => placeholders(w.zh).some((p) => !placeholders(w.en).includes(p)))
    .map(([code, w]) => `${code}: zh {${placeholders(w.zh)}} en {${placeholders(w.en)}}`);
  assert.deepEqual(differing, []);
});

test('say fills placeholders and shows labelled params in words', () => {
  assert.equal(
    say('xlsx.too_many_rows', { max: 5000 }, 'zh'),
    '工作表的数据行超过 5000 行；请拆分工作簿',
  );
  assert.equal(
    say('account.may_not_grant', { actor: 'system_admin', role: 'owner' }, 'zh'),
    '角色“系统管理员”无权授予角色“组织负责人”',
  );
  assert.equal(
    say('account.may_not_grant', { actor: 'system_admin', role: 'owner' }, 'en'),
    'the role system_admin may not grant the role owner',
  );
  assert.equal(
    say('error.not_found', { entity: 'test object', id: 'x1' }, 'zh'),
    '测评对象不存在（x1）',
  );
  assert.equal(say('audit.action.cii.determination.record', {}, 'zh'), '记录边界认定');
  assert.equal(say('audit.field.organisation_id', {}, 'zh'), '所属组织');
  assert.equal(say('no.such.code', {}, 'zh'), 'no.such.code');
});

test('an English message without its code is found again from the templates', () => {
  assert.deepEqual(codeOfMessage('must be at least 12 characters'), {
    code: 'account.password_min_length',
    params: { min: '12' },
  });
  assert.deepEqual(codeOfMessage('the role member may not grant the role owner'), {
    code: 'account.may_not_grant',
    params: { actor: 'member', role: 'owner' },
  });
  assert.equal(codeOfMessage('is not a real calendar date')?.code, 'validation.date_not_real');
  assert.equal(codeOfMessage('Invalid input: expected string'), null);
  // Every message renders back to itself through its code (no template shadows another).
  for (const [code, words] of VOCABULARY) {
    if (!/^(validation|account|error|xlsx|assessment_xlsx|cii_xlsx|app)\./.test(code)) continue;
    const params = Object.fromEntries(placeholders(words.en).map((n, i) => [n, `v${i}x`]));
    const text = say(code, params, 'en');
    const found = codeOfMessage(text);
    assert.ok(found, `${code}: "${text}" not found`);
    assert.equal(say(found.code, found.params, 'en'), text, code);
  }
});

test('no audit action is the prefix of another (the web nests them as i18n keys)', () => {
  const actions = Object.keys(AUDIT_ACTION);
  const clashes = actions.filter((a) => actions.some((b) => b.startsWith(`${a}.`)));
  assert.deepEqual(clashes, []);
});
