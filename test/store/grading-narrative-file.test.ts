/**
 * The systems file (CLI `systems import` / `export`) carries the grading's narrative: its schema
 * refuses an unargued judgement with the path in the file, the import refuses an unknown sector
 * guide, and an export gives back what was imported.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../src/app/actor';
import { exportSystems, importSystems } from '../../src/app/systems/file';
import { ValidationError } from '../../src/errors';
import { SystemsFileSchema } from '../../src/shared/schemas';
import type { Store } from '../../src/store/database';
import { createOrganisation } from '../../src/store/repositories/organisations.repository';
import { openTestStore, testContext, TEST_DIALECTS } from '../support';

const NARRATIVE = {
  businessDescription: '门诊与住院诊疗数据、患者个人信息。',
  serviceDescription: '全院 7×24 小时诊疗服务。',
  boundaryDescription: null,
  harmArguments: [
    {
      dimension: 'businessInformation',
      object: 'social_order_public_interest',
      degree: 'serious',
      argument: '大量诊疗信息泄露严重影响区域医疗秩序。',
    },
    {
      dimension: 'systemService',
      object: 'citizen_legal_person',
      degree: 'serious',
      argument: '服务中断使患者无法就诊。',
    },
  ],
  sectorGuidance: [{ guideId: 'health-tertiary-hospital-core', applies: true }],
};

const file = (narrative: unknown) => ({
  format: 'dengbao.systems.v1',
  systems: [
    {
      name: '医院信息系统（HIS）',
      types: ['ordinary_system'],
      grading: {
        businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
        systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
        gradedOn: '2026-01-05',
        reason: '首次定级',
        narrative,
      },
    },
  ],
});

for (const dialect of TEST_DIALECTS) {
  describe(`systems file with a grading narrative on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => {
      await store?.close();
    });

    it('refuses an unargued judgement with its path in the file', () => {
      const parsed = SystemsFileSchema.safeParse(
        file({ ...NARRATIVE, harmArguments: [NARRATIVE.harmArguments[0]] }),
      );
      assert.equal(parsed.success, false);
      assert.ok(
        parsed.error?.issues.some(
          (i) => i.path.join('.') === 'systems.0.grading.narrative.harmArguments',
        ),
        JSON.stringify(parsed.error?.issues),
      );
    });

    it('imports and exports the narrative; refuses an unknown guide', async (t) => {
      if (!store) return t.skip('database unavailable');
      const ctx = testContext(store);
      const org = await createOrganisation(
        store.db,
        { name: '某市第一人民医院' },
        '2026-01-01T00:00:00Z',
      );
      await assert.rejects(
        importSystems(
          ctx,
          CLI_ACTOR,
          org.id,
          SystemsFileSchema.parse(
            file({ ...NARRATIVE, sectorGuidance: [{ guideId: 'no-such-guide', applies: true }] }),
          ),
        ),
        (error: unknown) =>
          error instanceof ValidationError &&
          error.details.some(
            (d) => d.path === 'systems[0].grading.narrative.sectorGuidance[0].guideId',
          ),
      );
      await importSystems(ctx, CLI_ACTOR, org.id, SystemsFileSchema.parse(file(NARRATIVE)));
      const exported = await exportSystems(ctx, org.id);
      assert.deepEqual(exported.systems[0]?.grading?.narrative, NARRATIVE);
    });
  });
}
