import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedAppCheckCatalog } from '../../catalogs/app-necessary-pi';
import { AppCheckInputSchema, type AppCheckInput } from '../../shared/data-security-schemas';
import { APP_PENALTY_ID, APP_SERIOUS_PENALTY_ID, checkApp } from './app-checks';

const catalog = shippedAppCheckCatalog();

/** A ride-hailing app that does everything right. */
function clean(over: Partial<AppCheckInput> = {}): AppCheckInput {
  return AppCheckInputSchema.parse({
    code: 'APP-1',
    name: '快行约车',
    appType: 'ride_hailing',
    platform: 'android',
    checkedOn: '2026-03-02',
    permissions: [
      {
        name: 'android.permission.ACCESS_FINE_LOCATION',
        purpose: '定位上车点',
        requestedAt: 'on_use',
        function: '叫车',
      },
    ],
    collected: [
      {
        item: 'registered_phone',
        piCategory: 'phone_number',
        function: '注册登录',
        basicFunction: true,
      },
      { item: 'location', piCategory: 'precise_location', function: '叫车', basicFunction: true },
      { item: 'origin', function: '叫车', basicFunction: true },
      { item: 'destination', function: '叫车', basicFunction: true },
      { item: 'trajectory', piCategory: 'travel_record', function: '行程', basicFunction: true },
      { item: 'payment_info', function: '支付', basicFunction: true },
    ],
    sdks: [{ name: '某地图 SDK', items: ['location'], disclosedInNotice: true }],
    privacyPolicyUrl: 'https://example.cn/privacy',
    noticeElements: [
      'handler_identity_contact',
      'purposes_methods_types',
      'sensitive_necessity_impact',
      'retention_period',
      'rights_channels',
      'third_party_list',
      'collection_list',
    ],
    consent: {
      beforeCollection: true,
      unbundled: true,
      basicUsableOnRefusal: true,
      withdrawalAvailable: true,
      accountDeletionAvailable: true,
      noRepeatedPrompts: true,
      personalisationOptOut: true,
    },
    ...over,
  });
}

const ids = (input: AppCheckInput) => checkApp(input, catalog).flags.map((f) => f.id);

describe('checkApp', () => {
  it('a ride-hailing app collecting only its necessary items raises nothing', () => {
    const result = checkApp(clean(), catalog);
    assert.deepEqual(result.flags, []);
    assert.deepEqual(result.summary, { high: 0, medium: 0, low: 0, total: 0 });
    assert.equal(result.appType?.nameZh, '网络约车类');
    assert.deepEqual(result.exposure.penaltyIds, []);
    assert.equal(result.exposure.removalRisk, false);
  });

  it('over-collection: contacts for the basic function of a ride-hailing app (2021 Art. 5, PIPL Art. 6)', () => {
    const input = clean();
    const result = checkApp(
      {
        ...input,
        collected: [
          ...input.collected,
          {
            item: '通讯录',
            piCategory: 'contacts_list',
            function: '叫车',
            basicFunction: true,
            requiredToUse: false,
            collectedBeforeConsent: false,
            disclosedInNotice: true,
          },
          {
            item: 'holder_name',
            piCategory: 'name',
            function: '发票',
            basicFunction: false,
            requiredToUse: false,
            collectedBeforeConsent: false,
            disclosedInNotice: true,
          },
        ],
      },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      ['over_collection'],
    );
    const flag = result.flags[0]!;
    assert.equal(flag.severity, 'high');
    assert.deepEqual(flag.subjects, ['通讯录']);
    assert.match(flag.detailZh, /网络约车类/);
    assert.deepEqual(flag.citations, [
      { instrumentId: 'cac-app-necessary-pi-2021', provisionId: 'art-5' },
      { instrumentId: 'app-unlawful-collection-method-2019', provisionId: 'item-4' },
      { instrumentId: 'pipl-2021', provisionId: 'art-6' },
    ]);
    assert.deepEqual(flag.penaltyIds, [APP_PENALTY_ID]);
    assert.deepEqual(result.overCollected, [
      { item: '通讯录', piCategory: 'contacts_list', function: '叫车', requiredToUse: false },
    ]);
    assert.deepEqual(result.exposure.penaltyIds, [APP_PENALTY_ID, APP_SERIOUS_PENALTY_ID]);
    assert.equal(result.exposure.serviceSuspensionRisk, true);
    assert.equal(result.exposure.removalRisk, true);
    assert.match(result.exposure.summaryZh, /责令暂停或者终止提供服务/);
    assert.equal(result.exposure.enforcement[0]?.id, 'removal_after_notice');
  });

  it('the Chinese name of a necessary item counts as the item; any item of a no-information type is over-collection', () => {
    const input = clean();
    assert.deepEqual(
      ids({ ...input, collected: [{ ...input.collected[0]!, item: '注册用户移动电话号码' }] }),
      [],
    );
    const browser = checkApp({ ...input, appType: 'browser', sdks: [] }, catalog);
    assert.equal(browser.overCollected.length, 6);
    assert.match(browser.flags[0]!.detailZh, /无须任何个人信息/);
  });

  it('basic function refused when a non-necessary item is declined (2021 Art. 4, PIPL Art. 16)', () => {
    const input = clean();
    const result = checkApp(
      {
        ...input,
        collected: [
          ...input.collected,
          {
            item: '通讯录',
            piCategory: 'contacts_list',
            function: '紧急联系人',
            basicFunction: false,
            requiredToUse: true,
            collectedBeforeConsent: false,
            disclosedInNotice: true,
          },
        ],
      },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      ['basic_function_refused'],
    );
    assert.equal(result.flags[0]?.citations[0]?.provisionId, 'art-4');
    assert.deepEqual(
      ids({ ...input, consent: { ...input.consent, basicUsableOnRefusal: false } }),
      ['basic_function_refused'],
    );
  });

  it('collection before consent (2019 item 3)', () => {
    const input = clean();
    assert.deepEqual(ids({ ...input, consent: { ...input.consent, beforeCollection: false } }), [
      'collection_before_consent',
    ]);
    const result = checkApp(
      { ...input, collected: [{ ...input.collected[0]!, collectedBeforeConsent: true }] },
      catalog,
    );
    assert.deepEqual(result.flags[0]?.subjects, ['registered_phone']);
    assert.match(result.flags[0]!.detailZh, /注册用户移动电话号码/);
  });

  it('an SDK collecting personal information not disclosed (2019 items 2 and 5)', () => {
    const input = clean();
    const result = checkApp(
      {
        ...input,
        sdks: [
          ...input.sdks,
          { name: '推送 SDK', items: ['device_identifier'], disclosedInNotice: false },
        ],
      },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      ['sdk_undisclosed'],
    );
    assert.deepEqual(result.flags[0]?.subjects, ['推送 SDK']);
    assert.ok(result.flags[0]?.citations.some((c) => c.provisionId === 'item-5'));
  });

  it('the privacy notice: missing, or missing elements (PIPL Art. 17, NDS Art. 21 from 2025)', () => {
    const input = clean();
    assert.deepEqual(ids({ ...input, privacyPolicyUrl: null }), ['no_privacy_policy']);
    const result = checkApp(
      { ...input, noticeElements: ['handler_identity_contact', 'purposes_methods_types'] },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      ['notice_incomplete'],
    );
    assert.deepEqual(result.flags[0]?.subjects, [
      'retention_period',
      'rights_channels',
      'sensitive_necessity_impact',
      'collection_list',
      'third_party_list',
    ]);
    // Before the NDS Regulations: no collection list or SDK list required.
    const before = checkApp(
      {
        ...input,
        checkedOn: '2024-06-01',
        noticeElements: input.noticeElements.filter((e) => !e.endsWith('_list')),
      },
      catalog,
    );
    assert.deepEqual(before.flags, []);
    assert.deepEqual(
      ids({ ...input, collected: [{ ...input.collected[0]!, disclosedInNotice: false }] }),
      ['item_not_disclosed'],
    );
  });

  it('permissions: sensitive without a purpose; asked at install or first launch with no function', () => {
    const input = clean();
    const result = checkApp(
      {
        ...input,
        permissions: [
          {
            name: 'android.permission.CAMERA',
            purpose: null,
            requestedAt: 'on_use',
            function: '扫码',
          },
          {
            name: 'android.permission.READ_CONTACTS',
            purpose: null,
            requestedAt: 'first_launch',
            function: null,
          },
          {
            name: 'android.permission.INTERNET',
            purpose: null,
            requestedAt: 'install',
            function: '联网',
          },
        ],
      },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      ['sensitive_permission_no_purpose', 'permission_without_function'],
    );
    assert.deepEqual(result.flags[0]?.subjects, [
      'android.permission.CAMERA',
      'android.permission.READ_CONTACTS',
    ]);
    assert.deepEqual(result.flags[1]?.subjects, ['android.permission.READ_CONTACTS']);
  });

  it('the consent flow: repeated prompts, bundled consent, no withdrawal, no account deletion, no opt-out', () => {
    const input = clean();
    const result = checkApp(
      {
        ...input,
        consent: {
          ...input.consent,
          noRepeatedPrompts: false,
          unbundled: false,
          withdrawalAvailable: false,
          accountDeletionAvailable: false,
          personalisationOptOut: false,
        },
      },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      [
        'repeated_prompts',
        'bundled_consent',
        'no_withdrawal',
        'no_account_deletion',
        'no_personalisation_opt_out',
      ],
    );
    assert.deepEqual(result.summary, { high: 0, medium: 4, low: 1, total: 5 });
    const byId = new Map(result.flags.map((f) => [f.id, f]));
    assert.ok(byId.get('no_withdrawal')?.citations.some((c) => c.provisionId === 'art-15'));
    assert.ok(byId.get('no_account_deletion')?.citations.some((c) => c.provisionId === 'item-6'));
    assert.ok(byId.get('no_account_deletion')?.citations.some((c) => c.provisionId === 'art-47'));
  });

  it('no app type: the scope is not assessed, non-basic items required to use still refuse the basic function', () => {
    const input = clean({ appType: null });
    const result = checkApp(
      {
        ...input,
        collected: [
          ...input.collected,
          {
            item: '通讯录',
            piCategory: 'contacts_list',
            function: '邀请好友',
            basicFunction: false,
            requiredToUse: true,
            collectedBeforeConsent: false,
            disclosedInNotice: true,
          },
        ],
      },
      catalog,
    );
    assert.deepEqual(
      result.flags.map((f) => f.id),
      ['basic_function_refused', 'type_not_assessed'],
    );
    assert.equal(result.appType, null);
    assert.deepEqual(result.flags[1]?.penaltyIds, []);
  });
});
