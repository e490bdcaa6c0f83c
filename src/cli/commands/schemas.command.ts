import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { CiiFileSchema } from '../../shared/cii-schemas';
import { PrivacyRegisterFileSchema } from '../../shared/privacy-schemas';
import { AppCheckInputSchema, DataInventoryFileSchema } from '../../shared/data-security-schemas';
import { GradingInputSchema, SystemsFileSchema } from '../../shared/schemas';

/** The JSON Schemas of the CLI's file formats, generated from the same zod schemas the API uses. */
export const FILE_SCHEMAS = {
  'grading-input.schema.json': GradingInputSchema,
  'systems-file.schema.json': SystemsFileSchema,
  'cii-file.schema.json': CiiFileSchema,
  'privacy-register.schema.json': PrivacyRegisterFileSchema,
  'data-inventory.schema.json': DataInventoryFileSchema,
  'app-check.schema.json': AppCheckInputSchema,
} as const;

export function registerSchemas(program: Command): void {
  program
    .command('schemas')
    .description('write the JSON Schemas of the input/output file formats')
    .option('--out <dir>', 'output directory', 'docs/schemas')
    .action((opts: { out: string }) => {
      mkdirSync(opts.out, { recursive: true });
      for (const [name, schema] of Object.entries(FILE_SCHEMAS)) {
        const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
        writeFileSync(path.join(opts.out, name), `${JSON.stringify(json, null, 2)}\n`);
        process.stdout.write(`wrote ${path.join(opts.out, name)}\n`);
      }
    });
}
