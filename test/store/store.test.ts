import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { listObligations } from '../../src/app/obligations';
import { CLI_ACTOR } from '../../src/app/actor';
import { recordGradingCommand } from '../../src/app/systems/commands';
import { exportSystems, importSystems } from '../../src/app/systems/file';
import { AppError } from '../../src/errors';
import { SystemsFileSchema } from '../../src/shared/schemas';
import { openStore, storeOptionsFromEnv, type Store } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrations';
import { createOrganisation } from '../../src/store/repositories/organisations.repository';
import {
  createSystem,
  getSystem,
  updateSystem,
} from '../../src/store/repositories/systems.repository';
import { openTestStore, TEST_DIALECTS, testContext } from '../support';

const fixture = SystemsFileSchema.parse(parse(readFileSync('test/fixtures/systems.yaml', 'utf8')));
const NOW = '2026-03-02T01:00:00.000Z';
const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

for (const dialect of TEST_DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());
    const skip = () => store === null;

    it('migrates idempotently and round-trips Chinese text', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const s = store as Store;
      assert.deepEqual(await migrateToLatest(s.db), []);
      const org = await createOrganisation(
        s.db,
        { name: '某省大数据管理局', region: '浙江省' },
        NOW,
      );
      const sys = await createSystem(
        s.db,
        org.id,
        {
          name: '省级政务云平台（一期）',
          types: ['cloud_platform'],
          description: '承载全省政务应用，含“一网通办”',
        },
        NOW,
      );
      const back = await getSystem(s.db, org.id, sys.id);
      assert.equal(back.name, '省级政务云平台（一期）');
      assert.equal(back.description, '承载全省政务应用，含“一网通办”');
      assert.deepEqual(JSON.parse(back.types), ['cloud_platform']);
    });

    it(
      'never lets a stale version overwrite, and a failed grading writes nothing',
      { skip: skip() },
      async () => {
        const s = store as Store;
        const org = await createOrganisation(s.db, { name: '某城市商业银行' }, NOW);
        const sys = await createSystem(
          s.db,
          org.id,
          { name: '网上银行系统', types: ['ordinary_system'], goLiveOn: '2020-01-01' },
          NOW,
        );
        // Two editors read version 1; both write concurrently: exactly one wins.
        const results = await Promise.allSettled([
          updateSystem(s.db, org.id, sys.id, { version: 1, description: '甲' }, NOW),
          updateSystem(s.db, org.id, sys.id, { version: 1, description: '乙' }, NOW),
        ]);
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        assert.ok(isCode('VERSION_CONFLICT')(rejected.reason));
        const grading = {
          businessInformation: [
            { object: 'social_order_public_interest' as const, degree: 'serious' as const },
          ],
          systemService: [{ object: 'citizen_legal_person' as const, degree: 'general' as const }],
          gradedOn: '2026-01-05',
          reason: '网银中断影响客户资金业务',
        };
        await assert.rejects(
          recordGradingCommand(testContext(s), CLI_ACTOR, org.id, sys.id, {
            ...grading,
            version: 1,
          }),
          isCode('VERSION_CONFLICT'),
        );
        assert.equal(
          (await s.db.selectFrom('gradings').select('id').where('system_id', '=', sys.id).execute())
            .length,
          0,
        );
        assert.equal((await getSystem(s.db, org.id, sys.id)).level, null);
        await recordGradingCommand(testContext(s), CLI_ACTOR, org.id, sys.id, {
          ...grading,
          version: 2,
        });
        const graded = await getSystem(s.db, org.id, sys.id);
        assert.equal(graded.level, 3);
        assert.equal(graded.version, 3);
      },
    );

    it('imports all or nothing and exports what it imported', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const s = store as Store;
      const ctx = testContext(s);
      const org = await createOrganisation(s.db, { name: '某市第一人民医院' }, NOW);
      await createSystem(s.db, org.id, { name: '公司官网', types: ['ordinary_system'] }, NOW);
      await assert.rejects(
        importSystems(ctx, CLI_ACTOR, org.id, fixture),
        (e: unknown) =>
          isCode('VALIDATION_FAILED')(e) && (e as AppError).details[0]?.path === 'systems[3].name',
      );
      assert.equal(
        (
          await s.db
            .selectFrom('systems')
            .select('id')
            .where('organisation_id', '=', org.id)
            .execute()
        ).length,
        1,
      );

      const clean = await createOrganisation(s.db, { name: '某市第二人民医院' }, NOW);
      assert.deepEqual(await importSystems(ctx, CLI_ACTOR, clean.id, fixture), { created: 4 });
      const exported = await exportSystems(ctx, clean.id);
      assert.deepEqual(
        exported.systems.map((x) => x.name).sort(),
        fixture.systems.map((x) => x.name).sort(),
      );
      const bank = exported.systems.find((x) => x.name === '核心银行系统');
      assert.equal(bank?.grading?.gradedOn, '2022-07-15');
      assert.deepEqual(SystemsFileSchema.parse(exported).systems.length, 4);

      const obligations = await listObligations(ctx, clean.id, '2026-03-02');
      const his = obligations.items.filter((o) => o.systemName === '医院信息系统（HIS）');
      assert.equal(his.find((o) => o.ruleId === 'mlps.filing')?.state, 'satisfied');
      assert.equal(
        his.find((o) => o.ruleId === 'mlps.periodic-assessment.2025')?.dueDate,
        '2026-06-20',
      );
    });

    it('removes a system’s records with it', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const s = store as Store;
      const org = await createOrganisation(s.db, { name: '某燃气集团' }, NOW);
      await importSystems(testContext(s), CLI_ACTOR, org.id, {
        format: 'dengbao.systems.v1',
        systems: [fixture.systems[0]!],
      });
      const sys = await s.db
        .selectFrom('systems')
        .select('id')
        .where('organisation_id', '=', org.id)
        .executeTakeFirstOrThrow();
      await s.db.deleteFrom('systems').where('id', '=', sys.id).execute();
      for (const t of ['gradings', 'reviews', 'filings', 'system_events'] as const) {
        assert.equal(
          (await s.db.selectFrom(t).select('id').where('system_id', '=', sys.id).execute()).length,
          0,
          t,
        );
      }
    });
  });
}

describe('default store location', () => {
  it('is a WAL SQLite file under DENGBAO_DATA_DIR', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-store-'));
    try {
      const options = storeOptionsFromEnv({ DENGBAO_DATA_DIR: dir });
      assert.deepEqual(options, { kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
      const store = await openStore(options);
      await createOrganisation(store.db, { name: '测试单位' }, NOW);
      await store.close();
      assert.ok(existsSync(path.join(dir, 'dengbao.sqlite')));
      assert.deepEqual(storeOptionsFromEnv({ DATABASE_URL: 'postgres://x@h/db' }), {
        kind: 'postgres',
        url: 'postgres://x@h/db',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
