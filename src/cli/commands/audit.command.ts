import type { Command } from 'commander';
import { AppError } from '../../errors';
import { verifyAudit } from '../../store/repositories/audit.repository';
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
    .action(async (opts: { org?: string; platform?: boolean; json?: boolean }) => {
      if (opts.platform && opts.org !== undefined && opts.org !== '')
        throw new UsageError('give either --org <id> or --platform, not both');
      if (!opts.platform && opts.org === undefined)
        throw new UsageError('give --org <id> or --platform');
      const organisationId = opts.platform ? '' : (opts.org as string);
      const chainName = organisationId === '' ? 'platform' : organisationId;
      const result = await withStore((ctx) => verifyAudit(ctx.store.db, organisationId));
      if (opts.json)
        process.stdout.write(`${JSON.stringify({ chain: chainName, ...result }, null, 2)}\n`);
      if (!result.ok) {
        const b = result.firstBroken;
        throw new AuditChainBrokenError(
          `audit chain BROKEN at seq ${b.seq} (${b.id}): ${b.reason} — ${b.message} (chain ${chainName}; ${result.count} earlier ${result.count === 1 ? 'entry' : 'entries'} intact)`,
        );
      }
      if (!opts.json)
        process.stdout.write(
          `audit chain intact: ${result.count} entries, last hash ${result.lastHash} (chain ${chainName})\n`,
        );
    });
}
