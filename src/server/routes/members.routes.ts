import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import {
  addMemberCommand,
  changeMemberRoleCommand,
  removeMemberCommand,
  setAssignmentCommand,
  unlockMemberCommand,
} from '../../app/members/commands';
import { membersQuery } from '../../app/members/queries';
import { ROLES } from '../../shared/roles';
import { scopeOf } from '../auth';
import { OrgParams } from './params';

const MemberParams = OrgParams.extend({ userId: z.string().uuid() });
const AssignmentParams = MemberParams.extend({ systemId: z.string().uuid() });
const RoleSchema = z.enum(ROLES);
const AddBody = z
  .object({
    username: z.string().trim().min(3).max(100),
    role: RoleSchema,
    newAccount: z
      .object({
        displayName: z.string().trim().min(1).max(200),
        initialPassword: z.string().min(1).max(1000),
      })
      .strict()
      .optional(),
  })
  .strict();

const read = { access: { kind: 'org', permission: 'members.read' } } as const;
const manage = { access: { kind: 'org', permission: 'members.manage' } } as const;

export const membersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    app.get(
      '/organisations/:orgId/members',
      { config: read, schema: { tags, summary: 'Members and their roles', params: OrgParams } },
      async (req) => membersQuery(ctx, scopeOf(req)),
    );
    app.post(
      '/organisations/:orgId/members',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a member (an existing account, or a new local account)',
          params: OrgParams,
          body: AddBody,
        },
      },
      async (req, reply) => {
        const row = await addMemberCommand(
          ctx,
          req.actor,
          scopeOf(req).role,
          scopeOf(req),
          req.body,
        );
        return reply
          .status(201)
          .send({ userId: row.user_id, role: row.role, version: row.version });
      },
    );
    app.patch(
      '/organisations/:orgId/members/:userId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a member’s role (send the version you read)',
          params: MemberParams,
          body: z.object({ role: RoleSchema, version: z.number().int().min(1) }).strict(),
        },
      },
      async (req) => {
        const row = await changeMemberRoleCommand(
          ctx,
          req.actor,
          scopeOf(req).role,
          scopeOf(req),
          req.params.userId,
          req.body,
        );
        return { userId: req.params.userId, role: row?.role, version: row?.version };
      },
    );
    app.delete(
      '/organisations/:orgId/members/:userId',
      { config: manage, schema: { tags, summary: 'Remove a member', params: MemberParams } },
      async (req, reply) => {
        await removeMemberCommand(
          ctx,
          req.actor,
          scopeOf(req).role,
          scopeOf(req),
          req.params.userId,
        );
        return reply.status(204).send();
      },
    );
    app.post(
      '/organisations/:orgId/members/:userId/unlock',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Clear the failed sign-ins and every blocked address of a member (a second administrator unlocks)',
          params: MemberParams,
        },
      },
      async (req) => {
        const cleared = await unlockMemberCommand(ctx, req.actor, scopeOf(req), req.params.userId);
        return { userId: req.params.userId, clearedSources: cleared };
      },
    );
    for (const [method, assigned, summary] of [
      ['PUT', true, 'Assign a system to an assessor'],
      ['DELETE', false, 'Unassign a system from an assessor'],
    ] as const) {
      app.route({
        method,
        url: '/organisations/:orgId/members/:userId/systems/:systemId',
        config: manage,
        schema: { tags, summary, params: AssignmentParams },
        handler: async (req, reply) => {
          const { userId, systemId } = req.params;
          await setAssignmentCommand(ctx, req.actor, scopeOf(req), userId, systemId, assigned);
          return reply.status(204).send();
        },
      });
    }
  };
