import { Command, CommanderError } from 'commander';
import { registerAssessment } from './commands/assessment.command';
import { registerAudit } from './commands/audit.command';
import { registerBackup } from './commands/backup.command';
import { registerCatalog } from './commands/catalog.command';
import { registerCii } from './commands/cii.command';
import { registerDb } from './commands/db.command';
import { registerGrade } from './commands/grade.command';
import { registerKeys } from './commands/keys.command';
import { registerObligations } from './commands/obligations.command';
import { registerOrgs } from './commands/orgs.command';
import { registerReport } from './commands/report.command';
import { registerSchemas } from './commands/schemas.command';
import { registerServe } from './commands/serve.command';
import { registerSystems } from './commands/systems.command';
import { registerUsers } from './commands/users.command';
import { EXIT, reportError } from './io';

/** Builds the `dengbao` command line. */
export function buildProgram(): Command {
  const program = new Command('dengbao')
    .description('dengbao — MLPS (网络安全等级保护) grading, filing and obligations')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of [
    registerServe,
    registerDb,
    registerUsers,
    registerOrgs,
    registerGrade,
    registerObligations,
    registerSystems,
    registerCatalog,
    registerAssessment,
    registerCii,
    registerReport,
    registerAudit,
    registerKeys,
    registerBackup,
    registerSchemas,
  ]) {
    register(program);
  }
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(error);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => {
    // `serve` keeps running; everything else exits with its code.
    if (code !== EXIT.ok || !process.argv.includes('serve')) process.exitCode = code;
  });
}
