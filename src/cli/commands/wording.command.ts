import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import {
  clearWordingCommand,
  importWordingCommand,
  importWordingFromPractitionerWorkbookCommand,
  WORDING_MAX_FILE_BYTES,
  WORDING_SOURCES,
  wordingQuery,
  type WordingSource,
} from '../../app/assessment/wording';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { organisationArgument as organisation } from '../organisation-argument';

/**
 * `dengbao wording`: the standard's own wording (标准原文) an organisation holds a licensed copy
 * of, loaded per requirement item and shown beside our words in the workbook, its Excel file and
 * the report. Never shipped; stored for the organisation only.
 */
export function registerWording(program: Command): void {
  const wording = program
    .command('wording')
    .description(
      "the standard's own wording (标准原文) from your licensed copy: import, list, clear",
    );

  wording
    .command('import')
    .description(
      'load wording from .xlsx/.csv (编号 or 条款, optional 等级, 测评项/原文/标准原文) or YAML/JSON ({requirementId, level, text}); all or nothing',
    )
    .argument('<file>', 'the file to load')
    .option('--org <id>', 'organisation id (may be left out when there is only one)')
    .option('--source <source>', `${WORDING_SOURCES.join(' or ')}`, 'licensed_copy')
    .option(
      '--assessment <id>',
      "read the file as an assessor's own workbook (one sheet per test object) matched against this assessment; its 测评项 texts at the assessment's level",
    )
    .option('--dry-run', 'check the file and say what would change; store nothing')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        file: string,
        opts: {
          org?: string;
          source: string;
          assessment?: string;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        if (!(WORDING_SOURCES as readonly string[]).includes(opts.source)) {
          throw new UsageError(
            `--source must be ${WORDING_SOURCES.join(' or ')}, got "${opts.source}"`,
          );
        }
        const buffer = readBounded(file);
        const report = await withStore(async (ctx) => {
          const org = await organisation(ctx, opts.org);
          if (opts.assessment !== undefined) {
            return importWordingFromPractitionerWorkbookCommand(
              ctx,
              CLI_ACTOR,
              org,
              opts.assessment,
              buffer,
              { fileName: basename(file), dryRun: opts.dryRun === true },
            );
          }
          return importWordingCommand(ctx, CLI_ACTOR, org, buffer, {
            fileName: basename(file),
            source: opts.source as WordingSource,
            dryRun: opts.dryRun === true,
          });
        });
        if (opts.json) return print(JSON.stringify(report, null, 2));
        print(
          `${report.dryRun ? 'checked (nothing stored)' : 'loaded'} ${file}: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'} — ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged`,
        );
      },
    );

  wording
    .command('list')
    .description("the organisation's wording entries")
    .option('--org <id>', 'organisation id (may be left out when there is only one)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org?: string; json?: boolean }) => {
      const list = await withStore(async (ctx) =>
        wordingQuery(ctx, await organisation(ctx, opts.org)),
      );
      if (opts.json) return print(JSON.stringify(list, null, 2));
      if (list.count === 0) return print('no wording loaded (未载入标准原文)');
      print(
        formatTable(
          ['编号', '等级', '原文', '来源'],
          list.items.map((w) => [
            w.requirementId,
            w.level === null ? '全部' : `第${w.level}级`,
            w.text.length > 60 ? `${w.text.slice(0, 60)}…` : w.text,
            w.sourceName ?? w.source,
          ]),
        ),
      );
      print(`${list.count} entr${list.count === 1 ? 'y' : 'ies'}`);
    });

  wording
    .command('clear')
    .description('delete every wording entry of the organisation')
    .option('--org <id>', 'organisation id (may be left out when there is only one)')
    .action(async (opts: { org?: string }) => {
      const { deleted } = await withStore(async (ctx) =>
        clearWordingCommand(ctx, CLI_ACTOR, await organisation(ctx, opts.org)),
      );
      print(`deleted ${deleted} entr${deleted === 1 ? 'y' : 'ies'}`);
    });
}

/** The file, refused unread when larger than the import allows. */
function readBounded(file: string): Buffer {
  try {
    const size = statSync(file).size;
    if (size > WORDING_MAX_FILE_BYTES) {
      throw new UsageError(`${file} has ${size} bytes; at most ${WORDING_MAX_FILE_BYTES}`);
    }
    return readFileSync(file);
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
