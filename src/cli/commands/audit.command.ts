import path from 'node:path';
import type { Command } from 'commander';
import {
  ANCHOR_FILE_ENV,
  DEFAULT_ANCHOR_FILE_NAME,
  anchorFilePath,
  chainName,
  readAnchorFile,
  type ChainReport,
} from '../../app/audit-anchors';
import {
  auditHeadQuery,
  PLATFORM_CHAIN,
  verifyChainsQuery,
  writeAnchorsCommand,
} from '../../app/audit/queries';
import { AppError } from '../../errors';
import { withStore } from '../context';
import { UsageError } from '../io';

/** A verified chain that is not intact: exit code 1 through reportError. */
export class AuditChainBrokenError extends AppError {
  constructor(message: string) {
    super('CONFLICT', 409, message);
    this.name = 'AuditChainBrokenError';
  }
}

/** `dengbao audit verify --org <id> | --platform | --all [--json]`, `dengbao audit anchor`. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the SM3-chained audit log');
  audit
    .command('verify')
    .description(
      "recompute an organisation's audit chain and report the first altered, missing or reordered entry (exit 1); " +
        `also checks every anchor in the anchor file (${ANCHOR_FILE_ENV}, default <data dir>/${DEFAULT_ANCHOR_FILE_NAME}), so a cut-off tail is caught`,
    )
    .option('--org <id>', "organisation id ('' for the platform chain)")
    .option('--platform', 'the platform chain (accounts, sign-ins, organisation creation)')
    .option('--all', 'every chain: the platform and each organisation')
    .option('--json', 'print the verification result as JSON')
    .option(
      '--anchor <seq:hash>',
      'an anchor noted earlier (from `audit anchor`): the chain must still hold this entry, so a cut-off tail or a rebuilt chain is caught',
    )
    .option(
      '--anchor-file <file>',
      `anchor file to check against (default: ${ANCHOR_FILE_ENV} or <data dir>/${DEFAULT_ANCHOR_FILE_NAME})`,
    )
    .option('--no-anchor-file', 'do not read the anchor file')
    .action(
      async (opts: {
        org?: string;
        platform?: boolean;
        all?: boolean;
        json?: boolean;
        anchor?: string;
        anchorFile?: string | false;
      }) => {
        const given = [opts.platform, opts.org !== undefined, opts.all].filter(Boolean).length;
        if (given > 1 && !(opts.platform && opts.org === ''))
          throw new UsageError('give one of --org <id>, --platform or --all');
        if (given === 0) throw new UsageError('give --org <id>, --platform or --all');
        if (opts.all && opts.anchor)
          throw new UsageError('--anchor needs one chain: --org or --platform');
        const anchor = opts.anchor ? parseAnchor(opts.anchor) : null;
        const anchorFile =
          opts.anchorFile === false
            ? null
            : readAnchorFile(
                typeof opts.anchorFile === 'string'
                  ? path.resolve(opts.anchorFile)
                  : anchorFilePath(),
              );
        if (anchorFile && !anchorFile.exists && typeof opts.anchorFile === 'string')
          throw new UsageError(`anchor file ${anchorFile.file} does not exist`);
        for (const p of anchorFile?.problems ?? [])
          process.stderr.write(`warning: anchor file ${anchorFile?.file}: ${p}\n`);
        const reports = await withStore((ctx) =>
          verifyChainsQuery(
            ctx,
            opts.all ? 'all' : opts.platform ? PLATFORM_CHAIN : (opts.org as string),
            anchorFile,
            anchor ? anchor.seq : null,
          ),
        );
        const { manual } = reports;
        if (opts.json)
          process.stdout.write(
            `${JSON.stringify(
              opts.all
                ? reports.reports.map(jsonReport)
                : jsonReport(reports.reports[0] as ChainReport),
              null,
              2,
            )}\n`,
          );
        const failed = reports.reports.filter((r) => !r.ok);
        if (!opts.json)
          for (const r of reports.reports)
            (r.ok ? process.stdout : process.stderr).write(`${r.message}\n`);
        if (anchorFile && !anchorFile.exists && !opts.json)
          process.stderr.write(
            `note: no anchor file at ${anchorFile.file} yet (the server and \`dengbao backup\` write it): a cut-off tail cannot be detected without anchors\n`,
          );
        if (failed.length)
          throw new AuditChainBrokenError(
            failed.length === 1
              ? (failed[0] as ChainReport).message
              : `${failed.length} of ${reports.reports.length} audit chains failed verification`,
          );
        const only = reports.reports[0] as ChainReport;
        if (anchor && manual?.hash !== anchor.hash) {
          const v = only.verification;
          throw new AuditChainBrokenError(
            manual
              ? `audit chain REBUILT: entry ${anchor.seq} no longer has the anchored hash (chain ${only.chain})`
              : `audit chain CUT: anchored entry ${anchor.seq} is gone; the chain now ends at ${v.ok ? v.lastSeq : '?'} (chain ${only.chain})`,
          );
        }
        if (anchor && !opts.json)
          process.stdout.write(`anchor ${anchor.seq} holds (chain ${only.chain})\n`);
      },
    );
  audit
    .command('anchor')
    .description(
      'print the chain head as <seq>:<hash>; keep it outside the database (ticket, e-mail, paper) and pass it to `audit verify --anchor` later. ' +
        `With --write, append the head of every chain to the anchor file (as the server does daily and \`dengbao backup\` does)`,
    )
    .option('--org <id>', 'organisation id')
    .option('--platform', 'the platform chain')
    .option('--write', 'append every chain head to the anchor file')
    .action(async (opts: { org?: string; platform?: boolean; write?: boolean }) => {
      if (opts.write) {
        const file = anchorFilePath();
        const written = await withStore((ctx) => writeAnchorsCommand(ctx, file));
        for (const a of written)
          process.stdout.write(`${chainName(a.organisationId)} ${a.seq}:${a.hash}\n`);
        process.stderr.write(`appended ${written.length} anchor(s) to ${file}\n`);
        return;
      }
      if (!opts.platform && opts.org === undefined)
        throw new UsageError('give --org <id> or --platform (or --write for every chain)');
      const organisationId = opts.platform ? '' : (opts.org as string);
      const head = await withStore((ctx) => auditHeadQuery(ctx, organisationId));
      process.stdout.write(`${head.seq}:${head.hash}\n`);
    });
}

function jsonReport(r: ChainReport) {
  return {
    chain: r.chain,
    ...r.verification,
    ...(r.anchors && {
      anchors: {
        checked: r.anchors.checked,
        latest: r.anchors.latest,
        broken: r.anchors.broken,
        lostByRestore: r.anchors.lostByRestore.length,
      },
    }),
    verdict: r.ok ? 'intact' : 'broken',
    message: r.message,
  };
}

function parseAnchor(text: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `--anchor must be <seq>:<64 hex hash> as printed by \`audit anchor\`, got "${text}"`,
    );
  return { seq: Number(m[1]), hash: m[2] as string };
}
