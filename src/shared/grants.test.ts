import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { shippedMlpsCatalog } from '../catalogs/mlps-catalog';
import {
  GRANT_INVARIANTS,
  GRANTS,
  grantMatrixMarkdown,
  mayGrant,
  mayMintToken,
  mayRevoke,
  permissionsBeyond,
} from './grants';
import { can, ROLES } from './roles';

it('cites only requirement ids the GB/T 22239 catalog holds', () => {
  const catalog = shippedMlpsCatalog();
  const ids = new Set<string>(
    JSON.stringify(catalog)
      .match(/"id":"[0-9.]+-[a-z]"/g)
      ?.map((m) => m.slice(6, -1)) ?? [],
  );
  assert.ok(ids.has('8.1.5.3-b'), 'catalog ids are readable');
  const cited = [...ROLES.flatMap((r) => GRANTS[r].basis), ...GRANT_INVARIANTS];
  for (const b of cited) {
    assert.ok(ids.has(b.clause), `${b.clause} is not a requirement of the catalog`);
    assert.ok(b.zh && b.en, `${b.clause} has a reason in both languages`);
  }
  for (const role of ROLES) assert.ok(GRANTS[role].basis.length > 0, `${role} has a basis`);
});

it('gives grant rights only with the permission the routes check', () => {
  for (const role of ROLES) {
    const g = GRANTS[role];
    if (g.grant.length || g.revoke.length) assert.ok(can(role, 'members.manage'), role);
    if (g.tokens.length) assert.ok(can(role, 'tokens.manage'), role);
  }
});

it('lets no token carry a permission its creator lacks (no escalation through tokens)', () => {
  for (const actor of ROLES) {
    for (const role of GRANTS[actor].tokens) {
      assert.deepEqual(permissionsBeyond(actor, role), [], `${actor} → ${role} token`);
    }
  }
});

it('separates the three administrators: only the owner appoints or removes them', () => {
  for (const admin of ['owner', 'system_admin', 'security_admin', 'audit_admin'] as const) {
    for (const actor of ROLES.filter((r) => r !== 'owner')) {
      assert.equal(mayGrant(actor, admin), false, `${actor} grants ${admin}`);
      assert.equal(mayRevoke(actor, admin), false, `${actor} takes away ${admin}`);
    }
  }
  for (const actor of ROLES.filter((r) => r !== 'owner')) {
    for (const role of ROLES.filter((r) => can(r, 'audit.read') || can(r, 'systems.read'))) {
      assert.equal(mayMintToken(actor, role), false, `${actor} mints a ${role} token`);
    }
  }
  assert.deepEqual([...GRANTS.security_admin.grant], ['assessor', 'member', 'viewer']);
});

it('the README shows the grant matrix the server enforces', () => {
  assert.ok(
    readFileSync('README.md', 'utf8').includes(grantMatrixMarkdown()),
    `update the README table from grantMatrixMarkdown():\n${grantMatrixMarkdown()}`,
  );
});
