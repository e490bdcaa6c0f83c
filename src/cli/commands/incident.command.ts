/**
 * `dengbao incident`: the reporting duties of an incident from a few facts (no database), the
 * grading guide's suggestion from measured effects, and the organisation's incident register.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { shippedIncidentCriteria } from '../../catalogs/incident-grading';
import { gradeIncident } from '../../domain/data-security/incident-grading';
import {
  GRADE_LABELS,
  RECIPIENT_LABELS,
  beijingMinute,
  incidentReporting,
} from '../../domain/data-security/incidents';
import {
  INCIDENT_GRADES,
  IncidentMeasuresSchema,
  InstantSchema,
  OPERATOR_KINDS,
  type IncidentGrade,
  type IncidentMeasures,
  type IncidentReportingDutyDto,
  type OperatorKind,
} from '../../shared/data-security-schemas';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { organisationArgument } from '../organisation-argument';

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

const STATE_ZH: Readonly<Record<IncidentReportingDutyDto['state'], string>> = {
  done: '已完成',
  due: '待完成',
  overdue: '已逾期',
  not_required: '无需',
  waiting: '待触发',
};

function instant(name: string, value: string): string {
  if (!InstantSchema.safeParse(value).success)
    throw new UsageError(
      `${name} must be a date and time with its offset, e.g. 2026-03-02T09:15:00+08:00; got "${value}"`,
    );
  return value;
}

/** PT4H → 4小时, PT30M → 30分钟, P30D → 30日, ASAP → 及时 (the trigger is in the duty's title). */
function spanZh(deadline: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(deadline);
  if (deadline === 'ASAP') return '及时';
  if (!m || deadline === 'P' || deadline === 'PT') return deadline;
  return [m[1] && `${m[1]}日`, m[2] && `${m[2]}小时`, m[3] && `${m[3]}分钟`]
    .filter(Boolean)
    .join('');
}

function dutyTable(duties: readonly IncidentReportingDutyDto[]): string {
  return formatTable(
    ['义务', '报告对象', '时限', '截止（北京时间）', '状态'],
    duties.map((d) => [
      d.titleZh,
      d.recipients.map((r) => RECIPIENT_LABELS[r].zh).join('、') || '个人',
      spanZh(d.deadline),
      d.dueAt ? beijingMinute(d.dueAt) : '—',
      STATE_ZH[d.state],
    ]),
  );
}

function readMeasures(text: string, where: string): IncidentMeasures {
  if (Buffer.byteLength(text) > 64 * 1024)
    throw new UsageError(`${where} is larger than 64 KiB; measures are a few numbers`);
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    throw new UsageError(`${where} is not JSON or YAML`);
  }
  const checked = IncidentMeasuresSchema.safeParse(data ?? {});
  if (!checked.success)
    throw new UsageError(
      `${where}: ${checked.error.issues.map((i) => `${i.path.join('.') || '(measures)'} ${i.message}`).join('; ')}`,
    );
  return checked.data;
}

export function registerIncident(program: Command): void {
  const incident = program
    .command('incident')
    .description(
      'cybersecurity incidents (网络安全事件): reporting duties (2025 Measures Art. 4, PIPL Art. 57), grading, the register',
    );

  incident
    .command('duties')
    .description(
      'who must report, to whom and by when, from the facts given — no database (2025 Measures from 2025-11-01, CSL/CII Regulations before)',
    )
    .requiredOption(
      '--found-at <instant>',
      'when the incident was found, e.g. 2026-03-02T09:15:00+08:00',
    )
    .option('--grade <grade>', `the grade: ${INCIDENT_GRADES.join(', ')} (default: not graded)`)
    .requiredOption('--operator <kind>', `the operator: ${OPERATOR_KINDS.join(', ')}`)
    .option('--not-cii', 'a CII operator’s incident that involves none of its CII')
    .option('--pi-leaked <n>', 'individuals whose personal information leaked (PIPL Art. 57)')
    .option('--now <instant>', 'evaluate at this instant (default: now)')
    .option('--json', 'print as JSON')
    .action(
      (opts: {
        foundAt: string;
        grade?: string;
        operator: string;
        notCii?: boolean;
        piLeaked?: string;
        now?: string;
        json?: boolean;
      }) => {
        const foundAt = instant('--found-at', opts.foundAt);
        if (
          opts.grade !== undefined &&
          !(INCIDENT_GRADES as readonly string[]).includes(opts.grade)
        )
          throw new UsageError(
            `--grade must be one of ${INCIDENT_GRADES.join(', ')}; got "${opts.grade}"`,
          );
        if (!(OPERATOR_KINDS as readonly string[]).includes(opts.operator))
          throw new UsageError(
            `--operator must be one of ${OPERATOR_KINDS.join(', ')}; got "${opts.operator}"`,
          );
        let individuals: number | null = null;
        if (opts.piLeaked !== undefined) {
          individuals = Number(opts.piLeaked);
          if (!Number.isSafeInteger(individuals) || individuals < 0)
            throw new UsageError(
              `--pi-leaked must be a whole number of individuals; got "${opts.piLeaked}"`,
            );
        }
        const now = opts.now === undefined ? new Date() : instant('--now', opts.now);
        const operatorKind = opts.operator as OperatorKind;
        const result = incidentReporting(
          {
            id: 'incident',
            foundAt,
            grade: (opts.grade as IncidentGrade | undefined) ?? null,
            measures: individuals === null ? {} : { piLeakedIndividuals: individuals },
            criteriaMet: [],
            involvesCii: operatorKind === 'cii_operator' && !opts.notCii,
            operatorKind,
            piIncident:
              individuals === null
                ? null
                : { individuals, notifiedAt: null, notificationNotRequiredReason: null },
            reports: [],
            handledAt: null,
          },
          now,
        );
        if (opts.json) return print(JSON.stringify(result, null, 2));
        print(
          `制度：${result.regime === '2025-measures' ? '《国家网络安全事件报告管理办法》（2025年11月1日起）' : '2025年11月1日前（网络安全法第二十五条、关键信息基础设施安全保护条例第十八条）'}；报告类别：${result.row.labelZh}；级别：${result.grade ? GRADE_LABELS[result.grade].zh : '未定级'}`,
        );
        print(dutyTable(result.duties));
      },
    );

  incident
    .command('grade')
    .description('the grade the grading guide suggests for measured effects, with the criteria met')
    .option('--measures <json>', 'measures as JSON, e.g. {"piLeakedIndividuals":1200000}')
    .option('--file <path>', 'a JSON or YAML file of measures')
    .option('--criteria <ids>', 'qualitative criteria met, comma-separated ids of the catalog')
    .option('--json', 'print as JSON')
    .action((opts: { measures?: string; file?: string; criteria?: string; json?: boolean }) => {
      if ((opts.measures === undefined) === (opts.file === undefined))
        throw new UsageError('give the measures with either --measures <json> or --file <path>');
      let text: string;
      if (opts.file !== undefined) {
        try {
          text = readFileSync(opts.file, 'utf8');
        } catch {
          throw new UsageError(`cannot read ${opts.file}`);
        }
      } else text = opts.measures ?? '{}';
      const measures = readMeasures(text, opts.file ?? '--measures');
      const ticked = (opts.criteria ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const result = gradeIncident(measures, ticked, shippedIncidentCriteria());
      if (result.unknownCriteria.length)
        throw new UsageError(
          `unknown criteria: ${result.unknownCriteria.join(', ')} (dengbao catalog or GET /api/catalog/incident-grading)`,
        );
      if (opts.json) return print(JSON.stringify(result, null, 2));
      print(`建议级别：${GRADE_LABELS[result.suggestedGrade].zh}（${result.suggestedGrade}）`);
      if (result.criteriaFound.length)
        print(
          formatTable(
            ['条件', '级别', '判定条件', '来源'],
            result.criteriaFound.map((c) => [
              c.id,
              GRADE_LABELS[c.grade].zh,
              c.textZh,
              c.source === 'final-2025' ? '2025正式文本' : '2023征求意见稿（待核实）',
            ]),
          ),
        );
    });

  incident
    .command('list')
    .description('the organisation’s incidents with their reporting duties as of now')
    .option('--org <id>', 'organisation id (default: the only one)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org?: string; json?: boolean }) => {
      const { incidentsQuery } = await import('../../app/data-security/incidents/queries');
      const incidents = await withStore(async (ctx) =>
        incidentsQuery(ctx, await organisationArgument(ctx, opts.org)),
      );
      if (opts.json) return print(JSON.stringify(incidents, null, 2));
      if (incidents.length === 0) return print('（无安全事件）');
      print(
        formatTable(
          ['编号', '事件', '发现时间', '级别', '待办/逾期'],
          incidents.map((i) => {
            const open = i.duties.filter(
              (d) => d.actor === 'operator' && (d.state === 'due' || d.state === 'overdue'),
            );
            return [
              i.code,
              i.title,
              beijingMinute(i.foundAt),
              i.grade
                ? GRADE_LABELS[i.grade].zh
                : `未定级（建议${GRADE_LABELS[i.suggestedGrade].zh}）`,
              `${open.filter((d) => d.state === 'due').length}/${open.filter((d) => d.state === 'overdue').length}`,
            ];
          }),
        ),
      );
    });
}
