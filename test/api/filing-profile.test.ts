/**
 * The filing form's answers, captured once through the API: the sample hospital's 表一 on the
 * organisation and 表二 on its HIS round-trip; answers that are not the form's options are
 * refused (400) with the path of the field and the list's codes; 其他 needs its text and 跨 N 个
 * its count; a wrong 统一社会信用代码 check character and a 行政区划代码 outside any province are
 * refused; a stale version is a 409; the columns hold SM4 ciphertext, not the phone numbers, and
 * the audit log shows them masked; the option lists are served to any signed-in user.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FilingFormOptions } from '../../src/shared/filing-profile';
import type { OrganisationDto, SystemDetailDto, SystemDto } from '../../src/shared/api-types';
import {
  HIS_SYSTEM_PROFILE,
  HOSPITAL_CREDIT_CODE,
  HOSPITAL_NAME,
  HOSPITAL_ORGANISATION_PROFILE,
} from '../fixtures/filing-profile';
import {
  decryptOrganisationFilingProfile,
  decryptSystemFilingProfile,
} from '../../src/app/filing-profile';
import { createFieldCipher } from '../../src/security/field-crypto';
import { parseKeyList } from '../../src/security/keyring';
import { reencryptAll } from '../../src/store/reencrypt';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

interface Refusal {
  code: string;
  details: { path: string; message: string; messageZh?: string }[];
}

for (const dialect of TEST_DIALECTS) {
  describe(`filing profile on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let systemId: string;
    const skip = () => h === null;
    const url = (p: string) => `/api/organisations/${orgId}${p}`;
    const org = async () => (await owner.inject({ url: url('') })).json() as OrganisationDto;
    const system = async () =>
      ((await owner.inject({ url: url(`/systems/${systemId}`) })).json() as SystemDetailDto).system;
    const refused = async (res: { statusCode: number; body: string; json(): unknown }) => {
      assert.equal(res.statusCode, 400, res.body);
      return res.json() as Refusal;
    };
    const patchOrg = async (filingProfile: unknown, version?: number) =>
      owner.inject({
        method: 'PATCH',
        url: url(''),
        payload: { filingProfile, version: version ?? (await org()).version },
      });
    const patchSystem = async (filingProfile: unknown) =>
      owner.inject({
        method: 'PATCH',
        url: url(`/systems/${systemId}`),
        payload: { filingProfile, version: (await system()).version },
      });

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('chen.zhiyuan', { admin: true });
    });
    after(async () => {
      await h?.close();
    });

    it(
      'refuses a credit code whose check character is wrong, naming the right one',
      { skip: skip() },
      async () => {
        const wrong = `${HOSPITAL_CREDIT_CODE.slice(0, 17)}X`;
        const body = await refused(
          await owner.inject({
            method: 'POST',
            url: '/api/organisations',
            payload: { name: HOSPITAL_NAME, creditCode: wrong },
          }),
        );
        const detail = body.details.find((d) => d.path === 'creditCode');
        assert.ok(detail, JSON.stringify(body));
        assert.match(detail.message, /check character.*expected 5/);
        assert.match(detail.messageZh ?? '', /校验码.*应为 5/);
      },
    );

    it(
      'creates the hospital with its 表一 answers and reads them back',
      { skip: skip() },
      async () => {
        const res = await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: {
            name: HOSPITAL_NAME,
            creditCode: HOSPITAL_CREDIT_CODE,
            filingProfile: HOSPITAL_ORGANISATION_PROFILE,
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        orgId = (res.json() as OrganisationDto).id;
        assert.deepEqual(
          (res.json() as OrganisationDto).filingProfile,
          HOSPITAL_ORGANISATION_PROFILE,
        );
        assert.deepEqual((await org()).filingProfile, HOSPITAL_ORGANISATION_PROFILE);
      },
    );

    it(
      'refuses codes that are not the form’s options, with the field path and the codes',
      { skip: skip() },
      async () => {
        const before = await org();
        const notSector = await refused(
          await patchOrg({ ...HOSPITAL_ORGANISATION_PROFILE, sectorCode: '98' }),
        );
        const d = notSector.details.find((x) => x.path === 'filingProfile.sectorCode');
        assert.ok(d, JSON.stringify(notSector));
        assert.match(
          d.message,
          /^98 is not a 行业类别 code; use one of 11 电信, .*45 卫生.*99 其他$/,
        );
        assert.match(d.messageZh ?? '', /“98”不是行业类别的代码/);

        const other = await refused(
          await patchOrg({ ...HOSPITAL_ORGANISATION_PROFILE, sectorCode: '99', sectorOther: ' ' }),
        );
        assert.deepEqual(
          other.details.map((x) => x.path),
          ['filingProfile.sectorOther'],
        );

        const division = await refused(
          await patchOrg({ ...HOSPITAL_ORGANISATION_PROFILE, divisionCode: '190100' }),
        );
        assert.ok(division.details.some((x) => x.path === 'filingProfile.divisionCode'));
        const postal = await refused(
          await patchOrg({ ...HOSPITAL_ORGANISATION_PROFILE, postalCode: '31006' }),
        );
        assert.ok(postal.details.some((x) => x.path === 'filingProfile.postalCode'));

        const after = await org();
        assert.equal(after.version, before.version, 'nothing was saved');
        assert.deepEqual(after.filingProfile, HOSPITAL_ORGANISATION_PROFILE);
      },
    );

    it(
      'replaces the profile as a whole with the version, and a stale version is a 409',
      { skip: skip() },
      async () => {
        const current = await org();
        const changed = { ...HOSPITAL_ORGANISATION_PROFILE, address: '解放路 261 号 门诊楼' };
        const ok = await patchOrg(changed, current.version);
        assert.equal(ok.statusCode, 200, ok.body);
        assert.equal((ok.json() as OrganisationDto).version, current.version + 1);
        assert.equal((ok.json() as OrganisationDto).filingProfile?.address, '解放路 261 号 门诊楼');
        const stale = await patchOrg(HOSPITAL_ORGANISATION_PROFILE, current.version);
        assert.equal(stale.statusCode, 409, stale.body);
        assert.equal((stale.json() as { code: string }).code, 'VERSION_CONFLICT');
        const back = await patchOrg(HOSPITAL_ORGANISATION_PROFILE);
        assert.equal(back.statusCode, 200, back.body);
      },
    );

    it(
      'stores 表一 encrypted and audits it with phones and e-mail masked',
      { skip: skip() },
      async () => {
        const row = await h!.store.db
          .selectFrom('organisations')
          .select('filing_profile_enc')
          .where('id', '=', orgId)
          .executeTakeFirstOrThrow();
        assert.match(row.filing_profile_enc ?? '', /^sm4:/);
        for (const clear of ['13905710001', '0571-87005678', 'dean@hospital.example.cn', '陈志远'])
          assert.ok(!row.filing_profile_enc!.includes(clear), `column holds ${clear} in clear`);
        const audit = await h!.store.db
          .selectFrom('audit_entries')
          .select(['action', 'changes'])
          .where('organisation_id', '=', orgId)
          .where('entity_type', '=', 'organisation')
          .execute();
        assert.ok(audit.some((a) => a.action === 'organisation.update'));
        for (const entry of audit) {
          for (const clear of ['13905710001', '0571-87001234', 'dean@hospital.example.cn'])
            assert.ok(!entry.changes.includes(clear), `audit ${entry.action} holds ${clear}`);
        }
        const update = audit.find((a) => a.action === 'organisation.update')!;
        const changes = JSON.parse(update.changes) as Record<string, { after: unknown }>;
        const after = changes.filingProfile?.after as typeof HOSPITAL_ORGANISATION_PROFILE;
        assert.equal(after.address, '解放路 261 号 门诊楼');
        assert.equal(after.head?.mobilePhone, '***');
        assert.equal(after.head?.name, '陈志远');
      },
    );

    it(
      'creates the HIS with its 表二 answers, patches them, and refuses bad ones by path',
      { skip: skip() },
      async () => {
        const created = await owner.inject({
          method: 'POST',
          url: url('/systems'),
          payload: {
            name: '医院信息系统（HIS）',
            types: ['ordinary_system'],
            responsibleDepartment: '信息中心',
            filingProfile: HIS_SYSTEM_PROFILE,
          },
        });
        assert.equal(created.statusCode, 201, created.body);
        systemId = (created.json() as SystemDto).id;
        assert.deepEqual((created.json() as SystemDto).filingProfile, HIS_SYSTEM_PROFILE);
        assert.deepEqual((await system()).filingProfile, HIS_SYSTEM_PROFILE);

        const bad = await refused(
          await patchSystem({
            ...HIS_SYSTEM_PROFILE,
            businessTypes: ['1', '7', '1'],
            serviceScope: '21',
            keyProducts: [
              { type: '6', typeOther: null, count: 2, domesticUse: 'all', domesticRate: null },
            ],
            services: [{ type: '9', typeOther: null, provider: 'domestic' }],
          }),
        );
        assert.deepEqual(bad.details.map((d) => d.path).sort(), [
          'filingProfile.businessTypes[1]',
          'filingProfile.businessTypes[2]',
          'filingProfile.keyProducts[0].typeOther',
          'filingProfile.serviceScopeCount',
          'filingProfile.services[0].type',
        ]);
        assert.match(
          bad.details.find((d) => d.path === 'filingProfile.businessTypes[1]')!.message,
          /^7 is not a 业务类型 code; use one of 1 生产作业, 2 指挥调度, 3 管理控制, 4 内部办公, 5 公众服务, 9 其他$/,
        );
        assert.ok(
          bad.details.every((d) => /[\u4e00-\u9fff]/.test(d.messageZh ?? '')),
          JSON.stringify(bad),
        );

        const moved = { ...HIS_SYSTEM_PROFILE, serviceScope: '21', serviceScopeCount: 3 };
        const ok = await patchSystem(moved);
        assert.equal(ok.statusCode, 200, ok.body);
        assert.deepEqual((await system()).filingProfile, moved);

        const row = await h!.store.db
          .selectFrom('systems')
          .select('filing_profile_enc')
          .where('id', '=', systemId)
          .executeTakeFirstOrThrow();
        assert.match(row.filing_profile_enc ?? '', /^sm4:/);
        assert.ok(!row.filing_profile_enc!.includes('刘晓敏'));
      },
    );

    it('clears a profile with null', { skip: skip() }, async () => {
      const res = await patchSystem(null);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await system()).filingProfile, null);
      const again = await patchSystem(HIS_SYSTEM_PROFILE);
      assert.equal(again.statusCode, 200, again.body);
    });

    it(
      'serves the option lists with codes, status and sources to any signed-in user',
      { skip: skip() },
      async () => {
        const reader = await h!.user('reader.only');
        const res = await reader.inject({ url: '/api/catalog/filing-form-options' });
        assert.equal(res.statusCode, 200, res.body);
        const lists = res.json() as FilingFormOptions;
        assert.equal(Object.keys(lists).length, 11);
        assert.ok(lists.sector.options.some((o) => o.code === '45' && o.zh === '卫生'));
        assert.equal(lists.sector.field, 'sectorCode');
        assert.equal(lists.sector.edition, 2007);
        assert.ok(lists.sector.sources.some((s) => s.url?.startsWith('https://')));
        const anonymous = await h!.app.inject({ url: '/api/catalog/filing-form-options' });
        assert.equal(anonymous.statusCode, 401);
      },
    );

    // Last: it moves the rows to a key the harness does not hold.
    it(
      'key rotation re-encrypts both profiles, which still read back',
      { skip: skip() },
      async () => {
        const rotated = createFieldCipher(
          parseKeyList(
            'test1:00112233445566778899aabbccddeeff,test2:0f1e2d3c4b5a69788796a5b4c3d2e1f0',
            'test2',
          ),
        );
        const result = await reencryptAll(h!.store.db, rotated);
        for (const table of ['organisations', 'systems'])
          assert.ok(
            result.columns.some(
              (c) => c.table === table && c.column === 'filing_profile_enc' && c.rotated >= 1,
            ),
            `${table}.filing_profile_enc rotated`,
          );
        const orgRow = await h!.store.db
          .selectFrom('organisations')
          .select('filing_profile_enc')
          .where('id', '=', orgId)
          .executeTakeFirstOrThrow();
        assert.match(orgRow.filing_profile_enc ?? '', /^sm4:2:test2:/);
        assert.deepEqual(
          decryptOrganisationFilingProfile(rotated, orgId, orgRow.filing_profile_enc),
          HOSPITAL_ORGANISATION_PROFILE,
        );
        const sysRow = await h!.store.db
          .selectFrom('systems')
          .select('filing_profile_enc')
          .where('id', '=', systemId)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          decryptSystemFilingProfile(rotated, systemId, sysRow.filing_profile_enc),
          HIS_SYSTEM_PROFILE,
        );
      },
    );
  });
}
