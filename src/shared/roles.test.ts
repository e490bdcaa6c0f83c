import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { can, roleMatrixMarkdown } from './roles';

it('the README shows the role matrix the server enforces', () => {
  assert.ok(
    readFileSync('README.md', 'utf8').includes(roleMatrixMarkdown()),
    'update the README table from roleMatrixMarkdown()',
  );
});

it('separates the three administrators (GB/T 22239 三员分立)', () => {
  assert.equal(
    can('audit_admin', 'systems.write'),
    false,
    'the audit administrator changes nothing',
  );
  assert.equal(can('audit_admin', 'members.manage'), false);
  assert.equal(
    can('security_admin', 'systems.write'),
    false,
    'the security administrator cannot edit compliance data',
  );
  assert.equal(can('security_admin', 'audit.read'), false, 'nor review its own trail');
  assert.equal(
    can('system_admin', 'members.manage'),
    false,
    'the system administrator cannot grant roles',
  );
  assert.equal(can('system_admin', 'audit.read'), false);
  assert.equal(can('viewer', 'systems.write'), false);
});
