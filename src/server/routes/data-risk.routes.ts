import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import {
  createRiskAssessmentCommand,
  createRiskCommand,
  deleteRiskAssessmentCommand,
  deleteRiskCommand,
  transitionRiskAssessmentCommand,
  updateRiskAssessmentCommand,
  updateRiskCommand,
} from '../../app/data-security/risk/commands';
import {
  assessmentRisksQuery,
  listRiskAssessmentsQuery,
  organisationRisksQuery,
  presentOneRisk,
  presentRiskAssessment,
  riskAssessmentDetailQuery,
} from '../../app/data-security/risk/queries';
import { dataRiskReport } from '../../app/documents/data-risk-report';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_LANGS,
  reportFileName,
} from '../../app/reports';
import {
  RISK_STATUSES,
  RiskAssessmentInputSchema,
  RiskAssessmentPatchSchema,
  RiskAssessmentTransitionSchema,
  RiskItemInputSchema,
  RiskItemPatchSchema,
} from '../../shared/data-security-schemas';
import { scopeOf } from '../auth';
import { OrgParams } from './params';
import { contentDisposition } from './reports.routes';

const read = { access: { kind: 'org', permission: 'datasec.read' } } as const;
const write = { access: { kind: 'org', permission: 'datasec.write' } } as const;

const AssessmentParams = OrgParams.extend({
  assessmentId: z.string().uuid('must be a risk assessment id (UUID)'),
});
const RiskParams = AssessmentParams.extend({
  riskId: z.string().uuid('must be a risk id (UUID)'),
});
const STATUS_LIST = new RegExp(`^(${RISK_STATUSES.join('|')})(,(${RISK_STATUSES.join('|')}))*$`);

/**
 * Annual data-security risk assessments (数据安全风险评估, NDS Regulations Art. 33; DSL Art. 30)
 * of an organisation: list, open (one per year), read with the required parts still missing,
 * edit (drafts), delete (drafts never completed), the workflow (complete with the inventory
 * snapshot, report to the authority, reopen), the risks tracked to closure, and the report as
 * Word or PDF.
 */
export const dataRiskRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['data-security'];
    const base = '/organisations/:orgId/data-security/risk-assessments';
    const one = `${base}/:assessmentId`;

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Risk assessments (数据安全风险评估), newest year first, each with its risk summary',
          params: OrgParams,
        },
      },
      async (req) => listRiskAssessmentsQuery(ctx, scopeOf(req)),
    );

    app.post(
      base,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Open the risk assessment of a year (status draft); one per organisation and year (409 names the existing one)',
          params: OrgParams,
          body: RiskAssessmentInputSchema,
        },
      },
      async (req, reply) => {
        const scope = scopeOf(req);
        const row = await createRiskAssessmentCommand(ctx, req.actor, scope, req.body);
        return reply.status(201).send(await presentRiskAssessment(ctx, scope.organisationId, row));
      },
    );

    app.get(
      one,
      {
        config: read,
        schema: {
          tags,
          summary:
            'A risk assessment: narrative, risks, required parts still missing (NDS Art. 33 ¶1), snapshot, submission and reopenings',
          params: AssessmentParams,
        },
      },
      async (req) => riskAssessmentDetailQuery(ctx, scopeOf(req), req.params.assessmentId),
    );

    app.patch(
      one,
      {
        config: write,
        schema: {
          tags,
          summary: 'Edit a draft risk assessment with its version',
          params: AssessmentParams,
          body: RiskAssessmentPatchSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        const row = await updateRiskAssessmentCommand(
          ctx,
          req.actor,
          scope,
          req.params.assessmentId,
          req.body,
        );
        return presentRiskAssessment(ctx, scope.organisationId, row);
      },
    );

    app.delete(
      one,
      {
        config: write,
        schema: {
          tags,
          summary: 'Delete a draft risk assessment that was never completed (with its risks)',
          params: AssessmentParams,
        },
      },
      async (req, reply) => {
        await deleteRiskAssessmentCommand(ctx, req.actor, scopeOf(req), req.params.assessmentId);
        return reply.status(204).send();
      },
    );

    app.post(
      `${one}/transition`,
      {
        // Each action checks its own right: complete and reopen datasec.approve (complete: not
        // by the creator), report datasec.write.
        config: write,
        schema: {
          tags,
          summary:
            'Workflow: complete (draft → completed; datasec.approve, not its creator; every required part present; freezes the inventory), report (completed → reported: date, recipient, reference), reopen (→ draft, with a reason; datasec.approve)',
          params: AssessmentParams,
          body: RiskAssessmentTransitionSchema,
        },
      },
      async (req) => {
        const scope = scopeOf(req);
        const row = await transitionRiskAssessmentCommand(
          ctx,
          req.actor,
          scope,
          req.params.assessmentId,
          req.body,
        );
        return presentRiskAssessment(ctx, scope.organisationId, row);
      },
    );

    app.get(
      `${one}/risks`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The risks of a risk assessment, most severe first, with their summary',
          params: AssessmentParams,
        },
      },
      async (req) => assessmentRisksQuery(ctx, scopeOf(req), req.params.assessmentId),
    );

    app.post(
      `${one}/risks`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Record a risk of a draft assessment; its level is computed from likelihood × impact (our 5 × 5 matrix)',
          params: AssessmentParams,
          body: RiskItemInputSchema,
        },
      },
      async (req, reply) => {
        const row = await createRiskCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.body,
        );
        return reply.status(201).send(presentOneRisk(ctx, row));
      },
    );

    app.patch(
      `${one}/risks/:riskId`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Edit a risk with its version; once the assessment is completed only its tracking (status, closing, due date, owner, measures)',
          params: RiskParams,
          body: RiskItemPatchSchema,
        },
      },
      async (req) => {
        const row = await updateRiskCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.riskId,
          req.body,
        );
        return presentOneRisk(ctx, row);
      },
    );

    app.delete(
      `${one}/risks/:riskId`,
      {
        config: write,
        schema: {
          tags,
          summary:
            'Delete a risk of a draft assessment (a completed one tracks its risks to closure)',
          params: RiskParams,
        },
      },
      async (req, reply) => {
        await deleteRiskCommand(
          ctx,
          req.actor,
          scopeOf(req),
          req.params.assessmentId,
          req.params.riskId,
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/organisations/:orgId/data-security/risks',
      {
        config: read,
        schema: {
          tags,
          summary:
            "Every risk of the organisation's assessments with its assessment's year, most severe first (status=open,in_progress to track what is left)",
          params: OrgParams,
          querystring: z.object({
            status: z
              .string()
              .regex(
                STATUS_LIST,
                'must be one or more of open, in_progress, closed, accepted, comma-separated',
              )
              .optional(),
          }),
        },
      },
      async (req) => organisationRisksQuery(ctx, scopeOf(req), req.query.status?.split(',') ?? []),
    );

    app.get(
      `${one}/report`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'The risk assessment report (数据安全风险评估报告, NDS Art. 33 ¶1 (1)–(7)) as Word or PDF; 草稿 watermark until completed',
          params: AssessmentParams,
          querystring: z.object({
            format: z.enum(REPORT_FORMATS).default('docx'),
            lang: z.enum(REPORT_LANGS).default('zh'),
          }),
        },
      },
      async (req, reply) => {
        const { doc, buffer } = await dataRiskReport(
          ctx,
          scopeOf(req),
          req.params.assessmentId,
          req.query.format,
          req.query.lang,
        );
        return reply
          .header('content-type', REPORT_CONTENT_TYPES[req.query.format])
          .header(
            'content-disposition',
            contentDisposition(
              reportFileName(doc, req.query.format),
              `data-risk-report.${req.query.format}`,
            ),
          )
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );
  };
