/**
 * One access path: the app layer's queries and commands take the caller's access scope and
 * filter in SQL. An assessor assigned to one of a hospital's two systems sees that system, its
 * assessment and its rectification items only — through the app layer itself, on a real
 * database (SQLite and PostgreSQL), without a route in between.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fullAccessScope, resolveAccessScope, type AccessScope } from '../../src/app/access';
import {
  addTestObjectCommand,
  createAssessmentCommand,
  updateAssessmentCommand,
  writeResultsCommand,
} from '../../src/app/assessment/commands';
import {
  assessmentQuery,
  assessmentsQuery,
  dashboardQuery,
  findingsQuery,
  workbookQuery,
  workbookRevisionQuery,
} from '../../src/app/assessment/queries';
import {
  generateRectificationsCommand,
  rectificationQuery,
  rectificationsQuery,
} from '../../src/app/assessment/rectification';
import type { AppContext } from '../../src/app/context';
import type { Principal } from '../../src/app/identity';
import { addMemberCommand, setAssignmentCommand } from '../../src/app/members/commands';
import { createSystemCommand, recordGradingCommand } from '../../src/app/systems/commands';
import { getSystemDetail } from '../../src/app/systems/detail';
import { systemsQuery } from '../../src/app/systems/queries';
import { NotFoundError } from '../../src/errors';
import type { Store } from '../../src/store/database';
import { createHospitalAssessment, type AssessmentFixture } from '../fixtures/assessment-fixture';
import { openTestStore, TEST_DIALECTS, testContext } from '../support';

const TODAY = '2026-03-02';
const isNotFound = (error: unknown) => error instanceof NotFoundError;

for (const dialect of TEST_DIALECTS) {
  describe(`access scope in the app layer on ${dialect}`, () => {
    let store: Store | null;
    let ctx: AppContext;
    let his: AssessmentFixture;
    let pacsId: string;
    let pacsAssessmentId: string;
    let assessor: AccessScope;
    let owner: AccessScope;

    before(async () => {
      store = await openTestStore(dialect);
      if (!store) return;
      ctx = testContext(store, TODAY);
      // System A: the hospital's HIS with its assessment (fixture). System B: the PACS.
      his = await createHospitalAssessment(ctx);
      const org = his.organisationId;
      const pacs = await createSystemCommand(ctx, his.actor, org, {
        name: '医学影像系统（PACS）',
        types: ['ordinary_system'],
        description: '放射科影像采集、存储与调阅',
        goLiveOn: '2018-05-01',
      });
      pacsId = pacs.id;
      await recordGradingCommand(ctx, his.actor, org, pacsId, {
        businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
        systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
        gradedOn: '2025-11-10',
        reason: '影像数据含患者个人信息，服务中断影响诊疗',
        version: pacs.version,
      });
      const assessment = await createAssessmentCommand(ctx, his.actor, org, pacsId, {
        title: '2026年度医学影像系统（PACS）等级测评',
      });
      pacsAssessmentId = assessment.id;
      await addTestObjectCommand(ctx, his.actor, org, pacsAssessmentId, {
        name: 'PACS影像服务器',
        kind: 'server',
      });
      // One finding (every object answering 8.1.4.1-c fails it), and its rectification item,
      // in each assessment.
      for (const assessmentId of [his.assessmentId, pacsAssessmentId]) {
        const { rows } = await workbookQuery(ctx, org, assessmentId);
        await writeResultsCommand(ctx, his.actor, org, assessmentId, {
          rows: rows
            .filter((r) => r.requirementId === '8.1.4.1-c')
            .map((r) => ({
              requirementId: r.requirementId,
              objectId: r.objectId,
              version: 0,
              result: 'non_compliant' as const,
              record: '未启用双因素鉴别',
              reason: '仅使用口令登录',
            })),
        });
        await generateRectificationsCommand(ctx, his.actor, org, assessmentId);
      }
      // An assessor (测评人员) assigned to the HIS only.
      const member = await addMemberCommand(ctx, his.actor, 'owner', org, {
        username: 'li.ping',
        role: 'assessor',
        newAccount: { displayName: '李平（测评师）', initialPassword: 'Ce-ping#2026!xyz' },
      });
      await setAssignmentCommand(ctx, his.actor, org, member.user_id, his.systemId, true);
      const principal: Principal = {
        kind: 'user',
        userId: member.user_id,
        username: 'li.ping',
        displayName: '李平（测评师）',
        isPlatformAdmin: false,
        sessionIdHash: 'not-a-session',
        csrfToken: 'not-a-token',
        passwordChangeRequired: false,
      };
      assessor = (await resolveAccessScope(ctx, principal, org))!;
      owner = fullAccessScope(org);
    });
    after(async () => store?.close());

    it('builds the assessor scope from the membership and the assignment', (t) => {
      if (!store) return t.skip('database unavailable');
      assert.equal(assessor.role, 'assessor');
      assert.deepEqual(assessor.assignedSystemIds, [his.systemId]);
    });

    it('lists only the assigned system and its assessment', async (t) => {
      if (!store) return t.skip('database unavailable');
      const mine = await systemsQuery(ctx, assessor, { limit: 50, offset: 0 });
      assert.deepEqual(
        mine.items.map((s) => s.name),
        ['医院信息系统（HIS）'],
      );
      assert.equal(mine.total, 1);
      assert.equal((await systemsQuery(ctx, owner, { limit: 50, offset: 0 })).total, 2);

      const assessments = await assessmentsQuery(ctx, assessor);
      assert.deepEqual(
        assessments.items.map((a) => a.id),
        [his.assessmentId],
      );
      assert.equal((await assessmentsQuery(ctx, owner)).total, 2);
      // Asking for the other system by filter yields nothing, not its assessment.
      assert.equal((await assessmentsQuery(ctx, assessor, { systemId: pacsId })).total, 0);
    });

    it('answers NOT_FOUND for the other system, its assessment and its items', async (t) => {
      if (!store) return t.skip('database unavailable');
      await assert.rejects(getSystemDetail(ctx, assessor, pacsId), isNotFound);
      await assert.rejects(assessmentQuery(ctx, assessor, pacsAssessmentId), isNotFound);
      await assert.rejects(workbookRevisionQuery(ctx, assessor, pacsAssessmentId), isNotFound);
      await assert.rejects(findingsQuery(ctx, assessor, pacsAssessmentId), isNotFound);
      await assert.rejects(
        rectificationsQuery(ctx, assessor, { assessmentId: pacsAssessmentId }, TODAY),
        isNotFound,
      );
      const all = await rectificationsQuery(ctx, owner, {}, TODAY);
      const pacsItem = all.find((r) => r.systemId === pacsId)!;
      assert.ok(pacsItem, 'the PACS has a rectification item');
      await assert.rejects(rectificationQuery(ctx, assessor, pacsItem.id, TODAY), isNotFound);
      // The assigned system's assessment is there.
      assert.equal(
        (await assessmentQuery(ctx, assessor, his.assessmentId)).systemName,
        '医院信息系统（HIS）',
      );
    });

    it('filters rectification items and the dashboard to the assigned system', async (t) => {
      if (!store) return t.skip('database unavailable');
      const mine = await rectificationsQuery(ctx, assessor, {}, TODAY);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.systemId, his.systemId);
      assert.equal((await rectificationsQuery(ctx, owner, {}, TODAY)).length, 2);
      const dashboard = await dashboardQuery(ctx, assessor, TODAY);
      assert.deepEqual(
        dashboard.systems.map((s) => s.systemId),
        [his.systemId],
      );
    });

    it('refuses a command on the other system’s assessment and changes nothing', async (t) => {
      if (!store) return t.skip('database unavailable');
      const before = await assessmentQuery(ctx, owner, pacsAssessmentId);
      await assert.rejects(
        updateAssessmentCommand(ctx, his.actor, assessor, pacsAssessmentId, {
          version: before.version,
          agency: '不应写入',
        }),
        isNotFound,
      );
      const afterwards = await assessmentQuery(ctx, owner, pacsAssessmentId);
      assert.equal(afterwards.version, before.version);
      assert.equal(afterwards.agency, before.agency);
    });

    it('gives an assessor API token (no assigned systems) nothing', async (t) => {
      if (!store) return t.skip('database unavailable');
      const token = (await resolveAccessScope(
        ctx,
        {
          kind: 'token',
          tokenId: 'tok',
          name: 'ci',
          organisationId: his.organisationId,
          role: 'assessor',
          createdBy: null,
        },
        his.organisationId,
      ))!;
      assert.deepEqual(token.assignedSystemIds, []);
      assert.equal((await systemsQuery(ctx, token, { limit: 50, offset: 0 })).total, 0);
      assert.equal((await assessmentsQuery(ctx, token)).total, 0);
      assert.deepEqual(await rectificationsQuery(ctx, token, {}, TODAY), []);
      // A token of another organisation has no scope there at all.
      assert.equal(
        await resolveAccessScope(
          ctx,
          {
            kind: 'token',
            tokenId: 'tok',
            name: 'ci',
            organisationId: his.organisationId,
            role: 'owner',
            createdBy: null,
          },
          pacsId,
        ),
        null,
      );
    });
  });
}
