import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CLI_ACTOR } from '../../app/actor';
import {
  documentTemplateQuery,
  exportTemplateQuery,
  importTemplateCommand,
} from '../../app/documents/template';
import { parseStructuredFile } from '../../app/structured-file';
import { LOGO_MAX_BYTES, TemplateFileSchema } from '../../shared/document-template-schemas';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { organisationArgument as organisation } from '../organisation-argument';

/** A template file is its texts and at most one logo in base64: this is plenty. */
const TEMPLATE_FILE_MAX_BYTES = 2 * LOGO_MAX_BYTES + 1024 * 1024;

/**
 * `dengbao template`: the organisation's document template (文书模板) — its wording of the
 * documents' blocks in Chinese and English and its cover logo — listed, exported to a YAML file
 * and imported from one (all or nothing; unknown block keys are refused by name).
 */
export function registerTemplate(program: Command): void {
  const template = program
    .command('template')
    .description(
      "the organisation's document template (文书模板): reworded blocks in zh and en, and the cover logo",
    );

  template
    .command('list')
    .description('every block the documents offer, and whether the organisation rewords it')
    .option('--org <id>', 'organisation id (may be left out when there is only one)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org?: string; json?: boolean }) => {
      const got = await withStore(async (ctx) =>
        documentTemplateQuery(ctx, await organisation(ctx, opts.org)),
      );
      if (opts.json) return print(JSON.stringify(got, null, 2));
      const mark = (text: string | null) => (text === null ? '默认' : '已调整');
      print(
        formatTable(
          ['段落', '名称', '中文', 'English', ''],
          got.documents.flatMap((d) =>
            d.blocks.map((b) => [
              b.key,
              b.label.zh,
              mark(b.zh),
              b.en === null ? 'default' : 'reworded',
              b.oneLanguageOnly ? '中英文不一致 / zh and en differ' : '',
            ]),
          ),
        ),
      );
      print(
        got.logo
          ? `logo: ${got.logo.mediaType} ${got.logo.width}×${got.logo.height}, ${got.logo.size} bytes, SM3 ${got.logo.sm3}`
          : 'logo: none',
      );
    });

  template
    .command('export')
    .description(
      'write the reworded blocks (both languages) and the logo (base64) to a YAML file, or - for stdout',
    )
    .argument('<file>', 'the YAML file to write (- for stdout)')
    .option('--org <id>', 'organisation id (may be left out when there is only one)')
    .action(async (file: string, opts: { org?: string }) => {
      const exported = await withStore(async (ctx) =>
        exportTemplateQuery(ctx, await organisation(ctx, opts.org)),
      );
      const text = `# dengbao 文书模板 (document template): blocks by key, text per language (empty = default)\n${stringify(exported, { lineWidth: 0 })}`;
      if (file === '-') {
        process.stdout.write(text);
        return;
      }
      writeFileSync(file, text);
      const count = Object.keys(exported.blocks).length;
      print(
        `wrote ${file}: ${count} reworded block${count === 1 ? '' : 's'}${exported.logo ? ' and the logo' : ''}`,
      );
    });

  template
    .command('import')
    .description(
      'set the blocks a YAML file names (null or empty = default; others unchanged) and, with a logo key, the logo (null removes it); all or nothing',
    )
    .argument('<file>', 'the YAML (or JSON) file to read')
    .option('--org <id>', 'organisation id (may be left out when there is only one)')
    .action(async (file: string, opts: { org?: string }) => {
      const text = readBounded(file);
      const parsed = parseStructuredFile(text, TemplateFileSchema, basename(file));
      const report = await withStore(async (ctx) =>
        importTemplateCommand(ctx, CLI_ACTOR, await organisation(ctx, opts.org), parsed),
      );
      print(
        `imported ${file}: ${report.blocks} block${report.blocks === 1 ? '' : 's'}, ${report.changed} changed; logo ${report.logo}`,
      );
    });
}

function readBounded(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > TEMPLATE_FILE_MAX_BYTES) {
      throw new UsageError(`${file} has ${size} bytes; at most ${TEMPLATE_FILE_MAX_BYTES}`);
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
