import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { z } from 'zod';
import { FILE_SCHEMAS } from './schemas.command';

it('the committed JSON Schemas match the zod schemas (run `npm run schemas` after changing them)', () => {
  for (const [name, schema] of Object.entries(FILE_SCHEMAS)) {
    const committed = JSON.parse(readFileSync(path.join('docs/schemas', name), 'utf8'));
    assert.deepEqual(
      committed,
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
      name,
    );
  }
});
