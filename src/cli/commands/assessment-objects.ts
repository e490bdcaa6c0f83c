/**
 * `dengbao assessment objects` and `dengbao assessment object-add`: the test objects of an
 * assessment with their attributes and requirement sets, as the asset appendix lists them.
 */
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import { addTestObjectCommand } from '../../app/assessment/commands';
import { assessmentQuery } from '../../app/assessment/queries';
import { TEST_OBJECT_KIND_ZH, TEST_OBJECT_KINDS } from '../../domain/mlps/assessment/types';
import { TestObjectInputSchema } from '../../shared/assessment-schemas';
import { label } from '../../shared/vocabulary';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';

const list = (value: string, previous: string[]) => [...previous, value];

export function registerObjectCommands(assessment: Command): void {
  assessment
    .command('objects')
    .description('test objects with IP, version, model and the number of workbook rows each')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; id: string; json?: boolean }) => {
      const dto = await withStore((ctx) => assessmentQuery(ctx, opts.org, opts.id));
      if (opts.json) {
        return print(JSON.stringify({ items: dto.objects, uncovered: dto.uncovered }, null, 2));
      }
      print(
        formatTable(
          ['名称', '类型', 'IP', '系统/版本', '型号', '测评项', '范围'],
          dto.objects.map((o) => [
            o.name,
            TEST_OBJECT_KIND_ZH[o.kind as keyof typeof TEST_OBJECT_KIND_ZH] ?? o.kind,
            o.attributes.ipAddresses.join(', ') || '—',
            [o.attributes.os, o.attributes.version].filter(Boolean).join(' ') || '—',
            o.attributes.model ?? '—',
            String(o.requirementCount),
            o.controlPoints === null ? '按类型默认' : `自选 ${o.controlPoints.length} 个控制点`,
          ]),
        ),
      );
      for (const u of dto.uncovered) {
        print(
          `注意：${label('category', u.category, 'zh')}的控制点 ${u.controlPointIds.join('、')} 尚无测评对象，相关测评项为未测`,
        );
      }
    });

  assessment
    .command('object-add')
    .description('add a test object with its attributes and, optionally, its own control points')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .requiredOption('--name <text>', 'e.g. 核心交换机')
    .requiredOption('--kind <kind>', `one of ${TEST_OBJECT_KINDS.join(', ')}`)
    .option('--ip <address>', 'IP address, repeatable', list, [] as string[])
    .option('--os <text>', 'operating system, DBMS or product')
    .option('--software-version <text>', 'software version (版本)')
    .option('--model <text>', 'device model')
    .option('--vendor <text>', 'vendor')
    .option('--location <text>', 'where it is')
    .option('--role <text>', 'what it does in the system')
    .option(
      '--control-points <ids>',
      'its own requirement set, comma-separated control point ids (default: by kind)',
    )
    .option('--json', 'print as JSON')
    .action(
      async (opts: {
        org: string;
        id: string;
        name: string;
        kind: string;
        ip: string[];
        os?: string;
        softwareVersion?: string;
        model?: string;
        vendor?: string;
        location?: string;
        role?: string;
        controlPoints?: string;
        json?: boolean;
      }) => {
        const parsed = TestObjectInputSchema.safeParse({
          name: opts.name,
          kind: opts.kind,
          attributes: {
            ipAddresses: opts.ip,
            os: opts.os ?? null,
            version: opts.softwareVersion ?? null,
            model: opts.model ?? null,
            vendor: opts.vendor ?? null,
            location: opts.location ?? null,
            role: opts.role ?? null,
          },
          controlPoints: opts.controlPoints
            ?.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.includes('ipAddresses')
            ? 'ip'
            : issue.path[0] === 'controlPoints'
              ? 'control-points'
              : String(issue.path.filter((p) => typeof p === 'string').at(-1) ?? 'input');
          throw new UsageError(`--${field}: ${issue.message}`);
        }
        const object = await withStore((ctx) =>
          addTestObjectCommand(ctx, CLI_ACTOR, opts.org, opts.id, parsed.data),
        );
        if (opts.json) return print(JSON.stringify(object, null, 2));
        print(`added ${object.name} (${object.kind}): ${object.requirementCount} workbook rows`);
      },
    );
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
