import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  APP_REQUIREMENT_IDS,
  DEFAULT_APP_NECESSARY_PI_FILE,
  appNecessaryPiForClients,
  loadAppNecessaryPi,
  shippedAppNecessaryPi,
  validateAppNecessaryPi,
} from './app-necessary-pi';
import { assertCitationsExist, loadKnowledgeBase } from './knowledge-base';
import { piCategoriesByCode } from './pi-categories';
import { penaltiesById } from './penalties';
import { APP_PENALTY_ID, APP_SERIOUS_PENALTY_ID } from '../domain/data-security/app-checks';

const TEXT = readFileSync(DEFAULT_APP_NECESSARY_PI_FILE, 'utf8');
const CODES = new Set(piCategoriesByCode().keys());

function problemsOf(text: string): string[] {
  const result = validateAppNecessaryPi({ file: 'types.yaml', text }, CODES);
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('app necessary-information catalog (2021 rules)', () => {
  it('loads, versioned, with the 39 types of Art. 5 in order', () => {
    const result = loadAppNecessaryPi();
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    const { catalog } = result;
    assert.equal(catalog.changelog[0]?.version, catalog.version);
    assert.equal(catalog.types.length, 39);
    assert.deepEqual(
      catalog.types.map((t) => t.number),
      Array.from({ length: 39 }, (_, i) => i + 1),
    );
    assert.equal(catalog.types[0]?.nameZh, '地图导航类');
    assert.equal(catalog.types[38]?.nameZh, '演出票务类');
  });

  it('网络约车类: mobile number, the passenger trip and (网约车 only) payment', () => {
    const catalog = shippedAppNecessaryPi();
    const ride = catalog.types.find((t) => t.id === 'ride_hailing')!;
    assert.equal(ride.nameZh, '网络约车类');
    assert.equal(ride.basicFunctionZh, '网络预约出租汽车服务、巡游出租汽车电召服务');
    assert.deepEqual(
      ride.items.map((i) => i.item),
      ['registered_phone', 'origin', 'destination', 'location', 'trajectory', 'payment_info'],
    );
    assert.equal(
      ride.items.find((i) => i.item === 'payment_info')?.conditionZh,
      '仅网络预约出租汽车服务',
    );
    assert.equal(ride.scopeVerification.status, 'confirmed');
    const map = catalog.types.find((t) => t.id === 'map_navigation')!;
    assert.deepEqual(
      map.items.map((i) => i.item),
      ['location', 'origin', 'destination'],
    );
  });

  it('13 types need no personal information, as the rules say', () => {
    const none = shippedAppNecessaryPi()
      .types.filter((t) => t.noPersonalInformationNeeded)
      .map((t) => t.nameZh);
    assert.deepEqual(none, [
      '女性健康类',
      '网络直播类',
      '在线影音类',
      '短视频类',
      '新闻资讯类',
      '运动健身类',
      '浏览器类',
      '输入法类',
      '安全管理类',
      '电子图书类',
      '拍摄美化类',
      '应用商店类',
      '实用工具类',
    ]);
  });

  it('says how sure it is: (一)–(八) and the no-information types confirmed, 17 scopes unverified', () => {
    const types = shippedAppNecessaryPi().types;
    const byStatus = (s: string) => types.filter((t) => t.scopeVerification.status === s).length;
    assert.equal(byStatus('confirmed'), 8 + 13);
    assert.equal(byStatus('derived'), 1);
    assert.equal(byStatus('unverified'), 17);
    for (const t of types.slice(0, 8))
      assert.equal(t.functionVerification.status, 'confirmed', t.id);
  });

  it('every item maps to an existing data category or none; the requirements are all there', () => {
    const catalog = shippedAppNecessaryPi();
    for (const item of catalog.items)
      if (item.piCategory !== null) assert.ok(CODES.has(item.piCategory), item.id);
    assert.deepEqual([...APP_REQUIREMENT_IDS].sort(), catalog.requirements.map((r) => r.id).sort());
    const client = appNecessaryPiForClients(catalog);
    assert.equal(client.types[1]?.items[0]?.nameZh, '注册用户移动电话号码');
  });

  it('every citation resolves in the knowledge base, the penalties exist', () => {
    const kb = loadKnowledgeBase();
    if (!kb.ok) assert.fail('knowledge base invalid');
    const citations = shippedAppNecessaryPi().requirements.flatMap((r) => r.citations);
    assert.deepEqual(assertCitationsExist(kb.kb, citations), []);
    assert.ok(penaltiesById().has(APP_PENALTY_ID));
    assert.ok(penaltiesById().has(APP_SERIOUS_PENALTY_ID));
  });

  it('refuses a duplicate id, an unknown category, an item in a no-information type', () => {
    assert.match(
      problemsOf(TEXT.replace('id: dating\n', 'id: ride_hailing\n')).join('\n'),
      /ride_hailing is listed twice/,
    );
    assert.match(
      problemsOf(TEXT.replace('piCategory: phone_number }', 'piCategory: mobile_no }')).join('\n'),
      /mobile_no is not a data category/,
    );
    assert.match(
      problemsOf(
        TEXT.replace(
          'noPersonalInformationNeeded: true\n    items: []',
          'noPersonalInformationNeeded: true\n    items: [{ item: location }]',
        ),
      ).join('\n'),
      /a type needing no personal information names no item/,
    );
  });

  it('refuses an app-rules citation that is not an APP_RULES constant, a missing requirement', () => {
    assert.match(
      problemsOf(TEXT.replace('provisionId: item-6 }', 'provisionId: item-9 }')).join('\n'),
      /item-9 is not one of the APP_RULES citations/,
    );
    assert.match(
      problemsOf(TEXT.replace('  - id: repeated_prompts\n', '  - id: repeated_prompt\n')).join(
        '\n',
      ),
      /the requirement repeated_prompts the app checks flag is missing/,
    );
  });
});
