import type { Command } from 'commander';
import { parseStructuredFile } from '../../app/structured-file';
import { gradeSystem } from '../../domain/mlps/grading';
import { LABELS_ZH } from '../../shared/mlps';
import { GradingInputSchema } from '../../shared/schemas';
import { formatTable, readInput } from '../io';

export function registerGrade(program: Command): void {
  program
    .command('grade')
    .description('grade a system under GB/T 22240-2020 from a JSON or YAML file (or stdin)')
    .argument(
      '[file]',
      'grading input (see docs/schemas/grading-input.schema.json); - or omitted for stdin',
    )
    .option('--json', 'print the result as JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const input = readInput(file);
      const result = gradeSystem(parseStructuredFile(input.text, GradingInputSchema, input.name));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const rows = [result.businessInformation, result.systemService].flatMap((d) =>
        d.cells.map((c) => [
          LABELS_ZH.dimension[d.dimension],
          LABELS_ZH.object[c.object],
          LABELS_ZH.degree[c.degree],
          `第${c.level}级${d.decisiveCells.includes(c) ? ' *' : ''}`,
        ]),
      );
      process.stdout.write(
        `${formatTable(['维度', '受侵害的客体', '侵害程度', '等级'], rows)}\n\n`,
      );
      process.stdout.write(`业务信息安全保护等级: 第${result.businessInformation.level}级\n`);
      process.stdout.write(`系统服务安全保护等级: 第${result.systemService.level}级\n`);
      process.stdout.write(
        `安全保护等级: ${LABELS_ZH.level[result.level]}  (依据 GB/T 22240-2020，取两个维度的较高者；* 为决定等级的格)\n`,
      );
    });
}
