import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestStore, TEST_DIALECTS } from '../../test/support';
import { createOrganisation } from '../store/repositories/organisations.repository';
import { organisationRevision, RevisionCache } from './revision-cache';

for (const dialect of TEST_DIALECTS) {
  describe(`organisation revisions (${dialect})`, () => {
    it('every change to a system or filing bumps the revision; the cache recomputes then only', async (t) => {
      const store = await openTestStore(dialect);
      if (!store) return t.skip('database unavailable');
      try {
        const now = '2026-12-07T08:00:00.000Z';
        const org = await createOrganisation(store.db, { name: '某市第一人民医院' }, now);
        const other = await createOrganisation(store.db, { name: '某城市商业银行' }, now);
        assert.equal(await organisationRevision(store, org.id), 0);
        const system = {
          id: crypto.randomUUID(),
          organisation_id: org.id,
          name: '医院信息系统（HIS）',
          description: null,
          types: '["ordinary_system"]',
          go_live_on: null,
          is_cii: 0,
          cii_designated_on: null,
          is_national_egov: 0,
          has_competent_authority: 0,
          competent_authority: null,
          responsible_department: null,
          host_system_id: null,
          cii_security_organisation_on: null,
          level: null,
          graded_on: null,
          version: 1,
          created_at: now,
          updated_at: now,
        };
        await store.db.insertInto('systems').values(system).execute();
        const afterInsert = await organisationRevision(store, org.id);
        assert.ok(afterInsert > 0);
        assert.equal(
          await organisationRevision(store, other.id),
          0,
          'other organisation untouched',
        );

        const cache = new RevisionCache<number>();
        let computed = 0;
        const count = () =>
          cache.get(store, org.id, 'count', async () => {
            computed++;
            const r = await store.db
              .selectFrom('systems')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('organisation_id', '=', org.id)
              .executeTakeFirstOrThrow();
            return Number(r.n);
          });
        assert.equal(await count(), 1);
        assert.equal(await count(), 1);
        assert.equal(computed, 1, 'served from the cache while nothing changed');

        await store.db
          .updateTable('systems')
          .set({ level: 3, graded_on: '2026-12-01' })
          .where('id', '=', system.id)
          .execute();
        assert.ok((await organisationRevision(store, org.id)) > afterInsert);
        await store.db
          .insertInto('systems')
          .values({ ...system, id: crypto.randomUUID(), name: '互联网医院平台' })
          .execute();
        assert.equal(await count(), 2);
        assert.equal(computed, 2);

        await store.db.deleteFrom('systems').where('id', '=', system.id).execute();
        assert.equal(await count(), 1, 'a delete is seen too');
        assert.equal(computed, 3);
      } finally {
        await store.close();
      }
    });
  });
}
