import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import {
  ATTACHMENT_MAX_BYTES,
  addAttachmentCommand,
  deleteAttachmentCommand,
} from '../../app/attachments/commands';
import { attachmentFileQuery, systemAttachments } from '../../app/attachments/queries';
import { requireOrganisation } from '../../app/organisations/queries';
import {
  ATTACHMENT_MEDIA_TYPES,
  ATTACHMENT_PURPOSES,
  ATTACHMENT_RECORD_KINDS,
  type AttachmentPurpose,
  type AttachmentRecordKind,
} from '../../shared/attachments';
import { label } from '../../shared/vocabulary';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { systemArgument } from '../system-argument';

/**
 * `dengbao attachments list|add|get|remove`: scans on a system's records (专家评审意见, 主管部门核准,
 * 备案证明, 测评报告) and its topology diagram, as the web UI and the API keep them.
 */
export function registerAttachments(program: Command): void {
  const attachments = program
    .command('attachments')
    .description(
      'scans (PDF, JPEG, PNG) on the records of a system and its topology diagram: list, add, get, remove',
    );

  attachments
    .command('list')
    .description('the attachments of a system and its records')
    .argument('<system>', 'system id, or the exact name of one system')
    .requiredOption('--org <id>', 'organisation id')
    .option('--json', 'print JSON')
    .action(async (system: string, opts: { org: string; json?: boolean }) => {
      const items = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        const systemId = await systemArgument(ctx, opts.org, system);
        return systemAttachments(ctx.store.db, opts.org, systemId);
      });
      if (opts.json) return print(JSON.stringify({ items, total: items.length }, null, 2));
      print(
        formatTable(
          ['id', '材料', '所属记录', '文件名', '大小', 'SM3'],
          items.map((a) => [
            a.id,
            label('attachment_purpose', a.purpose, 'zh'),
            `${label('attachment_record', a.recordKind, 'zh')} ${a.recordId.slice(0, 8)}`,
            a.fileName,
            String(a.size),
            a.sm3,
          ]),
        ),
      );
    });

  attachments
    .command('add')
    .description(
      `attach a file (at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB) to a review, filing or assessment record, or a topology diagram to the system`,
    )
    .argument('<system>', 'system id, or the exact name of one system')
    .argument('<file>', 'a PDF, JPEG or PNG file')
    .requiredOption('--org <id>', 'organisation id')
    .addOption(
      new Option('--record-kind <kind>', 'what the file is attached to')
        .choices(ATTACHMENT_RECORD_KINDS)
        .default('system'),
    )
    .option('--record-id <id>', 'the review, filing or event id (not for --record-kind system)')
    .addOption(
      new Option(
        '--purpose <purpose>',
        "what the file is (default: the record's usual one)",
      ).choices(ATTACHMENT_PURPOSES),
    )
    .action(
      async (
        system: string,
        file: string,
        opts: {
          org: string;
          recordKind: AttachmentRecordKind;
          recordId?: string;
          purpose?: AttachmentPurpose;
        },
      ) => {
        if (statSync(file).size > ATTACHMENT_MAX_BYTES) {
          throw new UsageError(`the file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
        }
        const name = basename(file);
        const lower = name.toLowerCase();
        const mediaType =
          Object.entries(ATTACHMENT_MEDIA_TYPES).find(([, exts]) =>
            exts.some((e) => lower.endsWith(e)),
          )?.[0] ?? 'application/octet-stream';
        const saved = await withStore(async (ctx) => {
          await requireOrganisation(ctx, opts.org);
          const systemId = await systemArgument(ctx, opts.org, system);
          return addAttachmentCommand(ctx, CLI_ACTOR, opts.org, systemId, {
            recordKind: opts.recordKind,
            recordId: opts.recordId,
            purpose: opts.purpose,
            fileName: name,
            mediaType,
            content: readFileSync(file),
          });
        });
        print(`${saved.id}  ${saved.purpose}  ${saved.size} bytes  SM3 ${saved.sm3}`);
      },
    );

  attachments
    .command('get')
    .description('write an attachment to a file (its SM3 digest checked)')
    .argument('<system>', 'system id, or the exact name of one system')
    .argument('<id>', 'attachment id')
    .requiredOption('--org <id>', 'organisation id')
    .option('-o, --out <file>', 'the file to write (default: its own name here)')
    .action(async (system: string, id: string, opts: { org: string; out?: string }) => {
      const file = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        const systemId = await systemArgument(ctx, opts.org, system);
        return attachmentFileQuery(ctx, opts.org, systemId, id);
      });
      const output = opts.out ?? file.fileName;
      writeFileSync(output, file.data);
      print(`wrote ${output} (${file.data.length} bytes, SM3 ${file.sm3})`);
    });

  attachments
    .command('remove')
    .description('remove an attachment')
    .argument('<system>', 'system id, or the exact name of one system')
    .argument('<id>', 'attachment id')
    .requiredOption('--org <id>', 'organisation id')
    .action(async (system: string, id: string, opts: { org: string }) => {
      await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        const systemId = await systemArgument(ctx, opts.org, system);
        await deleteAttachmentCommand(ctx, CLI_ACTOR, opts.org, systemId, id);
      });
      print(`removed ${id}`);
    });
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
