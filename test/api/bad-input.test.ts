import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parseStructuredFile } from '../../src/app/structured-file';
import { sql } from 'kysely';
import { ValidationError, appErrorFromDatabase } from '../../src/errors';
import { SystemsFileSchema } from '../../src/shared/schemas';
import { TEST_DIALECTS, openTestStore } from '../support';
import { STRONG_PASSWORD, startHarness, type Client, type Harness } from './harness';

/**
 * NUL bytes (PostgreSQL refuses them in text), other control characters and dates outside
 * 1900–2199 are a 400 naming the field, in Chinese and English, and change nothing — on both
 * databases (SQLite used to store them; PostgreSQL answered 500).
 */
function assertRefused(res: LightMyRequestResponse, field: string, what: RegExp): void {
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json() as {
    code: string;
    details: { path: string; message: string; messageZh?: string }[];
  };
  assert.equal(body.code, 'VALIDATION_FAILED');
  const detail = body.details.find((d) => d.path === field);
  assert.ok(detail, `no detail for ${field}: ${res.body}`);
  assert.match(detail.message, what);
  assert.ok(detail.messageZh && /[\u4e00-\u9fff]/.test(detail.messageZh), res.body);
}

const CONTROL = /NUL or other control characters/;
const RANGE = /between 1900-01-01 and 2199-12-31/;

for (const dialect of TEST_DIALECTS) {
  describe(`bad input on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    const org = (p: string) => `/api/organisations/${orgId}${p}`;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('sun.li', { admin: true });
      const res = await owner.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某市公安局' },
      });
      orgId = res.json().id;
    });
    after(async () => {
      await h?.close();
    });

    const systemCount = async () =>
      (await owner.inject({ method: 'GET', url: org('/systems') })).json().total as number;

    it('refuses a NUL byte or a control character in a system name, and stores nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = await systemCount();
      for (const name of ['警务综合平台\u0000', '警务\u0007平台', '\u001b[31m平台']) {
        const res = await owner.inject({
          method: 'POST',
          url: org('/systems'),
          payload: { name, types: ['ordinary_system'] },
        });
        assertRefused(res, 'name', CONTROL);
      }
      const ok = await owner.inject({
        method: 'POST',
        url: org('/systems'),
        payload: {
          name: '警务综合平台',
          types: ['ordinary_system'],
          description: '第一行\n第二行\t制表符\r\n',
        },
      });
      assert.equal(ok.statusCode, 201, 'tab, line feed and carriage return are text');
      assert.equal(await systemCount(), before + 1);
      const patch = await owner.inject({
        method: 'PATCH',
        url: org(`/systems/${ok.json().id}`),
        payload: { version: ok.json().version, name: 'x\u0000y' },
      });
      assertRefused(patch, 'name', CONTROL);
    });

    it('refuses a NUL byte in a search, a path parameter and a user name', async (t) => {
      if (!h) return t.skip('database unavailable');
      assertRefused(
        await owner.inject({ method: 'GET', url: org('/systems?q=%E8%AD%A6%00') }),
        'q',
        CONTROL,
      );
      assertRefused(
        await owner.inject({ method: 'GET', url: '/api/catalog/items?level=3&q=%00' }),
        'q',
        CONTROL,
      );
      assertRefused(
        await owner.inject({ method: 'GET', url: org('/systems/%00') }),
        'systemId',
        CONTROL,
      );
      const signIn = await h.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'sun.li\u0000', password: STRONG_PASSWORD },
      });
      assertRefused(signIn, 'username', CONTROL);
      assertRefused(
        await owner.inject({
          method: 'POST',
          url: org('/members'),
          payload: {
            username: 'zhou\u0000',
            role: 'viewer',
            newAccount: { displayName: '周', initialPassword: 'Initial#Pass-2026' },
          },
        }),
        'username',
        CONTROL,
      );
    });

    it('refuses dates outside 1900-01-01..2199-12-31, asOf included', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const url of [
        org('/obligations?asOf=9999-12-31'),
        org('/obligations?asOf=0001-01-01'),
        org('/reports/calendar.pdf?asOf=9999-12-31'),
        org('/obligations.xlsx?asOf=9999-12-31'),
      ]) {
        assertRefused(await owner.inject({ method: 'GET', url }), 'asOf', RANGE);
      }
      const res = await owner.inject({
        method: 'POST',
        url: org('/systems'),
        payload: { name: '远古系统', types: ['ordinary_system'], goLiveOn: '9999-12-31' },
      });
      assertRefused(res, 'goLiveOn', RANGE);
      const fine = await owner.inject({ method: 'GET', url: org('/obligations?asOf=2199-12-31') });
      assert.equal(fine.statusCode, 200, fine.body);
    });

    it('refuses a NUL byte in a CII exchange file, naming the field, and imports nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({
        method: 'POST',
        url: org('/cii/import'),
        payload: {
          format: 'dengbao.cii.v1',
          assets: [
            { code: 'GW-01', name: '网闸', kind: 'network_facility' },
            { code: 'DB-01', name: '人口库\u0000', kind: 'information_system' },
          ],
        },
      });
      assertRefused(res, 'assets[1].name', CONTROL);
      const assets = await owner.inject({ method: 'GET', url: org('/cii/assets') });
      assert.deepEqual(assets.json(), []);
    });
  });
}

describe('bad input in files read by the CLI', () => {
  it('a YAML alias without its anchor, or an alias bomb, is a validation error (found by the fuzzer)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'format: dengbao.systems.v1',
      'systems: *h',
    ].join('\n');
    for (const text of ['format: dengbao.systems.v1\nsystems: *a\n', bomb]) {
      assert.throws(
        () => parseStructuredFile(text, SystemsFileSchema, 'systems.yaml'),
        (error: unknown) =>
          error instanceof ValidationError && /not valid JSON or YAML/.test(error.message),
      );
    }
  });

  it('a systems file (YAML) with a NUL byte names the field and its line', () => {
    const yaml = [
      'format: dengbao.systems.v1',
      'systems:',
      '  - name: 门户网站',
      '    types: [ordinary_system]',
      '  - name: "户籍系统\\0"',
      '    types: [ordinary_system]',
      '    goLiveOn: 9999-12-31',
    ].join('\n');
    assert.throws(
      () => parseStructuredFile(yaml, SystemsFileSchema, 'systems.yaml'),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        const paths = error.details.map((d) => `${d.path}: ${d.message}`);
        assert.ok(
          paths.some((p) => p.startsWith('systems[1].name (line 5)') && CONTROL.test(p)),
          paths.join('\n'),
        );
        assert.ok(
          paths.some((p) => p.startsWith('systems[1].goLiveOn') && RANGE.test(p)),
          paths.join('\n'),
        );
        return true;
      },
    );
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`database refusals on ${dialect} are never a 500`, () => {
    it('a unique violation is a 409, a value the database refuses a 400', async (t) => {
      const store = await openTestStore(dialect);
      if (!store) return t.skip('database unavailable');
      try {
        const refused = async (query: () => Promise<unknown>) => {
          try {
            await query();
          } catch (error) {
            return appErrorFromDatabase(error);
          }
          return undefined;
        };
        const org = {
          id: '0b6c8f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
          name: '某市医保局',
          name_en: null,
          credit_code: null,
          region: null,
          sector: null,
          contact_name: null,
          contact_phone_enc: null,
          version: 1,
          created_at: '2026-03-02T01:00:00Z',
          updated_at: '2026-03-02T01:00:00Z',
        };
        await store.db.insertInto('organisations').values(org).execute();
        const dup = await refused(() => store.db.insertInto('organisations').values(org).execute());
        assert.equal(dup?.status, 409);
        assert.match(dup!.message, /organisations/);
        if (dialect === 'postgres') {
          for (const query of [
            sql`select ${'a\u0000b'}::text`,
            sql`select ${2147483648}::integer`,
            sql`select ${'2025-02-30'}::date`,
          ]) {
            const err = await refused(() => query.execute(store.db));
            assert.equal(err?.status, 400, String(err));
          }
        }
        assert.equal(
          appErrorFromDatabase(new Error('disk full')),
          null,
          'a real fault stays a 500',
        );
      } finally {
        await store.close();
      }
    });
  });
}
