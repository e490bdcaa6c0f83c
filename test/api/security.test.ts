import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { dropAuditGuard } from '../../src/store/migrations/2026-12-07b-audit-immutable';
import { TEST_DIALECTS } from '../support';
import { STRONG_PASSWORD, startHarness, type Client, type Harness } from './harness';

for (const dialect of TEST_DIALECTS) {
  describe(`security on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let otherOrgId: string;
    let seq = 0;
    const unique = (p: string) => `${p}${++seq}`;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('owner.sec', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某省大数据管理局' },
        })
      ).json().id;
      otherOrgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某燃气集团' },
        })
      ).json().id;
    });
    after(async () => h?.close());
    // Several tests move the clock past the idle timeout: start each with a fresh owner session.
    beforeEach(async () => {
      if (h) owner = await h.signIn('owner.sec');
    });

    const signInRaw = (username: string, password: string) =>
      h!.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

    const signInFrom = (ip: string, username: string, password: string) =>
      h!.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password },
        remoteAddress: ip,
      });
    const answer = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json() });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

    it('answers every failed sign-in alike: unknown name, wrong password, disabled account, blocked address', async (t) => {
      if (!h) return t.skip('database unavailable');
      const real = await h.user(unique('real.'));
      const disabled = await h.user(unique('disabled.'));
      await h.store.db
        .updateTable('users')
        .set({ disabled: 1 })
        .where('id', '=', disabled.userId)
        .execute();
      const ghost = unique('ghost.');
      const ip = '192.0.2.10';
      const expected = {
        status: 401,
        body: { code: 'UNAUTHENTICATED', message: 'wrong user name or password', details: [] },
      };
      const times: Record<string, number[]> = { unknown: [], wrong: [], disabled: [] };
      for (let i = 1; i <= 8; i++) {
        for (const [kind, name, password] of [
          ['unknown', ghost, 'Wrong#Pass-2026'],
          ['wrong', real.username, 'Wrong#Pass-2026'],
          ['disabled', disabled.username, STRONG_PASSWORD],
        ] as const) {
          const t0 = performance.now();
          const res = await signInFrom(ip, name, password);
          times[kind]!.push(performance.now() - t0);
          assert.deepEqual(answer(res), expected, `${kind}, attempt ${i}`);
          assert.equal(res.headers['set-cookie'], undefined);
        }
      }
      // After 5 failures the address is blocked for the real name: even the right password gets
      // the very same answer as a name that does not exist.
      assert.deepEqual(answer(await signInFrom(ip, real.username, STRONG_PASSWORD)), expected);
      assert.deepEqual(answer(await signInFrom(ip, ghost, STRONG_PASSWORD)), expected);
      // Same work on every path (one scrypt check): no fast answer gives a name away.
      const [u, w, d] = [median(times.unknown!), median(times.wrong!), median(times.disabled!)];
      t.diagnostic(
        `median ms: unknown ${u.toFixed(1)}, wrong ${w.toFixed(1)}, disabled ${d.toFixed(1)}`,
      );
      for (const [kind, ms] of [
        ['unknown', u],
        ['disabled', d],
      ] as const) {
        assert.ok(
          ms > w / 3 && ms < w * 3,
          `${kind} ${ms.toFixed(1)} ms vs wrong ${w.toFixed(1)} ms`,
        );
      }
      // Administrators see why in the audit log; the caller never did.
      const audit = (
        await owner.inject({ url: '/api/audit?action=session.sign_in_blocked' })
      ).json();
      assert.ok(audit.items.some((e: { entityId: string }) => e.entityId === real.userId));
      assert.ok(audit.items.some((e: { entityId: string | null }) => e.entityId === null));
    });

    it('lets the administrator in from another address while an attacker keeps failing, and tells them afterwards', async (t) => {
      if (!h) return t.skip('database unavailable');
      const admin = await h.user(unique('admin.'), { admin: true });
      const attacker = '203.0.113.7';
      for (let i = 0; i < 12; i++) {
        assert.equal(
          (await signInFrom(attacker, admin.username, `Guess#${i}-2026x`)).statusCode,
          401,
        );
      }
      // The attacker's address is refused even with the right password…
      assert.equal((await signInFrom(attacker, admin.username, STRONG_PASSWORD)).statusCode, 401);
      // …the administrator's is not, and the administrator learns what happened.
      const ok = await signInFrom('198.51.100.20', admin.username, STRONG_PASSWORD);
      assert.equal(ok.statusCode, 200, ok.body);
      const notice = ok.json().signInNotice;
      assert.equal(notice.failedAttempts, 13);
      assert.equal(notice.lastFailureFrom, attacker);
      assert.deepEqual(
        notice.blockedSources.map((b: { source: string }) => b.source),
        [attacker],
      );
      // Told once: the next sign-in has nothing new to report.
      const again = await signInFrom('198.51.100.20', admin.username, STRONG_PASSWORD);
      assert.deepEqual(again.json().signInNotice?.failedAttempts ?? 0, 0);
      // The block grows: 15 minutes, then 30 after the next five failures.
      h.clock.advanceMinutes(16);
      for (let i = 0; i < 5; i++) await signInFrom(attacker, admin.username, `Guess#${i}-2026y`);
      h.clock.advanceMinutes(16);
      assert.equal((await signInFrom(attacker, admin.username, STRONG_PASSWORD)).statusCode, 401);
      h.clock.advanceMinutes(15);
      assert.equal((await signInFrom(attacker, admin.username, STRONG_PASSWORD)).statusCode, 200);
    });

    it('counts every one of a burst of parallel guesses', async (t) => {
      if (!h) return t.skip('database unavailable');
      const target = await h.user(unique('burst.'));
      const ip = '192.0.2.77';
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => signInFrom(ip, target.username, `Burst#${i}-2026x`)),
      );
      assert.ok(burst.every((r) => r.statusCode === 401));
      // Blocked after the fifth, whatever the order: the right password from there fails too.
      assert.equal((await signInFrom(ip, target.username, STRONG_PASSWORD)).statusCode, 401);
      const ok = await signInFrom('192.0.2.78', target.username, STRONG_PASSWORD);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().signInNotice.failedAttempts, 13);
    });

    it('shows blocks to administrators and lets a second administrator unlock', async (t) => {
      if (!h) return t.skip('database unavailable');
      const victim = await h.user(unique('victim.'));
      const viewer = await h.user(unique('viewer.'));
      for (const [name, role] of [
        [victim.username, 'security_admin'],
        [viewer.username, 'viewer'],
      ] as const) {
        const added = await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/members`,
          payload: { username: name, role },
        });
        assert.equal(added.statusCode, 201, added.body);
      }
      const ip = '192.0.2.44';
      for (let i = 0; i < 5; i++) await signInFrom(ip, victim.username, 'Wrong#Pass-2026');
      assert.equal((await signInFrom(ip, victim.username, STRONG_PASSWORD)).statusCode, 401);
      const members = (await owner.inject({ url: `/api/organisations/${orgId}/members` })).json();
      const row = members.items.find((m: { userId: string }) => m.userId === victim.userId);
      assert.equal(row.failedSignIns, 6);
      assert.equal(row.lockedUntil, new Date(h.clock.now().getTime() + 15 * 60_000).toISOString());
      // Nobody unlocks themselves; a viewer may not unlock; the owner may.
      const self = await victim.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members/${victim.userId}/unlock`,
      });
      assert.equal(self.statusCode, 403, self.body);
      const byViewer = await viewer.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members/${victim.userId}/unlock`,
      });
      assert.equal(byViewer.statusCode, 403);
      const unlocked = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members/${victim.userId}/unlock`,
      });
      assert.equal(unlocked.statusCode, 200, unlocked.body);
      assert.equal(unlocked.json().clearedSources, 1);
      assert.equal((await signInFrom(ip, victim.username, STRONG_PASSWORD)).statusCode, 200);
      const audit = (
        await owner.inject({ url: `/api/organisations/${orgId}/audit?action=user.unlock` })
      ).json();
      assert.ok(audit.items.some((e: { entityId: string }) => e.entityId === victim.userId));
    });

    it('refuses common passwords, also with digits or symbols added, at creation and change', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const initialPassword of [
        'Woaini1314!@#',
        'P@ssw0rd2026!',
        'Admin@123456789',
        'Qwerty123456!',
      ]) {
        const res = await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/members`,
          payload: {
            username: unique('weak.'),
            role: 'viewer',
            newAccount: { displayName: '弱口令', initialPassword },
          },
        });
        assert.equal(res.statusCode, 400, `${initialPassword}: ${res.body}`);
        assert.ok(
          res.json().details.some((d: { message: string }) => /common/.test(d.message)),
          res.body,
        );
      }
      const c = await h.user(unique('change.'));
      const changed = await c.inject({
        method: 'PUT',
        url: '/api/session/password',
        payload: { currentPassword: STRONG_PASSWORD, newPassword: 'Woaini1314520!' },
      });
      assert.equal(changed.statusCode, 400, changed.body);
      assert.equal(changed.json().details[0].path, 'newPassword');
      assert.match(changed.json().details[0].message, /common/);
    });

    it('stops a token as soon as its creator leaves the organisation or loses the right to create it', async (t) => {
      if (!h) return t.skip('database unavailable');
      const people = new Map<string, Client>();
      for (const [key, role] of [
        ['own1', 'owner'],
        ['own2', 'owner'],
        ['owner2', 'owner'],
      ] as const) {
        const c = await h.user(unique(`${key}.`));
        const added = await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/members`,
          payload: { username: c.username, role },
        });
        assert.equal(added.statusCode, 201, added.body);
        people.set(key, c);
      }
      const mint = async (c: Client, role: string) => {
        const res = await c.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/tokens`,
          payload: { name: unique('令牌'), role, expiresInDays: 30 },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json() as { id: string; token: string };
      };
      const use = async (token: string, path: string) =>
        (
          await h!.app.inject({
            url: `/api/organisations/${orgId}${path}`,
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode;
      const member = async (userId: string) =>
        (await owner.inject({ url: `/api/organisations/${orgId}/members` }))
          .json()
          .items.find((m: { userId: string }) => m.userId === userId);

      const t1 = await mint(people.get('own1')!, 'security_admin');
      const t2 = await mint(people.get('own2')!, 'member');
      const t3 = await mint(people.get('owner2')!, 'viewer');
      assert.equal(await use(t1.token, '/members'), 200);
      assert.equal(await use(t2.token, '/systems'), 200);
      assert.equal(await use(t3.token, '/systems'), 200);

      // own1 leaves the organisation: its token stops at once.
      const removed = await owner.inject({
        method: 'DELETE',
        url: `/api/organisations/${orgId}/members/${people.get('own1')!.userId}`,
      });
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal(await use(t1.token, '/members'), 401);
      // own2 becomes a viewer, who may create no token: its token stops.
      const own2 = await member(people.get('own2')!.userId);
      const demoted = await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/members/${own2.userId}`,
        payload: { role: 'viewer', version: own2.version },
      });
      assert.equal(demoted.statusCode, 200, demoted.body);
      assert.equal(await use(t2.token, '/systems'), 401);
      // owner2 becomes a security administrator, who may not create viewer tokens: it stops too,
      // and the list says so.
      const owner2 = await member(people.get('owner2')!.userId);
      await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/members/${owner2.userId}`,
        payload: { role: 'security_admin', version: owner2.version },
      });
      assert.equal(await use(t3.token, '/systems'), 401);
      const list = (await owner.inject({ url: `/api/organisations/${orgId}/tokens` })).json();
      const shown = list.items.find((x: { id: string }) => x.id === t3.id);
      assert.equal(shown.suspended, true);
      assert.equal(shown.createdBy, people.get('owner2')!.username);
      // Made owner again, the same token works again (it was never revoked).
      const back = await member(people.get('owner2')!.userId);
      await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/members/${back.userId}`,
        payload: { role: 'owner', version: back.version },
      });
      assert.equal(await use(t3.token, '/systems'), 200);
    });

    it('ends a session after 30 idle minutes and after 12 hours in any case', async (t) => {
      if (!h) return t.skip('database unavailable');
      const c = await h.user(unique('idle.'));
      h.clock.advanceMinutes(29);
      assert.equal((await c.inject({ url: '/api/session' })).statusCode, 200);
      h.clock.advanceMinutes(31);
      assert.equal((await c.inject({ url: '/api/session' })).statusCode, 401);
      const busy = await h.signIn(c.username);
      for (let i = 0; i < 35; i++) {
        h.clock.advanceMinutes(20);
        const res = await busy.inject({ url: '/api/session' });
        if (i < 35 && (i + 1) * 20 < 12 * 60)
          assert.equal(res.statusCode, 200, `active at ${(i + 1) * 20} min`);
        else assert.equal(res.statusCode, 401, `expired at ${(i + 1) * 20} min`);
      }
    });

    it('sets an HttpOnly, SameSite=Strict session cookie and refuses writes without the CSRF header', async (t) => {
      if (!h) return t.skip('database unavailable');
      const c = await h.user(unique('csrf.'), { admin: true });
      const res = await signInRaw(c.username, STRONG_PASSWORD);
      const cookie = res.cookies.find((k) => k.name === 'dengbao_session');
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Strict');
      const payload = { name: '跨站请求' };
      const noHeader = await h.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload,
        cookies: { dengbao_session: cookie!.value },
      });
      assert.equal(noHeader.statusCode, 403);
      assert.equal(noHeader.json().code, 'CSRF_FAILED');
      const wrong = await h.app.inject({
        method: 'POST',
        url: '/api/organisations',
        payload,
        cookies: { dengbao_session: cookie!.value },
        headers: { 'x-csrf-token': 'forged' },
      });
      assert.equal(wrong.json().code, 'CSRF_FAILED');
      // Reads need no header.
      const read = await h.app.inject({
        url: '/api/organisations',
        cookies: { dengbao_session: cookie!.value },
      });
      assert.equal(read.statusCode, 200);
    });

    it('scopes API tokens to one organisation and role, and honours expiry and revocation', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/tokens`,
        payload: { name: 'CMDB 同步', role: 'viewer', expiresInDays: 1 },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { token, id } = created.json();
      assert.match(token, /^dbt_/);
      const bearer = { authorization: `Bearer ${token}` };
      assert.equal(
        (await h.app.inject({ url: `/api/organisations/${orgId}/systems`, headers: bearer }))
          .statusCode,
        200,
      );
      const write = await h.app.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        headers: bearer,
        payload: { name: 'x', types: ['ordinary_system'] },
      });
      assert.equal(write.statusCode, 403);
      assert.equal(
        (await h.app.inject({ url: `/api/organisations/${otherOrgId}/systems`, headers: bearer }))
          .statusCode,
        404,
      );
      // Only its hash is stored.
      const raw = await h.store.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.notEqual(raw.secret_hash, token);
      assert.ok(!JSON.stringify(raw).includes(token.slice(4)));
      h.clock.advanceMinutes(24 * 60 + 1);
      owner = await h.signIn('owner.sec');
      assert.equal(
        (await h.app.inject({ url: `/api/organisations/${orgId}/systems`, headers: bearer }))
          .statusCode,
        401,
      );

      const second = (
        await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/tokens`,
          payload: { name: '临时', role: 'viewer', expiresInDays: 30 },
        })
      ).json();
      assert.equal(
        (
          await owner.inject({
            method: 'DELETE',
            url: `/api/organisations/${orgId}/tokens/${second.id}`,
          })
        ).statusCode,
        204,
      );
      assert.equal(
        (
          await h.app.inject({
            url: `/api/organisations/${orgId}/systems`,
            headers: { authorization: `Bearer ${second.token}` },
          })
        ).statusCode,
        401,
      );
      const tooLong = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/tokens`,
        payload: { name: 'x', role: 'viewer', expiresInDays: 10_000 },
      });
      assert.equal(tooLong.statusCode, 400);
      assert.equal(tooLong.json().details[0].path, 'expiresInDays');
    });

    it('signs out everywhere', async (t) => {
      if (!h) return t.skip('database unavailable');
      const a = await h.user(unique('multi.'));
      const b = await h.signIn(a.username);
      const res = await a.inject({ method: 'POST', url: '/api/session/sign-out-everywhere' });
      assert.equal(res.json().ended, 2);
      assert.equal((await a.inject({ url: '/api/session' })).statusCode, 401);
      assert.equal((await b.inject({ url: '/api/session' })).statusCode, 401);
    });

    it('sends security headers on every response and limits request bodies', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const url of ['/api/health', '/api/no-such-route', `/api/organisations/${orgId}`]) {
        const res: LightMyRequestResponse = await h.app.inject({ url });
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /default-src 'self'/, url);
        assert.match(csp, /frame-ancestors 'none'/, url);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
        assert.equal(res.headers['x-frame-options'], 'DENY', url);
      }
      const big = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: {
          name: 'x',
          types: ['ordinary_system'],
          description: 'x'.repeat(2 * 1024 * 1024),
        },
      });
      assert.equal(big.statusCode, 413);
    });

    it('audits every change with before/after, actor, request id and source IP, and catches tampering', async (t) => {
      if (!h) return t.skip('database unavailable');
      const sys = (
        await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name: '政务服务网', types: ['ordinary_system'] },
        })
      ).json();
      const patched = await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/systems/${sys.id}`,
        payload: { version: sys.version, description: '省级一体化政务服务平台' },
      });
      assert.equal(patched.statusCode, 200);
      const log = (
        await owner.inject({ url: `/api/organisations/${orgId}/audit?entityId=${sys.id}` })
      ).json();
      const update = log.items.find((e: { action: string }) => e.action === 'system.update');
      assert.deepEqual(update.changes.description, {
        before: null,
        after: '省级一体化政务服务平台',
      });
      assert.equal(update.actorLabel, 'owner.sec');
      assert.ok(update.requestId);
      assert.equal(update.sourceIp, '127.0.0.1');
      assert.ok(log.items.some((e: { action: string }) => e.action === 'system.create'));
      // Time filters accept any offset: Beijing midnight is 16:00 UTC the day before.
      const since = encodeURIComponent(
        new Date(h.clock.now().getTime() - 3600_000).toISOString().replace('Z', '+00:00'),
      );
      const beijing = encodeURIComponent('2026-03-01T00:00:00+08:00');
      assert.ok(
        (await owner.inject({ url: `/api/organisations/${orgId}/audit?from=${since}` })).json()
          .total > 0,
      );
      assert.ok(
        (await owner.inject({ url: `/api/organisations/${orgId}/audit?from=${beijing}` })).json()
          .total > 0,
      );
      assert.equal(
        (await owner.inject({ url: `/api/organisations/${orgId}/audit?to=${beijing}` })).json()
          .total,
        0,
      );
      let verify = (await owner.inject({ url: `/api/organisations/${orgId}/audit/verify` })).json();
      assert.equal(verify.ok, true);
      // Someone with database access (and DDL rights: the table refuses UPDATE) rewrites history.
      await dropAuditGuard(h.store.db);
      await h.store.db
        .updateTable('audit_entries')
        .set({ changes: JSON.stringify({ description: { before: null, after: '改写' } }) })
        .where('id', '=', update.id)
        .execute();
      verify = (await owner.inject({ url: `/api/organisations/${orgId}/audit/verify` })).json();
      assert.equal(verify.ok, false);
      assert.equal(verify.firstBroken.seq, update.seq);
      assert.equal(verify.firstBroken.reason, 'hash_mismatch');
      // The application offers no way to change or delete entries.
      const routes = h.app.routeTable.filter((r) => r.url.includes('/audit'));
      assert.ok(routes.every((r) => r.method === 'GET'));
    });

    it('stores the contact phone SM4-encrypted: no plaintext in the database', async (t) => {
      if (!h) return t.skip('database unavailable');
      const org = (await owner.inject({ url: `/api/organisations/${orgId}` })).json();
      const res: LightMyRequestResponse = await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}`,
        payload: { version: org.version, contactName: '张伟', contactPhone: '13912345678' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().contactPhone, '13912345678');
      const raw = await h.store.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      assert.match(raw.contact_phone_enc ?? '', /^sm4:2:/);
      const everything =
        dialect === 'postgres'
          ? await sql<{
              t: string;
            }>`select string_agg(o::text, '|') as t from organisations o`.execute(h.store.db)
          : await sql<{
              t: string;
            }>`select group_concat(coalesce(contact_phone_enc, '') || name) as t from organisations`.execute(
              h.store.db,
            );
      assert.ok(!String(everything.rows[0]?.t).includes('13912345678'));
      const auditText = await h.store.db
        .selectFrom('audit_entries')
        .select('changes')
        .where('organisation_id', '=', orgId)
        .execute();
      assert.ok(
        !auditText.some((r) => r.changes.includes('13912345678')),
        'the audit log records that the phone changed, not its value',
      );
    });

    it('refuses a contact phone copied by SQL into another organisation: a clear error, not its value', async (t) => {
      if (!h) return t.skip('database unavailable');
      const org = (await owner.inject({ url: `/api/organisations/${orgId}` })).json();
      await owner.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}`,
        payload: { version: org.version, contactPhone: '13912345678' },
      });
      await sql`update organisations set contact_phone_enc = (select contact_phone_enc from organisations where id = ${orgId}) where id = ${otherOrgId}`.execute(
        h.store.db,
      );
      try {
        const res = await owner.inject({ url: `/api/organisations/${otherOrgId}` });
        assert.equal(res.statusCode, 500);
        assert.equal(res.json().code, 'DATA_INTEGRITY');
        assert.match(
          res.json().message,
          new RegExp(
            `organisations\\.contact_phone_enc \\[${otherOrgId}\\] is bound to another row`,
          ),
        );
        assert.match(res.json().details[0].messageZh, /属于另一行/);
        assert.ok(!res.body.includes('13912345678'));
        // The organisation it belongs to still reads it.
        const mine = await owner.inject({ url: `/api/organisations/${orgId}` });
        assert.equal(mine.json().contactPhone, '13912345678');
      } finally {
        await sql`update organisations set contact_phone_enc = null where id = ${otherOrgId}`.execute(
          h.store.db,
        );
      }
    });

    it('lets one of two concurrent edits win and tells the other the current version', async (t) => {
      if (!h) return t.skip('database unavailable');
      const sys = (
        await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name: '统一身份认证平台', types: ['ordinary_system'] },
        })
      ).json();
      const [a, b] = await Promise.all([
        owner.inject({
          method: 'PATCH',
          url: `/api/organisations/${orgId}/systems/${sys.id}`,
          payload: { version: sys.version, description: '甲' },
        }),
        owner.inject({
          method: 'PATCH',
          url: `/api/organisations/${orgId}/systems/${sys.id}`,
          payload: { version: sys.version, description: '乙' },
        }),
      ]);
      const codes = [a!.statusCode, b!.statusCode].sort();
      assert.deepEqual(codes, [200, 409]);
      const loser = a!.statusCode === 409 ? a! : b!;
      assert.equal(loser.json().currentVersion, sys.version + 1);
    });
    it('forces a password change for new accounts and expired passwords, under the complexity policy', async (t) => {
      if (!h) return t.skip('database unavailable');
      const username = unique('new.');
      const weak = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members`,
        payload: {
          username,
          role: 'viewer',
          newAccount: { displayName: '新同事', initialPassword: 'short' },
        },
      });
      assert.equal(weak.statusCode, 400);
      assert.ok(weak.json().details.length >= 2, 'length and character classes both reported');
      const added = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members`,
        payload: {
          username,
          role: 'viewer',
          newAccount: { displayName: '新同事', initialPassword: 'Initial#Pass-2026' },
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      const c = await h.signIn(username, 'Initial#Pass-2026');
      const blocked = await c.inject({ url: `/api/organisations/${orgId}/systems` });
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().code, 'PASSWORD_CHANGE_REQUIRED');
      const changed = await c.inject({
        method: 'PUT',
        url: '/api/session/password',
        payload: { currentPassword: 'Initial#Pass-2026', newPassword: 'Changed#Pass-2026' },
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal(
        (await c.inject({ url: `/api/organisations/${orgId}/systems` })).statusCode,
        200,
      );
      h.clock.advanceMinutes(91 * 24 * 60);
      const fresh = await h.signIn(username, 'Changed#Pass-2026');
      assert.equal(
        (await fresh.inject({ url: `/api/organisations/${orgId}/systems` })).json().code,
        'PASSWORD_CHANGE_REQUIRED',
      );
    });
  });
}

describe('sign-in rate limit', () => {
  it('answers 429 after the configured number of attempts per minute', async (t) => {
    const h = await startHarness('sqlite', { security: { signInRateLimitPerMinute: 3 } });
    if (!h) return t.skip('database unavailable');
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (
            await h.app.inject({
              method: 'POST',
              url: '/api/session',
              payload: { username: 'nobody', password: 'x' },
            })
          ).statusCode,
        );
      }
      assert.deepEqual(codes, [401, 401, 401, 429]);
      const limited = await h.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'nobody', password: 'x' },
      });
      assert.equal(limited.json().code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) > 0);
    } finally {
      await h.close();
    }
  });
});
