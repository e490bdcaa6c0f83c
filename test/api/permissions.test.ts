/**
 * The permission matrix, route by route. The route list comes from the app's own route table,
 * so a new route without an entry in ROUTE_FIXTURES fails this test: no route escapes.
 * For every org-scoped route: unauthenticated → 401; a member of another organisation → 404
 * (no existence leak); each role without the permission → 403; each role with it → 2xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { CLI_ACTOR } from '../../src/app/actor';
import { writeResultsCommand } from '../../src/app/assessment/commands';
import { createUser } from '../../src/app/identity';
import { findUserByUsername } from '../../src/store/repositories/accounts.repository';
import { mayGrant, mayMintToken, mayRevoke } from '../../src/shared/grants';
import type { Access } from '../../src/server/auth';
import { can, ROLES, type Role } from '../../src/shared/roles';
import { TEST_DIALECTS } from '../support';
import { ciiEvaluationRouteFixtures } from './cii-evaluation-fixtures';
import { ciiRouteFixtures } from './cii-fixtures';
import { privacyRegisterRouteFixtures } from './privacy-register-fixtures';
import { verificationRouteFixtures } from './verification-fixtures';
import { wordingRouteFixtures } from './wording-fixtures';
import { attachmentRouteFixtures, samplePng } from './attachment-samples';
import { documentTemplateRouteFixtures } from './document-template-fixtures';
import { pipiaRouteFixtures } from './pipia-fixtures';
import { dataRiskRouteFixtures } from './data-risk-fixtures';
import { dataDutiesRouteFixtures } from './data-duties-fixtures';
import { dataInventoryRouteFixtures } from './data-inventory-fixtures';
import { appCheckRouteFixtures } from './app-checks-fixtures';
import { incidentRouteFixtures } from './incidents-fixtures';
import { STRONG_PASSWORD, startHarness, type Client, type Harness } from './harness';

type Fixture = (who: Client) => Promise<InjectOptions>;

for (const dialect of TEST_DIALECTS) {
  describe(`permission matrix on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let outsider: Client;
    const clients = new Map<Role, Client>();
    let orgId: string;
    let systemId: string;
    let assessorId: string;
    let seq = 0;
    const unique = (p: string) => `${p}${++seq}`;

    const ownerJson = async (opts: InjectOptions) => {
      const res = await owner.inject(opts);
      assert.ok(
        res.statusCode < 300,
        `fixture ${opts.method ?? 'GET'} ${opts.url}: ${res.statusCode} ${res.body}`,
      );
      return res.statusCode === 204 ? null : res.json();
    };
    const newSystem = async () =>
      (
        await ownerJson({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name: unique('测试系统'), types: ['ordinary_system'], goLiveOn: '2025-01-01' },
        })
      ).id as string;
    const systemVersion = async (id: string) =>
      (await ownerJson({ url: `/api/organisations/${orgId}/systems/${id}` })).system
        .version as number;
    const newAccount = async () => {
      const username = unique('user');
      const user = await createUser(h!.ctx, CLI_ACTOR, {
        username,
        displayName: username,
        password: STRONG_PASSWORD,
        mustChangePassword: false,
      });
      return { username, id: user.id };
    };
    const newMember = async () => {
      const account = await newAccount();
      await ownerJson({
        method: 'POST',
        url: `/api/organisations/${orgId}/members`,
        payload: { username: account.username, role: 'viewer' },
      });
      return account.id;
    };
    const obligationKey = async () => {
      const list = await ownerJson({
        url: `/api/organisations/${orgId}/obligations?asOf=2026-03-02&systemId=${systemId}`,
      });
      return list.items[0].key as string;
    };
    const org = (path: string) => `/api/organisations/${orgId}${path}`;

    // --- level assessments: one shared assessment on the assigned system, fresh ones to delete.
    const gradeMain = async () => {
      const detail = await ownerJson({ url: org(`/systems/${systemId}`) });
      if (detail.system.level !== null) return;
      await ownerJson({
        method: 'POST',
        url: org(`/systems/${systemId}/gradings`),
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'general' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
          gradedOn: '2026-01-05',
          reason: '测评权限测试定级',
          version: detail.system.version,
        },
      });
    };
    const newAssessment = async () => {
      await gradeMain();
      return (
        await ownerJson({
          method: 'POST',
          url: org(`/systems/${systemId}/assessments`),
          payload: { title: unique('权限测试测评') },
        })
      ).id as string;
    };
    let mainAssessment: { id: string; server: string } | undefined;
    const main = async () => {
      if (!mainAssessment) {
        const id = await newAssessment();
        const server = (
          await ownerJson({
            method: 'POST',
            url: org(`/assessments/${id}/objects`),
            payload: { name: '数据库服务器', kind: 'server' },
          })
        ).id as string;
        mainAssessment = { id, server };
        // A finding to annotate and rectify (recorded by the CLI, so anyone may review it).
        await writeResultsCommand(h!.ctx, CLI_ACTOR, orgId, id, {
          rows: [
            {
              requirementId: '8.1.4.1-c',
              objectId: server,
              version: 0,
              result: 'non_compliant',
              record: '远程管理未加密',
            },
          ],
        });
        await ownerJson({ method: 'POST', url: org(`/assessments/${id}/rectifications`) });
      }
      return mainAssessment;
    };
    const am = async (path = '') => org(`/assessments/${(await main()).id}${path}`);
    const rowVersion = async (requirementId: string) => {
      const wb = await ownerJson({ url: await am('/workbook') });
      const { server } = await main();
      return wb.rows.find(
        (r: { requirementId: string; objectId: string }) =>
          r.requirementId === requirementId && r.objectId === server,
      ).version as number;
    };
    const rectification = async () => {
      const list = await ownerJson({
        url: org(`/rectifications?assessmentId=${(await main()).id}`),
      });
      return list.items[0] as { id: string; version: number };
    };
    const majorRisk = async () =>
      ownerJson({ method: 'POST', url: await am('/major-risks'), payload: { triggerId: 'A-19' } });
    // 整体测评: 8.1.4.1-c on the server partly made up for by its intrusion prevention (8.1.4.5-a).
    let compensatingResult = false;
    const compensationInput = async () => {
      const { id, server } = await main();
      if (!compensatingResult) {
        await writeResultsCommand(h!.ctx, CLI_ACTOR, orgId, id, {
          rows: [{ requirementId: '8.1.4.5-a', objectId: server, version: 0, result: 'compliant' }],
        });
        compensatingResult = true;
      }
      return {
        requirementId: '8.1.4.1-c',
        objectId: server,
        scope: 'control_point',
        compensatingRequirementId: '8.1.4.5-a',
        compensatingObjectId: server,
        adjustedResult: 'partial',
        reason: '入侵防范措施部分弥补',
      };
    };
    const compensation = async () =>
      ownerJson({
        method: 'POST',
        url: await am('/compensations'),
        payload: await compensationInput(),
      });
    const evidence = async () =>
      ownerJson({
        method: 'POST',
        url: await am(
          `/evidence?requirementId=8.1.4.1-c&objectId=${(await main()).server}&fileName=e.txt`,
        ),
        headers: { 'content-type': 'text/plain' },
        payload: '口令策略截图说明',
      });

    /** One valid request per org-scoped route (keyed `METHOD url-pattern`). */
    const ROUTE_FIXTURES: Record<string, Fixture> = {
      'GET /api/organisations/:orgId': async () => ({ url: org('') }),
      'PATCH /api/organisations/:orgId': async () => {
        const current = await ownerJson({ url: org('') });
        return {
          method: 'PATCH',
          url: org(''),
          payload: { version: current.version, region: unique('区域') },
        };
      },
      'GET /api/organisations/:orgId/members': async () => ({ url: org('/members') }),
      'POST /api/organisations/:orgId/members': async () => ({
        method: 'POST',
        url: org('/members'),
        payload: { username: (await newAccount()).username, role: 'viewer' },
      }),
      'PATCH /api/organisations/:orgId/members/:userId': async () => ({
        method: 'PATCH',
        url: org(`/members/${await newMember()}`),
        payload: { role: 'member', version: 1 },
      }),
      'DELETE /api/organisations/:orgId/members/:userId': async () => ({
        method: 'DELETE',
        url: org(`/members/${await newMember()}`),
      }),
      'POST /api/organisations/:orgId/members/:userId/unlock': async () => ({
        method: 'POST',
        url: org(`/members/${await newMember()}/unlock`),
      }),
      'PUT /api/organisations/:orgId/members/:userId/systems/:systemId': async () => ({
        method: 'PUT',
        url: org(`/members/${assessorId}/systems/${await newSystem()}`),
      }),
      'DELETE /api/organisations/:orgId/members/:userId/systems/:systemId': async () => {
        const sys = await newSystem();
        await ownerJson({ method: 'PUT', url: org(`/members/${assessorId}/systems/${sys}`) });
        return { method: 'DELETE', url: org(`/members/${assessorId}/systems/${sys}`) };
      },
      'GET /api/organisations/:orgId/tokens': async () => ({ url: org('/tokens') }),
      // Only roles the grant matrix lets create tokens get 2xx here (the matrix has its own test).
      'POST /api/organisations/:orgId/tokens': async () => ({
        method: 'POST',
        url: org('/tokens'),
        payload: { name: unique('集成'), role: 'viewer', expiresInDays: 30 },
      }),
      'DELETE /api/organisations/:orgId/tokens/:tokenId': async () => {
        const t = await ownerJson({
          method: 'POST',
          url: org('/tokens'),
          payload: { name: unique('令牌'), role: 'viewer', expiresInDays: 30 },
        });
        return { method: 'DELETE', url: org(`/tokens/${t.id}`) };
      },
      'GET /api/organisations/:orgId/systems': async () => ({ url: org('/systems') }),
      'POST /api/organisations/:orgId/systems': async () => ({
        method: 'POST',
        url: org('/systems'),
        payload: { name: unique('新系统'), types: ['ordinary_system'] },
      }),
      'GET /api/organisations/:orgId/systems/:systemId': async () => ({
        url: org(`/systems/${systemId}`),
      }),
      'PATCH /api/organisations/:orgId/systems/:systemId': async () => ({
        method: 'PATCH',
        url: org(`/systems/${systemId}`),
        payload: { version: await systemVersion(systemId), description: unique('说明') },
      }),
      'DELETE /api/organisations/:orgId/systems/:systemId': async () => ({
        method: 'DELETE',
        url: org(`/systems/${await newSystem()}`),
      }),
      'GET /api/organisations/:orgId/assessments': async () => ({ url: org('/assessments') }),
      'POST /api/organisations/:orgId/systems/:systemId/assessments': async () => {
        await gradeMain();
        return {
          method: 'POST',
          url: org(`/systems/${systemId}/assessments`),
          payload: { title: unique('测评') },
        };
      },
      'GET /api/organisations/:orgId/assessments/:assessmentId': async () => ({ url: await am() }),
      'PATCH /api/organisations/:orgId/assessments/:assessmentId': async () => ({
        method: 'PATCH',
        url: await am(),
        payload: {
          version: (await ownerJson({ url: await am() })).version,
          agency: unique('机构'),
        },
      }),
      'DELETE /api/organisations/:orgId/assessments/:assessmentId': async () => ({
        method: 'DELETE',
        url: org(`/assessments/${await newAssessment()}`),
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/objects': async () => ({
        method: 'POST',
        url: await am('/objects'),
        payload: { name: unique('对象'), kind: 'document' },
      }),
      'PATCH /api/organisations/:orgId/assessments/:assessmentId/objects/:objectId': async () => {
        const object = (await ownerJson({ url: await am() })).objects[0];
        return {
          method: 'PATCH',
          url: await am(`/objects/${object.id}`),
          payload: { version: object.version, description: unique('说明') },
        };
      },
      'DELETE /api/organisations/:orgId/assessments/:assessmentId/objects/:objectId': async () => {
        const object = await ownerJson({
          method: 'POST',
          url: await am('/objects'),
          payload: { name: unique('临时对象'), kind: 'personnel' },
        });
        return { method: 'DELETE', url: await am(`/objects/${object.id}`) };
      },
      'GET /api/organisations/:orgId/assessments/:assessmentId/workbook': async () => ({
        url: await am('/workbook'),
      }),
      'PUT /api/organisations/:orgId/assessments/:assessmentId/results/:requirementId/:objectId':
        async () => ({
          method: 'PUT',
          url: await am(`/results/8.1.4.1-a/${(await main()).server}`),
          payload: { result: 'compliant', version: await rowVersion('8.1.4.1-a') },
        }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/results': async () => ({
        method: 'POST',
        url: await am('/results'),
        payload: {
          rows: [
            {
              requirementId: '8.1.4.1-b',
              objectId: (await main()).server,
              version: await rowVersion('8.1.4.1-b'),
              result: 'compliant',
            },
          ],
        },
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/results/review': async () => {
        const { id, server } = await main();
        const current = await rowVersion('8.1.4.2-a');
        const [row] = await writeResultsCommand(h!.ctx, CLI_ACTOR, orgId, id, {
          rows: [
            { requirementId: '8.1.4.2-a', objectId: server, version: current, result: 'compliant' },
          ],
        });
        return {
          method: 'POST',
          url: await am('/results/review'),
          payload: {
            rows: [{ requirementId: '8.1.4.2-a', objectId: server, version: row!.version }],
          },
        };
      },
      'GET /api/organisations/:orgId/assessments/:assessmentId/evidence': async () => ({
        url: await am('/evidence'),
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/evidence': async () => ({
        method: 'POST',
        url: await am(
          `/evidence?requirementId=8.1.4.1-c&objectId=${(await main()).server}&fileName=a.txt`,
        ),
        headers: { 'content-type': 'text/plain' },
        payload: '证据',
      }),
      'GET /api/organisations/:orgId/assessments/:assessmentId/evidence/:evidenceId': async () => ({
        url: await am(`/evidence/${(await evidence()).id}`),
      }),
      'DELETE /api/organisations/:orgId/assessments/:assessmentId/evidence/:evidenceId':
        async () => ({
          method: 'DELETE',
          url: await am(`/evidence/${(await evidence()).id}`),
        }),
      'GET /api/organisations/:orgId/assessments/:assessmentId/export.xlsx': async () => ({
        url: await am('/export.xlsx'),
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/import': async () => {
        const exported = await owner.inject({ url: await am('/export.xlsx') });
        assert.equal(exported.statusCode, 200, exported.body);
        return {
          method: 'POST',
          url: await am('/import'),
          headers: {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
          payload: exported.rawPayload,
        };
      },
      'GET /api/organisations/:orgId/assessments/:assessmentId/findings': async () => ({
        url: await am('/findings'),
      }),
      'PUT /api/organisations/:orgId/assessments/:assessmentId/findings/:requirementId':
        async () => {
          const list = await ownerJson({ url: await am('/findings') });
          const finding = list.items.find(
            (f: { requirementId: string }) => f.requirementId === '8.1.4.1-c',
          );
          return {
            method: 'PUT',
            url: await am('/findings/8.1.4.1-c'),
            payload: { version: finding.version, risk: 'high', observations: [] },
          };
        },
      'GET /api/organisations/:orgId/assessments/:assessmentId/major-risks': async () => ({
        url: await am('/major-risks'),
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/major-risks': async () => ({
        method: 'POST',
        url: await am('/major-risks'),
        payload: { triggerId: 'A-18' },
      }),
      'PATCH /api/organisations/:orgId/assessments/:assessmentId/major-risks/:majorRiskId':
        async () => {
          const m = await majorRisk();
          return {
            method: 'PATCH',
            url: await am(`/major-risks/${m.id}`),
            payload: { version: m.version, rectified: true },
          };
        },
      'DELETE /api/organisations/:orgId/assessments/:assessmentId/major-risks/:majorRiskId':
        async () => ({ method: 'DELETE', url: await am(`/major-risks/${(await majorRisk()).id}`) }),
      'GET /api/organisations/:orgId/assessments/:assessmentId/compensations': async () => ({
        url: await am('/compensations'),
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/compensations': async () => ({
        method: 'POST',
        url: await am('/compensations'),
        payload: await compensationInput(),
      }),
      'PATCH /api/organisations/:orgId/assessments/:assessmentId/compensations/:compensationId':
        async () => {
          const c = await compensation();
          return {
            method: 'PATCH',
            url: await am(`/compensations/${c.id}`),
            payload: { version: c.version, reason: '入侵防范与边界访问控制共同弥补' },
          };
        },
      'DELETE /api/organisations/:orgId/assessments/:assessmentId/compensations/:compensationId':
        async () => ({
          method: 'DELETE',
          url: await am(`/compensations/${(await compensation()).id}`),
        }),
      'GET /api/organisations/:orgId/assessments/:assessmentId/previous-findings': async () => ({
        url: await am('/previous-findings'),
      }),
      'GET /api/organisations/:orgId/assessments/:assessmentId/score': async () => ({
        url: await am('/score'),
      }),
      'POST /api/organisations/:orgId/assessments/:assessmentId/rectifications': async () => ({
        method: 'POST',
        url: await am('/rectifications'),
      }),
      'GET /api/organisations/:orgId/rectifications': async () => ({ url: org('/rectifications') }),
      'PATCH /api/organisations/:orgId/rectifications/:rectificationId': async () => {
        const item = await rectification();
        return {
          method: 'PATCH',
          url: org(`/rectifications/${item.id}`),
          payload: { version: item.version, owner: unique('负责人') },
        };
      },
      'POST /api/organisations/:orgId/rectifications/:rectificationId/retest': async () => {
        const item = await rectification();
        return {
          method: 'POST',
          url: org(`/rectifications/${item.id}/retest`),
          payload: { version: item.version, retestResult: 'non_compliant' },
        };
      },
      'GET /api/organisations/:orgId/assessments/:assessmentId/rectification-plan': async () => ({
        url: await am('/rectification-plan'),
      }),
      'PUT /api/organisations/:orgId/assessments/:assessmentId/rectification-plan': async () => {
        const plan = await ownerJson({ url: await am('/rectification-plan') });
        return {
          method: 'PUT',
          url: await am('/rectification-plan'),
          payload: { version: plan.version, objectives: unique('整改目标') },
        };
      },
      'GET /api/organisations/:orgId/systems/:systemId/reports/:kind.:format': async () => {
        await gradeMain();
        return { url: org(`/systems/${systemId}/reports/grading.docx?lang=zh`) };
      },
      'GET /api/organisations/:orgId/assessments/:assessmentId/reports/:kind.:format':
        async () => ({ url: await am('/reports/assessment.pdf?lang=zh&asOf=2026-03-02') }),
      'GET /api/organisations/:orgId/reports/:kind.:format': async () => ({
        url: org('/reports/calendar.docx?lang=zh&asOf=2026-03-02'),
      }),
      'GET /api/organisations/:orgId/systems.xlsx': async () => ({ url: org('/systems.xlsx') }),
      'GET /api/organisations/:orgId/assessments/:assessmentId/findings.xlsx': async () => ({
        url: await am('/findings.xlsx'),
      }),
      'GET /api/organisations/:orgId/obligations.xlsx': async () => ({
        url: org('/obligations.xlsx?asOf=2026-03-02'),
      }),
      'GET /api/organisations/:orgId/assessment-dashboard': async () => ({
        url: org('/assessment-dashboard'),
      }),
      'GET /api/organisations/:orgId/systems/:systemId/baseline': async () => {
        // The baseline needs a level: grade the system (as the owner) first.
        await ownerJson({
          method: 'POST',
          url: org(`/systems/${systemId}/gradings`),
          payload: {
            businessInformation: [{ object: 'social_order_public_interest', degree: 'general' }],
            systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
            gradedOn: '2026-01-05',
            reason: '基线测试定级',
            version: await systemVersion(systemId),
          },
        });
        return { url: org(`/systems/${systemId}/baseline`) };
      },
      'POST /api/organisations/:orgId/systems/:systemId/gradings': async () => ({
        method: 'POST',
        url: org(`/systems/${systemId}/gradings`),
        payload: {
          businessInformation: [{ object: 'citizen_legal_person', degree: 'serious' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
          gradedOn: '2026-01-05',
          reason: '测试定级',
          version: await systemVersion(systemId),
        },
      }),
      'POST /api/organisations/:orgId/systems/:systemId/reviews': async () => ({
        method: 'POST',
        url: org(`/systems/${systemId}/reviews`),
        payload: {
          kind: 'expert_review',
          reviewedOn: '2026-01-10',
          reviewer: '专家组',
          agreedLevel: 2,
        },
      }),
      'POST /api/organisations/:orgId/systems/:systemId/filings': async () => ({
        method: 'POST',
        url: org(`/systems/${systemId}/filings`),
        payload: { filedOn: '2026-01-20', bureau: '某市公安局', level: 2 },
      }),
      'POST /api/organisations/:orgId/systems/:systemId/events': async () => ({
        method: 'POST',
        url: org(`/systems/${systemId}/events`),
        payload: { kind: 'mlps_assessment', completedOn: '2026-02-01' },
      }),
      'GET /api/organisations/:orgId/obligations': async () => ({
        url: org('/obligations?asOf=2026-03-02'),
      }),
      'PUT /api/organisations/:orgId/obligations/status': async () => ({
        method: 'PUT',
        url: org('/obligations/status'),
        payload: { key: await obligationKey(), status: 'done', note: '已完成', asOf: '2026-03-02' },
      }),
      'DELETE /api/organisations/:orgId/obligations/status': async () => {
        const key = await obligationKey();
        await ownerJson({
          method: 'PUT',
          url: org('/obligations/status'),
          payload: { key, status: 'done', asOf: '2026-03-02' },
        });
        return { method: 'DELETE', url: org(`/obligations/status?key=${encodeURIComponent(key)}`) };
      },
      'GET /api/organisations/:orgId/audit': async () => ({ url: org('/audit') }),
      'GET /api/organisations/:orgId/audit/verify': async () => ({ url: org('/audit/verify') }),
      // GB/T 39204 capability evaluations (routes listed in cii-evaluation-fixtures.ts).
      ...ciiEvaluationRouteFixtures({ harness: () => h!, org, ownerJson }),
      // CII model: core businesses, assets, flows, boundary (routes listed in cii-fixtures.ts).
      ...ciiRouteFixtures({ org, ownerJson }),
      // The processing register (privacy-register-fixtures.ts).
      ...privacyRegisterRouteFixtures({ org, ownerJson }),
      // Vulnerability scans and penetration tests (verification-fixtures.ts).
      ...verificationRouteFixtures({ am, ownerJson }),
      // The standard's wording per organisation (wording-fixtures.ts).
      ...wordingRouteFixtures({ org }),
      // Scans on records, the topology diagram and the dossier zip (attachment-samples.ts).
      ...attachmentRouteFixtures({
        org,
        systemId: () => systemId,
        gradeMain,
        ownerAttachment: async () =>
          (
            await ownerJson({
              method: 'POST',
              url: org(`/systems/${systemId}/attachments?recordKind=system&fileName=t.png`),
              headers: { 'content-type': 'image/png' },
              payload: samplePng(8, 8),
            })
          ).id as string,
      }),
      // The document template: block wording and logo (document-template-fixtures.ts).
      ...documentTemplateRouteFixtures({ org, ownerJson }),
      // Personal-information impact assessments (pipia-fixtures.ts).
      ...pipiaRouteFixtures({ harness: () => h!, org, ownerJson }),
      // Annual data-security risk assessments and their risks (data-risk-fixtures.ts).
      ...dataRiskRouteFixtures({ harness: () => h!, org, ownerJson }),
      // Data-security profile, provisions, duties and PI audits (data-duties-fixtures.ts).
      ...dataDutiesRouteFixtures({ org, ownerJson }),
      // The data inventory (data-inventory-fixtures.ts).
      ...dataInventoryRouteFixtures({ org, ownerJson }),
      // The incident register (incidents-fixtures.ts).
      ...incidentRouteFixtures({ org, ownerJson }),
      // App personal-information collection checks (app-checks-fixtures.ts).
      ...appCheckRouteFixtures({ org, ownerJson }),
    };

    /** Requests for the routes that are not organisation-scoped. */
    const OTHER_FIXTURES: Record<string, Fixture> = {
      'GET /api/health': async () => ({ url: '/api/health' }),
      'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
      'POST /api/session': async (who) => ({
        method: 'POST',
        url: '/api/session',
        payload: { username: who.username, password: STRONG_PASSWORD },
      }),
      'GET /api/session': async () => ({ url: '/api/session' }),
      'DELETE /api/session': async () => ({ method: 'DELETE', url: '/api/session' }),
      'POST /api/session/sign-out-everywhere': async () => ({
        method: 'POST',
        url: '/api/session/sign-out-everywhere',
      }),
      'PUT /api/session/password': async () => ({
        method: 'PUT',
        url: '/api/session/password',
        payload: { currentPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD },
      }),
      'GET /api/organisations': async () => ({ url: '/api/organisations' }),
      'POST /api/organisations': async () => ({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: unique('新单位') },
      }),
      'POST /api/grading/preview': async () => ({
        method: 'POST',
        url: '/api/grading/preview',
        payload: {
          businessInformation: [{ object: 'citizen_legal_person', degree: 'general' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
        },
      }),
      'GET /api/rules': async () => ({ url: '/api/rules' }),
      'GET /api/catalog': async () => ({ url: '/api/catalog' }),
      'GET /api/catalog/items': async () => ({ url: '/api/catalog/items?level=3' }),
      'GET /api/catalog/requirements/:requirementId': async () => ({
        url: '/api/catalog/requirements/8.1.4.1-a',
      }),
      'GET /api/catalog/requirements/:requirementId/guidance': async () => ({
        url: '/api/catalog/requirements/8.1.4.1-a/guidance',
      }),
      'GET /api/catalog/baseline': async () => ({ url: '/api/catalog/baseline?level=3' }),
      'GET /api/catalog/high-risk-cases': async () => ({ url: '/api/catalog/high-risk-cases' }),
      'GET /api/catalog/major-risk-triggers': async () => ({
        url: '/api/catalog/major-risk-triggers',
      }),
      'GET /api/catalog/filing-form-options': async () => ({
        url: '/api/catalog/filing-form-options',
      }),
      'GET /api/catalog/pi-categories': async () => ({ url: '/api/catalog/pi-categories' }),
      'GET /api/catalog/app-necessary-pi': async () => ({
        url: '/api/catalog/app-necessary-pi',
      }),
      'GET /api/catalog/data-classification': async () => ({
        url: '/api/catalog/data-classification',
      }),
      'GET /api/catalog/pipia-questionnaire': async () => ({
        url: '/api/catalog/pipia-questionnaire',
      }),
      'GET /api/catalog/penalties': async () => ({ url: '/api/catalog/penalties' }),
      'GET /api/catalog/ftz-negative-lists': async () => ({
        url: '/api/catalog/ftz-negative-lists',
      }),
      'GET /api/catalog/incident-grading': async () => ({
        url: '/api/catalog/incident-grading',
      }),
      'GET /api/audit': async () => ({ url: '/api/audit' }),
      'GET /api/audit/verify': async () => ({ url: '/api/audit/verify' }),
    };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('owner.admin', { admin: true });
      outsider = await h.user('outsider.admin', { admin: true });
      orgId = (
        await ownerJson({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).id;
      await outsider.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某城市商业银行' },
      });
      systemId = await newSystem();
      clients.set('owner', owner);
      for (const role of ROLES.filter((r) => r !== 'owner')) {
        const username = `role.${role}`;
        await createUser(h.ctx, CLI_ACTOR, {
          username,
          displayName: username,
          password: STRONG_PASSWORD,
          mustChangePassword: false,
        });
        await ownerJson({ method: 'POST', url: org('/members'), payload: { username, role } });
        clients.set(role, await h.signIn(username));
      }
      assessorId = clients.get('assessor')!.userId;
      await ownerJson({ method: 'PUT', url: org(`/members/${assessorId}/systems/${systemId}`) });
    });
    after(async () => h?.close());

    it('every route has an access rule and a fixture', (t) => {
      if (!h) return t.skip('database unavailable');
      const missing = h!.app.routeTable
        .map((r) => `${r.method} ${r.url}`)
        .filter((k) => !(k in ROUTE_FIXTURES) && !(k in OTHER_FIXTURES));
      assert.deepEqual(missing, [], 'add these routes to the permission matrix test');
      assert.ok(
        h!.app.routeTable.length >= 35,
        `route table has ${h!.app.routeTable.length} routes`,
      );
    });

    it('org routes: 401 / 404 / 403 / 2xx by role', async (t) => {
      if (!h) return t.skip('database unavailable');
      const routes = h!.app.routeTable.filter((r) => r.access?.kind === 'org');
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const fixture = ROUTE_FIXTURES[key];
        assert.ok(fixture, `no fixture for ${key}`);
        const permission = (route.access as Extract<Access, { kind: 'org' }>).permission;

        const anonymous: LightMyRequestResponse = await h!.app.inject(await fixture(owner));
        assert.equal(anonymous.statusCode, 401, `${key} without credentials`);
        assert.equal(anonymous.json().code, 'UNAUTHENTICATED');

        const foreign = await outsider.inject(await fixture(outsider));
        assert.equal(foreign.statusCode, 404, `${key} from another organisation: ${foreign.body}`);
        assert.equal(foreign.json().code, 'NOT_FOUND');

        for (const role of ROLES) {
          const client = clients.get(role)!;
          const res = await client.inject(await fixture(client));
          // Creating a token needs the grant matrix's leave as well as tokens.manage.
          const allowed =
            can(role, permission) &&
            (key !== 'POST /api/organisations/:orgId/tokens' || mayMintToken(role, 'viewer'));
          if (allowed) {
            assert.ok(
              res.statusCode >= 200 && res.statusCode < 300,
              `${key} as ${role}: ${res.statusCode} ${res.body}`,
            );
          } else {
            assert.equal(
              res.statusCode,
              403,
              `${key} as ${role} should be refused: ${res.statusCode} ${res.body}`,
            );
            assert.equal(res.json().code, 'FORBIDDEN');
          }
        }
      }
    });

    it('other routes: public, signed-in and platform-admin rules', async (t) => {
      if (!h) return t.skip('database unavailable');
      const throwaway = async () => h!.user(unique('tmp.'));
      for (const route of h!.app.routeTable.filter((r) => r.access?.kind !== 'org')) {
        const key = `${route.method} ${route.url}`;
        const fixture = OTHER_FIXTURES[key];
        assert.ok(fixture, `no fixture for ${key}`);
        const kind = route.access?.kind;
        const user = await throwaway();
        const anonymous: LightMyRequestResponse = await h!.app.inject(await fixture(user));
        if (kind === 'public') {
          assert.ok(anonymous.statusCode < 300, `${key} is public: ${anonymous.statusCode}`);
          continue;
        }
        assert.equal(anonymous.statusCode, 401, `${key} without credentials`);
        const asUser = await user.inject(await fixture(user));
        if (kind === 'platform_admin') {
          assert.equal(asUser.statusCode, 403, `${key} as a plain user`);
          const admin = await h!.user(unique('admin.'), { admin: true });
          const asAdmin = await admin.inject(await fixture(admin));
          assert.ok(
            asAdmin.statusCode < 300,
            `${key} as platform admin: ${asAdmin.statusCode} ${asAdmin.body}`,
          );
        } else {
          // PUT /session/password with the same password is a validation error, which still proves access.
          const ok =
            asUser.statusCode < 300 ||
            (key === 'PUT /api/session/password' && asUser.statusCode === 400);
          assert.ok(ok, `${key} as a signed-in user: ${asUser.statusCode} ${asUser.body}`);
        }
      }
    });

    it('an assessor sees only the systems assigned to them', async (t) => {
      if (!h) return t.skip('database unavailable');
      // A fresh assessor: the matrix above assigned more systems to the shared one.
      const account = await newAccount();
      await ownerJson({
        method: 'POST',
        url: org('/members'),
        payload: { username: account.username, role: 'assessor' },
      });
      await ownerJson({ method: 'PUT', url: org(`/members/${account.id}/systems/${systemId}`) });
      const assessor = await h!.signIn(account.username);
      const other = await newSystem();
      const list = (await assessor.inject({ url: org('/systems') })).json();
      assert.deepEqual(
        list.items.map((s: { id: string }) => s.id),
        [systemId],
      );
      assert.equal((await assessor.inject({ url: org(`/systems/${other}`) })).statusCode, 404);
      // Documents follow the same rule: a system's reports, and an assessment's of another system.
      assert.equal(
        (await assessor.inject({ url: org(`/systems/${other}/reports/grading.docx`) })).statusCode,
        404,
      );
      await ownerJson({
        method: 'POST',
        url: org(`/systems/${other}/gradings`),
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'general' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
          gradedOn: '2026-01-05',
          reason: '文档权限测试定级',
          version: await systemVersion(other),
        },
      });
      const foreignAssessment = await ownerJson({
        method: 'POST',
        url: org(`/systems/${other}/assessments`),
        payload: { title: unique('他系统测评') },
      });
      const hidden = await assessor.inject({
        url: org(`/assessments/${foreignAssessment.id}/reports/rectification.docx`),
      });
      assert.equal(hidden.statusCode, 404, hidden.body);
      const hiddenFindings = await assessor.inject({
        url: org(`/assessments/${foreignAssessment.id}/findings.xlsx`),
      });
      assert.equal(hiddenFindings.statusCode, 404, hiddenFindings.body);
      const obligations = (
        await assessor.inject({ url: org('/obligations?asOf=2026-03-02') })
      ).json();
      assert.ok(obligations.items.length > 0);
      assert.ok(obligations.items.every((o: { systemId: string }) => o.systemId === systemId));
    });

    it('a security administrator cannot make owners; the last owner stays', async (t) => {
      if (!h) return t.skip('database unavailable');
      const security = clients.get('security_admin')!;
      const target = await newMember();
      const grant = await security.inject({
        method: 'PATCH',
        url: org(`/members/${target}`),
        payload: { role: 'owner', version: 1 },
      });
      assert.equal(grant.statusCode, 403);
      const ownerToken = await security.inject({
        method: 'POST',
        url: org('/tokens'),
        payload: { name: 'x', role: 'owner', expiresInDays: 1 },
      });
      assert.equal(ownerToken.statusCode, 403);
      const leave = await owner.inject({ method: 'DELETE', url: org(`/members/${owner.userId}`) });
      assert.equal(leave.statusCode, 409);
      assert.equal(leave.json().code, 'CONFLICT');
    });

    it('a security administrator cannot reach the audit or system administrator’s duties', async (t) => {
      if (!h) return t.skip('database unavailable');
      const security = clients.get('security_admin')!;
      for (const role of ['system_admin', 'audit_admin', 'member', 'viewer', 'assessor']) {
        const res = await security.inject({
          method: 'POST',
          url: org('/tokens'),
          payload: { name: unique('越权'), role, expiresInDays: 1 },
        });
        assert.equal(res.statusCode, 403, `${role} token: ${res.body}`);
        assert.equal(res.json().details[0].path, 'role');
      }
      const members = (await ownerJson({ url: org('/members') })).items as {
        userId: string;
        role: Role;
        version: number;
      }[];
      const me = members.find((m) => m.userId === security.userId)!;
      const own = await security.inject({
        method: 'PATCH',
        url: org(`/members/${security.userId}`),
        payload: { role: 'audit_admin', version: me.version },
      });
      assert.equal(own.statusCode, 403, own.body);
      const auditor = members.find((m) => m.role === 'audit_admin')!;
      const demote = await security.inject({
        method: 'PATCH',
        url: org(`/members/${auditor.userId}`),
        payload: { role: 'viewer', version: auditor.version },
      });
      assert.equal(demote.statusCode, 403, demote.body);
      const remove = await security.inject({
        method: 'DELETE',
        url: org(`/members/${auditor.userId}`),
      });
      assert.equal(remove.statusCode, 403, remove.body);
      const username = unique('auditor.new');
      const create = await security.inject({
        method: 'POST',
        url: org('/members'),
        payload: {
          username,
          role: 'audit_admin',
          newAccount: { displayName: '新审计员', initialPassword: 'Chosen#ByMe-2026' },
        },
      });
      assert.equal(create.statusCode, 403, create.body);
      assert.equal(await findUserByUsername(h!.store.db, username), undefined, 'no account made');
      // Nothing changed, and the audit administrator sees every attempt.
      const after = (await ownerJson({ url: org('/members') })).items as typeof members;
      assert.equal(after.find((m) => m.userId === security.userId)!.role, 'security_admin');
      assert.equal(after.find((m) => m.userId === auditor.userId)!.role, 'audit_admin');
      const auditClient = clients.get('audit_admin')!;
      const refusals = (
        await auditClient.inject({ url: org('/audit?action=member.change_refused') })
      ).json();
      assert.ok(refusals.total >= 4, refusals.body);
      const tokenRefusals = (
        await auditClient.inject({ url: org('/audit?action=token.create_refused') })
      ).json();
      assert.ok(tokenRefusals.total >= 5);
    });

    it('the grant matrix, route by route: every role grants, revokes and mints tokens for every role as the matrix says', async (t) => {
      if (!h) return t.skip('database unavailable');
      const member = async (role: Role) => {
        const account = await newAccount();
        await ownerJson({
          method: 'POST',
          url: org('/members'),
          payload: { username: account.username, role },
        });
        return account.id;
      };
      const versionOf = async (userId: string) =>
        (
          (await ownerJson({ url: org('/members') })).items as { userId: string; version: number }[]
        ).find((m) => m.userId === userId)!.version;
      const expect = (res: LightMyRequestResponse, allowed: boolean, what: string) => {
        if (allowed) assert.ok(res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);
        else assert.equal(res.statusCode, 403, `${what} should be refused: ${res.body}`);
      };
      for (const actor of ROLES) {
        const client = clients.get(actor)!;
        for (const target of ROLES) {
          const what = (op: string) => `${actor} ${op} ${target}`;
          // Add an existing account in the role.
          const existing = await newAccount();
          expect(
            await client.inject({
              method: 'POST',
              url: org('/members'),
              payload: { username: existing.username, role: target },
            }),
            mayGrant(actor, target),
            what('adds'),
          );
          // Create a new account in the role, with a password the actor chooses.
          const fresh = unique('fresh.');
          expect(
            await client.inject({
              method: 'POST',
              url: org('/members'),
              payload: {
                username: fresh,
                role: target,
                newAccount: { displayName: fresh, initialPassword: 'Chosen#ByActor-2026' },
              },
            }),
            mayGrant(actor, target),
            what('creates an account as'),
          );
          if (!mayGrant(actor, target))
            assert.equal(await findUserByUsername(h!.store.db, fresh), undefined);
          // Change a viewer to the role.
          const viewer = await member('viewer');
          expect(
            await client.inject({
              method: 'PATCH',
              url: org(`/members/${viewer}`),
              payload: { role: target, version: 1 },
            }),
            mayRevoke(actor, 'viewer') && mayGrant(actor, target),
            what('changes a viewer to'),
          );
          // Take the role away: to viewer, and by removal.
          const holder = await member(target);
          expect(
            await client.inject({
              method: 'PATCH',
              url: org(`/members/${holder}`),
              payload: { role: 'viewer', version: await versionOf(holder) },
            }),
            mayRevoke(actor, target) && mayGrant(actor, 'viewer'),
            what('changes to viewer a'),
          );
          const other = await member(target);
          expect(
            await client.inject({ method: 'DELETE', url: org(`/members/${other}`) }),
            mayRevoke(actor, target),
            what('removes a'),
          );
          // Tokens: create one of the role; revoke one the owner made.
          expect(
            await client.inject({
              method: 'POST',
              url: org('/tokens'),
              payload: { name: unique('令牌'), role: target, expiresInDays: 7 },
            }),
            mayMintToken(actor, target),
            what('mints a token for'),
          );
          const made = await ownerJson({
            method: 'POST',
            url: org('/tokens'),
            payload: { name: unique('令牌'), role: target, expiresInDays: 7 },
          });
          expect(
            await client.inject({ method: 'DELETE', url: org(`/tokens/${made.id}`) }),
            actor === 'owner' || (can(actor, 'tokens.manage') && mayRevoke(actor, target)),
            what('revokes a token of'),
          );
          // Nobody changes their own role, to anything.
          const mine = await client.inject({
            method: 'PATCH',
            url: org(`/members/${client.userId}`),
            payload: { role: target, version: await versionOf(client.userId) },
          });
          assert.equal(
            mine.statusCode,
            403,
            `${actor} changes own role to ${target}: ${mine.body}`,
          );
        }
      }
    });
  });
}
