/**
 * Pure helpers of the web UI's 个人信息保护 section: fine ranges in words (RMB, 万元), country
 * names with their ISO code (the browser's CLDR names; Node has the same ICU data), and the
 * activity drawer's conversion between form values and the wire body, checked by the shared
 * schema the server applies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityInputSchema } from '../src/shared/privacy-schemas';
import type { ActivityView } from '../web/src/api/privacy-client';
import {
  EMPTY_ACTIVITY,
  toActivityBody,
  toActivityForm,
} from '../web/src/components/privacy/activity-form';
import { countryLabel, countries } from '../web/src/components/privacy/countries';
import { fineText, money } from '../web/src/components/privacy/penalty-text';

const sanction = (fineMinCny: number | null, fineMaxCny: number | null, pct: number | null) => ({
  warning: false,
  confiscation: true,
  fineMinCny,
  fineMaxCny,
  fineOptional: false,
  turnoverPercentMax: pct,
});

describe('penalty amounts in words', () => {
  it('writes 万元 in Chinese and RMB in English', () => {
    assert.equal(money(1_000_000, true), '100万元');
    assert.equal(money(5000, true), '5,000元');
    assert.equal(money(50_000_000, false), 'RMB 50,000,000');
  });

  it('PIPL Art. 66 ¶2: 5000万元 or 5% of the previous year’s turnover', () => {
    assert.equal(
      fineText(sanction(null, 50_000_000, 5), 'zh-CN'),
      '罚款5,000万元以下或上一年度营业额5%以下',
    );
    assert.equal(
      fineText(sanction(null, 50_000_000, 5), 'en'),
      "fine up to RMB 50,000,000 or up to 5% of the previous year's turnover",
    );
  });

  it('a range with both bounds, and no fine at all', () => {
    assert.equal(fineText(sanction(100_000, 1_000_000, null), 'zh-CN'), '罚款10万元—100万元');
    assert.equal(fineText(sanction(null, null, null), 'zh-CN'), null);
  });
});

describe('countries', () => {
  it('names Germany 德国 DE in Chinese and Germany DE in English', () => {
    assert.equal(countryLabel('DE', 'zh-CN'), '德国 DE');
    assert.equal(countryLabel('DE', 'en'), 'Germany DE');
  });

  it('lists the mainland and regions, not unions or private-use codes', () => {
    const codes = new Set(countries('zh-CN').map((c) => c.code));
    for (const code of ['CN', 'HK', 'MO', 'TW', 'US', 'SG']) assert.ok(codes.has(code), code);
    for (const code of ['EU', 'UN', 'ZZ', 'XA', 'QO']) assert.ok(!codes.has(code), code);
    assert.ok(codes.size > 240, `${codes.size} countries and regions`);
  });

  it('shows an unknown code as it is', () => {
    assert.equal(countryLabel('ZZ', 'zh-CN'), 'ZZ');
  });
});

/** The value with null and absent fields alike (the schema's `nullish` accepts both). */
const withoutNulls = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutNulls)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== null && v !== undefined)
            .map(([k, v]) => [k, withoutNulls(v)]),
        )
      : value;

describe('the activity drawer’s values and the wire body', () => {
  const stored: ActivityView = {
    id: '00000000-0000-4000-8000-000000000001',
    version: 3,
    ...ActivityInputSchema.parse({
      code: 'PA-001',
      name: '跨境订单履约',
      purpose: '向境外物流服务商提供收件人信息',
      legalBases: ['consent', 'contract_or_hr'],
      dataCategories: ['name', 'bank_account_number'],
      dataSubjects: ['customers'],
      individuals: 300000,
      sensitiveIndividuals: 5000,
      retention: '订单完成后 3 年',
      retentionMonths: 36,
      systemIds: ['00000000-0000-4000-8000-0000000000aa'],
      recipients: [
        { key: 'R1', relationship: 'other_handler', name: 'Muster GmbH', country: 'DE' },
      ],
      transfers: [
        {
          key: 'T1',
          recipientKey: 'R1',
          mechanism: { kind: 'standard_contract', contractEffectiveOn: '2026-03-02' },
        },
      ],
      consents: [{ case: 'art39_abroad', method: '弹窗单独同意', since: '2026-01-05' }],
      faceRecognition: { storedIndividuals: 120000, reachedThresholdOn: '2026-02-10' },
      privacyNoticeVersion: 'v1.0',
    }),
  };

  it('an activity read back into the form gives the same body (dates, nulls, defaults kept)', () => {
    const { id, version, ...input } = stored;
    void [id, version];
    const body = toActivityBody(toActivityForm(stored));
    assert.deepEqual(withoutNulls(ActivityInputSchema.parse(body)), withoutNulls(input));
    assert.equal(body.transfers?.[0]?.mechanism?.contractEffectiveOn, '2026-03-02');
    assert.equal(body.faceRecognition?.reachedThresholdOn, '2026-02-10');
  });

  it('turning face recognition off sends null, an unset mechanism sends none', () => {
    const values = toActivityForm(stored);
    values.faceEnabled = false;
    values.transfers![0]!.mechanism = { kind: null };
    const body = toActivityBody(values);
    assert.equal(body.faceRecognition, null);
    assert.equal(body.transfers?.[0]?.mechanism, null);
  });

  it('an empty form fails the shared schema on the fields the user must fill', () => {
    const checked = ActivityInputSchema.safeParse(toActivityBody(EMPTY_ACTIVITY));
    assert.equal(checked.success, false);
    const paths = new Set(checked.error!.issues.map((i) => i.path.join('.')));
    for (const field of ['code', 'name', 'purpose', 'legalBases', 'dataCategories', 'individuals'])
      assert.ok(paths.has(field), `${field} in ${[...paths].join(', ')}`);
  });
});
