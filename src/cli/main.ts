import { Command, CommanderError } from 'commander';
import { EXIT, reportError } from './io';

type Register = (program: Command) => void;

/**
 * Top-level commands and the module that defines each. A command's module (and with it the
 * store, the server or the document renderers) is loaded only when that command runs, so
 * `dengbao --version` or `dengbao grade` do not pay for the rest.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  serve: () => import('./commands/serve.command').then((m) => m.registerServe),
  db: () => import('./commands/db.command').then((m) => m.registerDb),
  users: () => import('./commands/users.command').then((m) => m.registerUsers),
  orgs: () => import('./commands/orgs.command').then((m) => m.registerOrgs),
  grade: () => import('./commands/grade.command').then((m) => m.registerGrade),
  obligations: () => import('./commands/obligations.command').then((m) => m.registerObligations),
  systems: () => import('./commands/systems.command').then((m) => m.registerSystems),
  catalog: () => import('./commands/catalog.command').then((m) => m.registerCatalog),
  assessment: () => import('./commands/assessment.command').then((m) => m.registerAssessment),
  verification: () => import('./commands/verification.command').then((m) => m.registerVerification),
  cii: () => import('./commands/cii.command').then((m) => m.registerCii),
  pi: () => import('./commands/pi.command').then((m) => m.registerPi),
  incident: () => import('./commands/incident.command').then((m) => m.registerIncident),
  'data-risk': () => import('./commands/data-risk.command').then((m) => m.registerDataRisk),
  data: () => import('./commands/data.command').then((m) => m.registerData),
  'app-check': () => import('./commands/app-check.command').then((m) => m.registerAppCheck),
  wording: () => import('./commands/wording.command').then((m) => m.registerWording),
  template: () => import('./commands/template.command').then((m) => m.registerTemplate),
  report: () => import('./commands/report.command').then((m) => m.registerReport),
  dossier: () => import('./commands/dossier.command').then((m) => m.registerDossier),
  attachments: () => import('./commands/attachments.command').then((m) => m.registerAttachments),
  audit: () => import('./commands/audit.command').then((m) => m.registerAudit),
  keys: () => import('./commands/keys.command').then((m) => m.registerKeys),
  backup: () => import('./commands/backup.command').then((m) => m.registerBackup),
  restore: () => import('./commands/backup.command').then((m) => m.registerBackup),
  schemas: () => import('./commands/schemas.command').then((m) => m.registerSchemas),
};

export const VERSION = '0.1.0';

/**
 * Builds the `dengbao` command line with the commands `argv` needs: the named command only, or
 * all of them when none is named (help) or the name is unknown (so commander can suggest one).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('dengbao')
    .description('dengbao — MLPS (网络安全等级保护) grading, filing and obligations')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError();
  const named = argv.find((a) => !a.startsWith('-'));
  const onlyVersion = named === undefined && argv.some((a) => a === '--version' || a === '-V');
  const loaders =
    named !== undefined && named in COMMANDS
      ? [COMMANDS[named]!]
      : onlyVersion
        ? []
        : [...new Set(Object.values(COMMANDS))];
  const registered = new Set<Register>();
  for (const register of await Promise.all(loaders.map((load) => load()))) {
    if (registered.has(register)) continue; // backup and restore share a module
    registered.add(register);
    register(program);
  }
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync([...argv], { from: 'user' });
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
