import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityPatchSchema, PipiaPatchSchema } from './privacy-schemas';

describe('privacy patch schemas', () => {
  it('an activity patch of the name leaves recipients, transfers, consents and flags as stored', () => {
    const patch = ActivityPatchSchema.parse({ version: 3, name: '门诊预约' });
    assert.deepEqual(patch, { version: 3, name: '门诊预约' });
  });

  it('an activity patch still validates what it carries', () => {
    const result = ActivityPatchSchema.safeParse({
      version: 1,
      recipients: [{ key: 'R1', relationship: 'other_handler', name: 'Lab', country: 'de' }],
    });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['recipients', 0, 'country']);
  });

  it('a PIPIA patch of the title keeps the answers and reviewers', () => {
    assert.deepEqual(PipiaPatchSchema.parse({ version: 2, title: '复评' }), {
      version: 2,
      title: '复评',
    });
  });
});
