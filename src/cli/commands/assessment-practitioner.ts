/**
 * `dengbao assessment import --layout auto`: an assessor's own workbook, previewed per sheet
 * (--dry-run) or imported all or nothing. Kinds the import inferred can be confirmed or changed
 * with `--kind "sheet=kind"` (the kind's code or its Chinese name).
 */
import { CLI_ACTOR } from '../../app/actor';
import { practitionerImportCommand } from '../../app/assessment/practitioner/import';
import type { AppContext } from '../../app/context';
import {
  TEST_OBJECT_KIND_ZH,
  TEST_OBJECT_KINDS,
  type TestObjectKind,
} from '../../shared/assessment-vocabulary';
import type { PractitionerImportDto, PractitionerNoteDto } from '../../shared/practitioner-import';
import { say } from '../../shared/vocabulary';
import { formatTable, UsageError } from '../io';

/** Commander collector of repeated `--kind "sheet=kind"`. */
export const collectKind = (value: string, previous: string[]): string[] => [...previous, value];

/** `sheet=kind` pairs as a map; the kind by its code or Chinese name. */
export function kindsFromOptions(values: readonly string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    if (at <= 0) {
      throw new UsageError(
        `--kind "${value}": write it as "sheet=kind", e.g. "核心交换机=network_device"`,
      );
    }
    const sheet = value.slice(0, at).trim();
    const given = value.slice(at + 1).trim();
    const kind = (TEST_OBJECT_KINDS as readonly string[]).includes(given)
      ? given
      : TEST_OBJECT_KINDS.find((k) => TEST_OBJECT_KIND_ZH[k] === given);
    if (!kind) {
      throw new UsageError(
        `--kind "${value}": unknown kind "${given}"; one of ${TEST_OBJECT_KINDS.join(', ')}`,
      );
    }
    out[sheet] = kind;
  }
  return out;
}

export interface PractitionerCliOptions {
  readonly org: string;
  readonly id: string;
  readonly dryRun?: boolean;
  readonly skipUnmatched?: boolean;
  readonly kind?: readonly string[];
  readonly json?: boolean;
}

/** Runs the import and prints it; the exit code says whether the file can be (or was) imported. */
export async function practitionerImportAction(
  ctx: AppContext,
  file: string,
  buffer: Buffer,
  opts: PractitionerCliOptions,
): Promise<string> {
  const kinds = kindsFromOptions(opts.kind ?? []);
  const answer = await practitionerImportCommand(ctx, CLI_ACTOR, opts.org, opts.id, buffer, {
    dryRun: opts.dryRun === true,
    skipUnmatched: opts.skipUnmatched === true,
    ...(kinds ? { kinds } : {}),
  });
  const refused =
    answer.totals.problems > 0 || (answer.totals.unmatched > 0 && opts.skipUnmatched !== true);
  if (answer.dryRun && refused) process.exitCode = 1;
  if (opts.json) return JSON.stringify(answer, null, 2);
  return describePreview(file, answer, opts.skipUnmatched === true);
}

const line = (n: PractitionerNoteDto) => {
  const place = [n.row !== null ? `row ${n.row}` : '', n.column ? `column ${n.column}` : '']
    .filter(Boolean)
    .join(' ');
  return `${place ? `${place}: ` : ''}${say(n.code, n.params, 'zh')}`;
};

/** The preview (or what was written) as text: a table of sheets, then what needs attention. */
export function describePreview(
  file: string,
  answer: PractitionerImportDto,
  skipUnmatched: boolean,
): string {
  const out: string[] = [];
  const rows = answer.sheets.map((s) => [
    s.sheet,
    s.object?.name ?? '—',
    s.object
      ? `${TEST_OBJECT_KIND_ZH[s.object.kind as TestObjectKind] ?? s.object.kind}${s.object.kindGuessed ? ' ?' : ''}${s.object.existingId ? ' (existing)' : ''}`
      : s.status === 'items'
        ? 'not created: no row matched'
        : s.status === 'no_header'
          ? 'left out: no header'
          : s.status === 'summary'
            ? 'left out: summary sheet'
            : 'left out: no rows',
    s.object?.attributes.ipAddresses.join(', ') ?? '',
    s.object?.attributes.version ?? '',
    s.status === 'items' ? `${s.matched}/${s.rows}` : '',
    s.status === 'items' ? String(s.results) : '',
    s.unmatched.length ? String(s.unmatched.length) : '',
    s.problems.length ? String(s.problems.length) : '',
  ]);
  out.push(
    formatTable(
      ['sheet', 'object', 'kind', 'IP', 'version', 'matched', 'results', 'unmatched', 'problems'],
      rows,
    ),
  );
  const t = answer.totals;
  out.push(
    '',
    `${file}: level ${answer.level}, ${t.sheets} object sheet(s), ${t.rows} row(s): ${t.matched} matched, ${t.results} with a result, ${t.unmatched} unmatched, ${t.problems} problem(s); ${t.objectsToCreate} object(s) to create`,
  );
  for (const p of answer.problems) out.push(`  problem: ${line(p)}`);
  for (const s of answer.sheets) {
    for (const p of s.problems) out.push(`  problem  ${s.sheet} ${line(p)}`);
    for (const u of s.unmatched) out.push(`  unmatched ${s.sheet} ${line(u)}`);
    for (const w of s.warnings) out.push(`  note     ${s.sheet} ${line(w)}`);
  }
  if (answer.written) {
    const w = answer.written;
    out.push(
      `imported: ${w.objectsCreated} object(s) created; results ${w.created} new, ${w.updated} changed, ${w.unchanged} unchanged${w.unmatchedLeftOut ? `; ${w.unmatchedLeftOut} unmatched row(s) left out` : ''}`,
    );
  } else if (t.problems > 0) {
    out.push('dry run: the file has problems; fix them before importing');
  } else if (t.unmatched > 0 && !skipUnmatched) {
    out.push('dry run: import with --skip-unmatched to leave the unmatched rows out, or fix them');
  } else {
    out.push('dry run: nothing written; run again without --dry-run to import');
  }
  return out.join('\n');
}
