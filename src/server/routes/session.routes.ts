import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { changePassword, signIn, signOut, signOutEverywhere } from '../../app/identity';
import { userOrganisationsQuery } from '../../app/organisations/queries';
import { ROLE_PERMISSIONS } from '../../shared/roles';
import { SESSION_COOKIE, userOf } from '../auth';

const SignInBody = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) })
  .strict();
const PasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().min(1).max(1000),
  })
  .strict();

export const sessionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['session'];
    const me = (userId: string) => userOrganisationsQuery(ctx, userId);

    app.post(
      '/session',
      {
        config: {
          access: { kind: 'public' },
          rateLimit: { max: ctx.security.signInRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary:
            'Sign in: sets the session cookie and returns the CSRF token for writes. Every failure answers the same 401',
          body: SignInBody,
        },
      },
      async (req, reply) => {
        const result = await signIn(ctx, req.body, { sourceIp: req.ip, requestId: req.id });
        reply.setCookie(SESSION_COOKIE, result.sessionSecret, {
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.security.secureCookies,
          path: '/',
          expires: new Date(result.expiresAt),
        });
        return {
          user: {
            id: result.user.id,
            username: result.user.username,
            displayName: result.user.display_name,
            isPlatformAdmin: result.user.is_platform_admin === 1,
          },
          csrfToken: result.csrfToken,
          passwordChangeRequired: result.passwordChangeRequired,
          organisations: await me(result.user.id),
          // Failed attempts and blocked addresses since the last sign-in: told only to the
          // account's owner, once the password was right (a failed sign-in says nothing).
          signInNotice: result.notice,
        };
      },
    );

    app.get(
      '/session',
      {
        config: { access: { kind: 'signed_in', duringPasswordChange: true } },
        schema: { tags, summary: 'The signed-in user, CSRF token, organisations and permissions' },
      },
      async (req) => {
        const p = req.principal;
        if (p?.kind === 'token') {
          return {
            token: {
              id: p.tokenId,
              name: p.name,
              organisationId: p.organisationId,
              role: p.role,
              permissions: ROLE_PERMISSIONS[p.role],
            },
          };
        }
        const user = userOf(req);
        return {
          user: {
            id: user.userId,
            username: user.username,
            displayName: user.displayName,
            isPlatformAdmin: user.isPlatformAdmin,
          },
          csrfToken: user.csrfToken,
          passwordChangeRequired: user.passwordChangeRequired,
          organisations: await me(user.userId),
          policy: {
            passwordMinLength: ctx.security.passwordMinLength,
            passwordMinClasses: ctx.security.passwordMinClasses,
            sessionIdleMinutes: ctx.security.sessionIdleMinutes,
          },
        };
      },
    );

    app.delete(
      '/session',
      {
        config: { access: { kind: 'signed_in', duringPasswordChange: true } },
        schema: { tags, summary: 'Sign out' },
      },
      async (req, reply) => {
        await signOut(ctx, req.actor, userOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );

    app.post(
      '/session/sign-out-everywhere',
      {
        config: { access: { kind: 'signed_in', duringPasswordChange: true } },
        schema: {
          tags,
          summary: 'End every session of the signed-in user (all browsers and devices)',
        },
      },
      async (req, reply) => {
        const ended = await signOutEverywhere(ctx, req.actor, userOf(req).userId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ended };
      },
    );

    app.put(
      '/session/password',
      {
        config: { access: { kind: 'signed_in', duringPasswordChange: true } },
        schema: {
          tags,
          summary: 'Change the signed-in user’s password (other sessions end)',
          body: PasswordBody,
        },
      },
      async (req, reply) => {
        await changePassword(ctx, req.actor, userOf(req), req.body);
        return reply.status(204).send();
      },
    );
  };
