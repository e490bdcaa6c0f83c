/**
 * The 安全事件 and App 检查 forms of the web UI (web/src/components/data-security): Beijing wall
 * clock in the pickers ↔ +08:00 instants on the wire whatever the machine's zone, the countdown
 * text, the grade the criteria suggest, and the app items beyond a type's necessary list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import dayjs from 'dayjs';
import type { AppCatalogDto } from '../web/src/api/app-checks-client';
import type { IncidentCriterionDto, IncidentView } from '../web/src/api/incidents-client';
import {
  emptyAppCheck,
  isOverCollected,
  toAppCheckBody,
} from '../web/src/components/data-security/app-checks/app-check-form';
import {
  emptyIncident,
  inputOf,
  suggestGrade,
  toIncidentBody,
  toIncidentForm,
} from '../web/src/components/data-security/incidents/incident-form';
import {
  countdown,
  fromInstant,
  toBeijingInstant,
} from '../web/src/components/data-security/incidents/incident-time';
import { AppCheckInputSchema, IncidentInputSchema } from '../src/shared/data-security-schemas';

const criteria: IncidentCriterionDto[] = [
  {
    id: 'la-pi',
    grade: 'large',
    textZh: '100万人以上的公民个人信息泄露',
    textEn: '',
    measure: { key: 'piLeakedIndividuals', atLeast: 1_000_000 },
    source: 'final-2025',
  },
  {
    id: 'ma-pi',
    grade: 'major',
    textZh: '1000万人以上的公民个人信息泄露',
    textEn: '',
    measure: { key: 'piLeakedIndividuals', atLeast: 10_000_000 },
    source: 'final-2025',
  },
  {
    id: 'ma-other',
    grade: 'major',
    textZh: '其他',
    textEn: '',
    measure: null,
    source: 'draft-2023',
  },
];

describe('incident times in Beijing', () => {
  it('writes a picked wall-clock time as +08:00 and reads an instant back as Beijing wall clock', () => {
    assert.equal(toBeijingInstant(dayjs('2026-03-02T09:15')), '2026-03-02T09:15:00+08:00');
    assert.equal(toBeijingInstant(null), null);
    // 01:15 UTC is 09:15 in Beijing, in whatever zone the test runs.
    assert.equal(
      fromInstant('2026-03-02T01:15:00Z')?.format('YYYY-MM-DD HH:mm'),
      '2026-03-02 09:15',
    );
    assert.equal(
      toBeijingInstant(fromInstant('2026-12-31T23:30:00+08:00')),
      '2026-12-31T23:30:00+08:00',
    );
  });

  it('counts down to the deadline and past it', () => {
    const due = '2026-03-02T10:15:00+08:00';
    const at = (iso: string) => Date.parse(iso);
    assert.deepEqual(countdown(due, at('2026-03-02T09:32:47+08:00')), {
      overdue: false,
      seconds: 42 * 60 + 13,
      text: '00:42:13',
    });
    const late = countdown(due, at('2026-03-02T11:20:00+08:00'));
    assert.equal(late.overdue, true);
    assert.equal(late.text, '01:05:00');
    assert.equal(countdown(due, at('2026-02-28T08:15:00+08:00')).text, '2天 02:00:00');
    assert.equal(countdown(due, at('2026-02-28T08:15:00+08:00'), 'en').text, '2d 02:00:00');
  });
});

describe('incident form', () => {
  it('suggests the highest grade the figures or ticks meet, 一般 otherwise', () => {
    assert.equal(suggestGrade(criteria, {}, []).grade, 'general');
    const large = suggestGrade(criteria, { piLeakedIndividuals: 1_500_000 }, []);
    assert.equal(large.grade, 'large');
    assert.deepEqual(
      large.by.map((c) => c.id),
      ['la-pi'],
    );
    assert.equal(suggestGrade(criteria, { piLeakedIndividuals: 10_000_000 }, []).grade, 'major');
    assert.equal(suggestGrade(criteria, {}, ['ma-other']).grade, 'major');
  });

  it('builds a body the shared schema accepts: instants with +08:00, CII auto as null, blanks as null', () => {
    const body = toIncidentBody({
      ...emptyIncident(),
      code: ' INC-1 ',
      title: '客户信息数据库遭拖库',
      type: 'data_security',
      foundAt: dayjs('2026-03-02T09:15'),
      measures: { piLeakedIndividuals: 1_500_000, economicLossYuan: null, coreDataLeaked: false },
      grade: 'large',
      cause: '  ',
      piEnabled: true,
      piIncident: { individuals: 1_500_000, categories: ['phone_number'] },
    });
    assert.equal(body.code, 'INC-1');
    assert.equal(body.foundAt, '2026-03-02T09:15:00+08:00');
    assert.equal(body.involvesCii, null);
    assert.deepEqual(body.measures, { piLeakedIndividuals: 1_500_000 });
    assert.equal(body.cause, null);
    assert.equal(body.ransom, null);
    assert.equal(body.piIncident?.individuals, 1_500_000);
    assert.ok(IncidentInputSchema.safeParse(body).success);
  });
});

describe('incident edits', () => {
  const stored = {
    ...IncidentInputSchema.parse({
      code: 'INC-1',
      title: '拖库',
      type: 'data_security',
      foundAt: '2026-03-02T01:15:42Z',
      systemIds: ['7b0c8f9e-4a1d-4c55-9d7e-0c1f3f5e2a10'],
      measures: { piLeakedIndividuals: 1_500_000 },
      reports: [
        { kind: 'initial', recipient: 'public_security', submittedAt: '2026-03-02T09:40:00+08:00' },
      ],
    }),
    id: 'i1',
    version: 3,
    suggestedGrade: 'large',
    criteriaFound: [],
    operatorKind: 'cii_operator',
    regime: '2025-measures',
    duties: [],
    createdAt: '',
    updatedAt: '',
  } as IncidentView;

  it('keeps the stored instant (with its seconds) when the picker still shows its minute', () => {
    const body = toIncidentBody(toIncidentForm(stored), stored);
    assert.equal(body.foundAt, '2026-03-02T01:15:42Z');
    const moved = toIncidentBody(
      { ...toIncidentForm(stored), foundAt: dayjs('2026-03-02T09:20') },
      stored,
    );
    assert.equal(moved.foundAt, '2026-03-02T09:20:00+08:00');
  });

  it('a whole-incident patch body keeps systems, measures and reports', () => {
    const body = inputOf(stored);
    assert.deepEqual(body.systemIds, stored.systemIds);
    assert.deepEqual(body.measures, { piLeakedIndividuals: 1_500_000 });
    assert.equal(body.reports?.length, 1);
    assert.ok(IncidentInputSchema.safeParse(body).success);
  });
});

describe('app check form', () => {
  const catalog: AppCatalogDto = {
    items: [
      { id: 'location', nameZh: '位置信息', nameEn: 'Location', piCategory: null },
      { id: 'im_contacts', nameZh: '即时通信联系人账号列表', nameEn: 'Contacts', piCategory: null },
    ],
    types: [
      {
        id: 'map_navigation',
        nameZh: '地图导航类',
        nameEn: 'Maps',
        basicFunctionZh: '定位和导航',
        basicFunctionEn: 'Navigation',
        noPersonalInformationNeeded: false,
        items: [{ item: 'location' }],
      },
    ],
  };

  it('marks items beyond the chosen type’s necessary list, and nothing without a type', () => {
    assert.equal(isOverCollected(catalog, 'map_navigation', 'location'), false);
    assert.equal(isOverCollected(catalog, 'map_navigation', 'im_contacts'), true);
    assert.equal(isOverCollected(catalog, 'map_navigation', '通讯录'), true);
    assert.equal(isOverCollected(catalog, null, 'im_contacts'), false);
  });

  it('builds a body the shared schema accepts', () => {
    const body = toAppCheckBody({
      ...emptyAppCheck(),
      code: 'APP-1',
      name: '掌上电力地图',
      appType: 'map_navigation',
      collected: [{ item: 'im_contacts', function: '好友位置分享', basicFunction: true }],
      privacyPolicyUrl: ' ',
    });
    assert.equal(body.privacyPolicyUrl, null);
    assert.equal(body.collected?.[0]?.disclosedInNotice, true);
    assert.equal(body.consent.beforeCollection, false);
    const parsed = AppCheckInputSchema.safeParse(body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  });
});
