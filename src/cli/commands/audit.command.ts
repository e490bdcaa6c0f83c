import type { Command } from 'commander';
import { AppError } from '../../errors';
import { latestAuditHash, verifyAudit } from '../../store/repositories/audit.repository';
import { withStore } from '../context';
import { UsageError } from '../io';

/** A verified chain that is not intact: exit code 1 through reportError. */
export class AuditChainBrokenError extends AppError {
  constructor(message: string) {
    super('CONFLICT', 409, message);
    this.name = 'AuditChainBrokenError';
  }
}

/** `dengbao audit verify --org <id> | --platform [--json]`. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the SM3-chained audit log');
  audit
    .command('verify')
    .description(
      "recompute an organisation's audit chain and report the first altered, missing or reordered entry (exit 1)",
    )
    .option('--org <id>', "organisation id ('' for the platform chain)")
    .option('--platform', 'the platform chain (accounts, sign-ins, organisation creation)')
    .option('--json', 'print the verification result as JSON')
    .option(
      '--anchor <seq:hash>',
      'an anchor noted earlier (from `audit anchor`): the chain must still hold this entry, so a cut-off tail or a rebuilt chain is caught',
    )
    .action(async (opts: { org?: string; platform?: boolean; json?: boolean; anchor?: string }) => {
      if (opts.platform && opts.org !== undefined && opts.org !== '')
        throw new UsageError('give either --org <id> or --platform, not both');
      if (!opts.platform && opts.org === undefined)
        throw new UsageError('give --org <id> or --platform');
      const organisationId = opts.platform ? '' : (opts.org as string);
      const chainName = organisationId === '' ? 'platform' : organisationId;
      const anchor = opts.anchor ? parseAnchor(opts.anchor) : null;
      const { result, anchored } = await withStore(async (ctx) => {
        const result = await verifyAudit(ctx.store.db, organisationId);
        const anchored = anchor
          ? await ctx.store.db
              .selectFrom('audit_entries')
              .select('hash')
              .where('organisation_id', '=', organisationId)
              .where('seq', '=', anchor.seq)
              .executeTakeFirst()
          : undefined;
        return { result, anchored };
      });
      if (opts.json)
        process.stdout.write(`${JSON.stringify({ chain: chainName, ...result }, null, 2)}\n`);
      if (!result.ok) {
        const b = result.firstBroken;
        throw new AuditChainBrokenError(
          `audit chain BROKEN at seq ${b.seq} (${b.id}): ${b.reason} — ${b.message} (chain ${chainName}; ${result.count} earlier ${result.count === 1 ? 'entry' : 'entries'} intact)`,
        );
      }
      if (anchor && anchored?.hash !== anchor.hash) {
        throw new AuditChainBrokenError(
          anchored
            ? `audit chain REBUILT: entry ${anchor.seq} no longer has the anchored hash (chain ${chainName})`
            : `audit chain CUT: anchored entry ${anchor.seq} is gone; the chain now ends at ${result.ok ? result.lastSeq : '?'} (chain ${chainName})`,
        );
      }
      if (!opts.json)
        process.stdout.write(
          `audit chain intact: ${result.count} entries, last hash ${result.lastHash} (chain ${chainName})${anchor ? `; anchor ${anchor.seq} holds` : ''}\n`,
        );
    });
  audit
    .command('anchor')
    .description(
      'print the chain head as <seq>:<hash>; keep it outside the database (ticket, e-mail, paper) and pass it to `audit verify --anchor` later',
    )
    .option('--org <id>', 'organisation id')
    .option('--platform', 'the platform chain')
    .action(async (opts: { org?: string; platform?: boolean }) => {
      if (!opts.platform && opts.org === undefined)
        throw new UsageError('give --org <id> or --platform');
      const organisationId = opts.platform ? '' : (opts.org as string);
      const head = await withStore((ctx) => latestAuditHash(ctx.store.db, organisationId));
      process.stdout.write(`${head.seq}:${head.hash}\n`);
    });
}

function parseAnchor(text: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `--anchor must be <seq>:<64 hex hash> as printed by \`audit anchor\`, got "${text}"`,
    );
  return { seq: Number(m[1]), hash: m[2] as string };
}
