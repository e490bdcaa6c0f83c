import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogBaseline,
  catalogSummary,
  highRiskCaseList,
  listCatalogItems,
  majorRiskTriggerList,
  requirementDetail,
} from '../../app/catalog-queries';
import type { AppContext } from '../../app/context';
import { systemBaseline } from '../../app/systems/baseline';
import { dataClassificationForClients } from '../../catalogs/data-classification';
import { FILING_FORM_OPTIONS } from '../../catalogs/filing-form';
import { shippedFtzCatalog } from '../../catalogs/ftz-negative-lists';
import { shippedIncidentGrading } from '../../catalogs/incident-grading';
import { REPORTING_ROWS } from '../../domain/data-security/incidents';
import { shippedPenaltyCatalog } from '../../catalogs/penalties';
import { piCategoriesForClients } from '../../catalogs/pi-categories';
import { appNecessaryPiForClients } from '../../catalogs/app-necessary-pi';
import {
  questionnaireWithSections,
  shippedPipiaQuestionnaire,
} from '../../catalogs/pipia-questionnaire';
import { EXTENSIONS, REQUIREMENT_CATEGORIES } from '../../catalogs/mlps-catalog.schema';
import { testGuidanceFor } from '../../catalogs/test-guidance';
import { NotFoundError } from '../../errors';
import { scopeOf } from '../auth';
import { SystemParams } from './params';

/** `cloud,mobile` → ['cloud', 'mobile']; each must be a known extension. */
const ExtensionList = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(
    z.array(
      z.enum(EXTENSIONS, {
        message: `each extension must be one of ${EXTENSIONS.join(', ')} (comma-separated)`,
      }),
    ),
  );

const Level = z.coerce
  .number()
  .int()
  .refine((n) => n >= 1 && n <= 4, 'level must be 1, 2, 3 or 4 (GB/T 22239 has no level-5 text)');

const ItemsQuery = z.object({
  level: Level.default(3),
  extension: ExtensionList.optional(),
  category: z.enum(REQUIREMENT_CATEGORIES).optional(),
  q: z.string().max(200, 'search text is limited to 200 characters').optional(),
});

const BaselineQuery = z.object({
  level: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1 && n <= 5, 'level must be 1 to 5'),
  extension: ExtensionList.optional(),
  cloudRole: z.enum(['provider', 'tenant']).optional(),
});

const RequirementParams = z.object({
  requirementId: z
    .string()
    .regex(/^(?:\d+|[A-H])(?:\.\d+)+-[a-z]$/, 'must be a requirement id such as 8.1.4.1-a'),
});

/** The GB/T 22239-2019 catalog: public knowledge, so any signed-in user may read it. */
export const catalogRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['catalog'];
    const signedIn = { access: { kind: 'signed_in' } } as const;

    app.get(
      '/catalog',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'GB/T 22239-2019 catalog: counts per level, extension and category',
        },
      },
      async () => catalogSummary(ctx.catalog),
    );

    app.get(
      '/catalog/items',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Requirement items of one level, filtered by extension/category and searched (zh/en)',
          querystring: ItemsQuery,
        },
      },
      async (req) => {
        const items = listCatalogItems(ctx.catalog, {
          level: req.query.level as 1 | 2 | 3 | 4,
          extensions: req.query.extension,
          category: req.query.category,
          query: req.query.q,
        });
        return { items, total: items.length };
      },
    );

    app.get(
      '/catalog/requirements/:requirementId',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'One requirement: every level, high-risk cases, major-risk triggers, crosswalks',
          params: RequirementParams,
        },
      },
      async (req) => {
        const detail = requirementDetail(ctx.catalog, req.params.requirementId);
        if (detail === undefined) throw new NotFoundError('requirement', req.params.requirementId);
        return detail;
      },
    );

    app.get(
      '/catalog/requirements/:requirementId/guidance',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Level-3 test guidance (测评作业指导) of one requirement: GB/T 28448 test id, steps, expected result, judgement; null where none',
          params: RequirementParams,
        },
      },
      async (req) => {
        const id = req.params.requirementId;
        if (!ctx.catalog.requirementById.has(id)) throw new NotFoundError('requirement', id);
        return { requirementId: id, guidance: testGuidanceFor(id) ?? null };
      },
    );

    app.get(
      '/catalog/baseline',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'The requirement set for a level and extensions (general is always included)',
          querystring: BaselineQuery,
        },
      },
      async (req) =>
        catalogBaseline(
          ctx.catalog,
          req.query.level as 1 | 2 | 3 | 4 | 5,
          req.query.extension ?? [],
          req.query.cloudRole,
        ),
    );

    app.get(
      '/catalog/high-risk-cases',
      {
        config: signedIn,
        schema: { tags, summary: 'The high-risk judgement guide (高风险判定实施指引), every case' },
      },
      async () => {
        const items = highRiskCaseList(ctx.catalog);
        return { items, total: items.length };
      },
    );

    app.get(
      '/catalog/major-risk-triggers',
      {
        config: signedIn,
        schema: { tags, summary: 'Major-risk triggers (重大风险隐患) of the 2025 report template' },
      },
      async () => {
        const items = majorRiskTriggerList(ctx.catalog);
        return { items, total: items.length };
      },
    );

    app.get(
      '/catalog/filing-form-options',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'The filing form’s option lists (隶属关系, 单位类型, 行业类别, 业务类型 …) with their codes, status and public sources',
        },
      },
      async () => FILING_FORM_OPTIONS,
    );

    app.get(
      '/catalog/pi-categories',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Data categories of the sensitive-information classifier (敏感个人信息分类): PIPL Art. 28 class, GB/T 35273-2020 Annex B flag, citations',
        },
      },
      async () => piCategoriesForClients(),
    );

    app.get(
      '/catalog/app-necessary-pi',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Necessary personal information of the 39 common app types (常见类型移动互联网应用程序必要个人信息范围规定, 2021) and the app-check requirements with citations',
        },
      },
      async () => appNecessaryPiForClients(),
    );

    app.get(
      '/catalog/data-classification',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Data-classification catalog (数据分类分级): GB/T 43697-2024 grading table, sector keys and sector catalogues (GB/T 39725-2020, automotive 2021 Art. 3, MIIT measures, Annex G) with citations and provenance',
        },
      },
      async () => dataClassificationForClients(),
    );

    app.get(
      '/catalog/pipia-questionnaire',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'The PIPIA questionnaire (个人信息保护影响评估问卷): sections, questions with the Art. 55 triggers they apply to, risk matrix',
        },
      },
      async () => {
        // Citations labelled (law title, article) like every other answer, not bare ids.
        const questionnaire = questionnaireWithSections(shippedPipiaQuestionnaire());
        return {
          ...questionnaire,
          riskMatrix: {
            ...questionnaire.riskMatrix,
            citations: questionnaire.riskMatrix.citations.map(ctx.labelCitation),
          },
          sections: questionnaire.sections.map((section) => ({
            ...section,
            questions: section.questions.map((q) => ({
              ...q,
              citations: q.citations.map(ctx.labelCitation),
            })),
          })),
        };
      },
    );

    app.get(
      '/catalog/penalties',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Penalty provisions (罚则) a personal-information or data duty risks: PIPL Art. 66, DSL Art. 45, NDS Regulations Arts. 55–57',
        },
      },
      async () => {
        const catalog = shippedPenaltyCatalog();
        return {
          version: catalog.version,
          items: catalog.penalties,
          total: catalog.penalties.length,
        };
      },
    );

    app.get(
      '/catalog/ftz-negative-lists',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Free-trade-zone data-export negative lists (自由贸易试验区数据出境管理清单) a register profile may name (2024 Provisions Art. 6)',
        },
      },
      async () => {
        const catalog = shippedFtzCatalog();
        return { version: catalog.version, items: catalog.lists, total: catalog.lists.length };
      },
    );

    app.get(
      '/catalog/incident-grading',
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            'Incident grading criteria (网络安全事件分级指南, annex of the 2025 incident-reporting Measures; source final-2025 or draft-2023), the Art. 4 reporting rows and the GB/T 20986-2023 incident classes',
        },
      },
      async () => {
        const catalog = shippedIncidentGrading();
        return {
          version: catalog.version,
          items: catalog.criteria.map((c) => ({ ...c, citation: ctx.labelCitation(c.citation) })),
          total: catalog.criteria.length,
          types: catalog.types,
          typesProvenance: catalog.typesProvenance,
          typesCitation: ctx.labelCitation(catalog.typesCitation),
          reportingRows: Object.values(REPORTING_ROWS),
        };
      },
    );

    app.get(
      '/organisations/:orgId/systems/:systemId/baseline',
      {
        config: { access: { kind: 'org', permission: 'systems.read' } },
        schema: {
          tags,
          summary: "A system's baseline: its level plus the extensions its types call for",
          params: SystemParams,
        },
      },
      async (req) => systemBaseline(ctx, scopeOf(req), req.params.systemId),
    );
  };
