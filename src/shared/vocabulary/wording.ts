/**
 * The standard's own wording (标准原文) an organisation loads from its licensed copy or an
 * imported workbook (src/app/assessment/wording.ts), and the parts of the assessment workbook's
 * Excel file added with it (src/app/assessment-excel.ts: 结果记录 required, the 安全问题 sheet).
 */
import type { WordTable } from './types';

/** Messages of the wording import (area `wording`). */
export const WORDING = {
  problems: {
    en: 'the wording file has {count} problem(s); nothing was stored',
    zh: '标准原文文件有 {count} 处问题，未保存任何内容',
  },
  empty_file: { en: 'the wording file is empty', zh: '标准原文文件为空' },
  too_large: {
    en: 'the wording file has {size}; at most {max} is accepted',
    zh: '标准原文文件大小为 {size}，最多接受 {max}',
  },
  format_unknown: {
    en: 'not a wording file: send an .xlsx or .csv table with 编号 or 条款 and 测评项 (or 原文), or a YAML/JSON list of {requirementId, level, text}',
    zh: '不是标准原文文件：请上传含“编号”或“条款”及“测评项”（或“原文”）列的 .xlsx / .csv 表格，或由 {requirementId, level, text} 组成的 YAML/JSON 列表',
  },
  not_text: {
    en: 'the file is neither UTF-8 nor GB18030 text',
    zh: '文件既不是 UTF-8 也不是 GB18030 编码的文本',
  },
  csv_unclosed: {
    en: 'line {row}: a quoted field has no closing quote',
    zh: '第 {row} 行：引号内的字段缺少结束引号',
  },
  header_missing: {
    en: 'no header row with 编号 or 条款 and with 测评项, 原文 or 标准原文 in the first {rows} rows',
    zh: '前 {rows} 行中没有同时含“编号”或“条款”以及“测评项”“原文”或“标准原文”的表头行',
  },
  id_missing: {
    en: 'the row has a text but neither 编号 nor 条款',
    zh: '该行有原文，但“编号”和“条款”都为空',
  },
  id_unknown: {
    en: '{id} is not a requirement item of GB/T 22239-2019 in the catalog (use an id such as 8.1.4.1-a)',
    zh: '{id} 不是目录中 GB/T 22239-2019 的测评项编号（应形如 8.1.4.1-a）',
  },
  clause_unknown: {
    en: 'clause “{clause}” is not a requirement item of GB/T 22239-2019 at any level (use a clause such as 8.1.4.1 a))',
    zh: '条款“{clause}”不是 GB/T 22239-2019 任一级别的测评项（应形如 8.1.4.1 a)）',
  },
  clause_other_item: {
    en: 'clause {clause} is item {found} at level {level}, not {id}',
    zh: '条款 {clause} 是第{level}级的测评项 {found}，不是 {id}',
  },
  clause_other_level: {
    en: 'clause {clause} belongs to level {found}, but the row says level {level}',
    zh: '条款 {clause} 属于第{found}级，但该行的等级为第{level}级',
  },
  level_invalid: {
    en: 'the level “{given}” is not one of 1, 2, 3, 4 (or 第一级 … 第四级); leave it empty for every level',
    zh: '等级“{given}”无效：应为 1、2、3、4（或第一级至第四级）；对所有级别适用时请留空',
  },
  not_at_level: {
    en: '{id} is not a requirement item at level {level}',
    zh: '{id} 不是第{level}级的测评项',
  },
  text_missing: {
    en: 'the wording text of {id} is empty',
    zh: '{id} 的原文为空',
  },
  text_too_long: {
    en: 'the wording text has {length} characters; at most {max}',
    zh: '原文有 {length} 个字符，最多 {max} 个',
  },
  twice: {
    en: '{id} ({levels}) is given twice; first at {first}',
    zh: '{id}（{levels}）重复出现；首次出现在 {first}',
  },
  too_many: {
    en: 'the file holds {count} entries; at most {max}',
    zh: '文件中有 {count} 条原文，最多 {max} 条',
  },
  every_level: { en: 'every level', zh: '所有级别' },
  cli_source: {
    en: '--source must be {choices}, got "{given}"',
    zh: '--source 应为 {choices}，而不是“{given}”',
  },
  cli_too_large: {
    en: '{file} has {size} bytes; at most {max}',
    zh: '{file} 有 {size} 字节，最多 {max} 字节',
  },
  cli_unreadable: { en: 'cannot read {file}: {reason}', zh: '无法读取 {file}：{reason}' },
  cli_no_organisation: {
    en: 'there is no organisation yet (dengbao orgs create)',
    zh: '还没有组织（请先运行 dengbao orgs create）',
  },
  cli_which_organisation: {
    en: 'there are {count} organisations; name one with --org <id> (dengbao orgs list)',
    zh: '共有 {count} 个组织；请用 --org <id> 指定一个（见 dengbao orgs list）',
  },
} as const satisfies WordTable;

/** Messages of the assessment workbook's Excel file added in issue 14 (area `workbook_xlsx`). */
export const WORKBOOK_XLSX = {
  record_required: {
    en: '{resultZh} ({result}) needs a 结果记录 saying what was seen (结果记录为空)',
    zh: '选择“{resultZh}”时必须填写结果记录（说明现场所见）',
  },
  finding_not_in_baseline: {
    en: "{id} on the 安全问题 sheet is not a requirement of this assessment's baseline",
    zh: '“安全问题”工作表中的 {id} 不在本次测评的基线中',
  },
  case_not_linked: {
    en: 'high-risk case {caseId} is not linked to {id} at this level (高风险案例与测评项不对应)',
    zh: '高风险案例 {caseId} 与测评项 {id} 在本级别下不对应',
  },
  case_missing: {
    en: 'this row has no high-risk case; leave 已见情形 and 缓解措施 empty',
    zh: '该行没有关联的高风险案例；“已见情形”和“缓解措施”请留空',
  },
  entry_unknown: {
    en: '“{given}” is neither a number from 1 to {max} nor the text of one of case {caseId}’s entries',
    zh: '“{given}”既不是 1 至 {max} 的序号，也不是案例 {caseId} 中某一条的原文',
  },
  entry_none: {
    en: '“{given}” is given, but case {caseId} lists no mitigations',
    zh: '填写了“{given}”，但案例 {caseId} 没有可列的缓解措施',
  },
  risk_invalid: {
    en: '确认风险 “{given}” is not 高风险, 中风险 or 低风险 (leave it empty to keep only the suggestion)',
    zh: '确认风险“{given}”无效：应为高风险、中风险或低风险（留空表示仅保留建议）',
  },
  risk_differs: {
    en: 'the finding {id} has a different 确认风险 in row {row}; give one value on all its rows',
    zh: '问题 {id} 在第 {row} 行的确认风险与此不同；同一问题的各行应填写相同的值',
  },
  finding_twice: {
    en: 'case {caseId} of {id} is already listed in row {row}',
    zh: '测评项 {id} 的案例 {caseId} 已在第 {row} 行列出',
  },
} as const satisfies WordTable;
