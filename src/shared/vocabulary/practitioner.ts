/**
 * Importing an assessor's own workbook (practitioner layout: one sheet per test object, columns
 * 扩展标准 | 控制点 | 测评项 | 结果记录 | 符合情况, weights and item codes without a header) in
 * words: refusals, why a row was not matched, problems that block the import, and warnings.
 * Area `practitioner` (src/app/assessment/practitioner).
 */
import type { WordTable } from './types';

export const PRACTITIONER = {
  // Refusals of the whole file.
  xls_refused: {
    en: 'this is an Excel 97–2003 file (.xls), which is not read; open it in Excel or WPS and save it as .xlsx, then import that file',
    zh: '这是 Excel 97–2003 格式（.xls）的文件，无法读取；请用 Excel 或 WPS 打开后另存为 .xlsx，再导入该文件',
  },
  no_sheets: {
    en: 'no sheet has a header row with 控制点 and 测评项 (or their usual names) in its first {rows} rows; nothing to import',
    zh: '没有任何工作表在前 {rows} 行中有含“控制点”和“测评项”（或常用同义列名）的表头；没有可导入的内容',
  },
  problems: {
    en: 'the workbook has {count} problem(s); nothing was imported',
    zh: '工作簿中有 {count} 处问题，未导入任何内容',
  },
  unmatched: {
    en: '{count} row(s) could not be matched to this assessment’s baseline; correct them, or confirm to leave them out',
    zh: '有 {count} 行无法对应到本次测评的基线；请修改这些行，或确认跳过它们',
  },
  changed_meanwhile: {
    en: 'the assessment’s test objects changed since the preview; preview the file again',
    zh: '预览之后测评对象已有变化，请重新预览该文件',
  },
  // Sheets left out.
  sheet_no_header: {
    en: 'no header row with 控制点 and 测评项 in the first {rows} rows: not a test-object sheet, left out',
    zh: '前 {rows} 行中没有含“控制点”和“测评项”的表头，不是测评对象工作表，已跳过',
  },
  sheet_no_rows: {
    en: 'the sheet has a header but no 测评项 rows: left out',
    zh: '该工作表有表头但没有测评项行，已跳过',
  },
  column_missing: {
    en: 'column {column} not found in the header (row {row}); its usual names: {names}',
    zh: '表头（第 {row} 行）中找不到“{column}”列；常用列名：{names}',
  },
  // Kinds given by the user.
  kind_invalid: {
    en: 'kind “{given}” for sheet {sheet} is not a test-object kind ({kinds})',
    zh: '为工作表“{sheet}”指定的对象类型“{given}”无效（可选：{kinds}）',
  },
  kinds_invalid: {
    en: 'kinds must be a JSON object of sheet name → test-object kind, e.g. {"核心交换机":"network_device"}',
    zh: 'kinds 应为“工作表名称 → 对象类型”的 JSON 对象，例如 {"核心交换机":"network_device"}',
  },
  cli_kind_format: {
    en: '--kind "{value}": write it as "sheet=kind", e.g. "核心交换机=network_device"',
    zh: '--kind "{value}"：请写成“工作表=对象类型”，例如 "核心交换机=network_device"',
  },
  cli_kind_unknown: {
    en: '--kind "{value}": unknown kind "{given}"; one of {kinds}',
    zh: '--kind "{value}"：未知的对象类型“{given}”，可选：{kinds}',
  },
  kind_sheet_unknown: {
    en: 'a kind is given for sheet “{sheet}”, which the workbook does not have as a test-object sheet',
    zh: '为工作表“{sheet}”指定了对象类型，但工作簿中没有这个测评对象工作表',
  },
  kind_existing: {
    en: 'sheet {sheet} is the existing test object {object} ({kind:object_kind}); its kind is changed on the object itself, not by the import',
    zh: '工作表“{sheet}”对应已有的测评对象“{object}”（{kind:object_kind}）；对象类型请在该对象上修改，导入不会更改',
  },
  // Why a row was not matched.
  extension_unknown: {
    en: '扩展标准 “{given}” is not one of GB/T 22239-2019’s (安全通用要求, 云计算/移动互联/物联网/工业控制系统/大数据安全扩展要求)',
    zh: '扩展标准“{given}”不是 GB/T 22239-2019 中的要求类别（安全通用要求，云计算、移动互联、物联网、工业控制系统、大数据安全扩展要求）',
  },
  extension_not_in_baseline: {
    en: '{extension:extension} requirements are not part of this assessment’s baseline',
    zh: '本次测评的基线不包含{extension:extension}',
  },
  control_point_empty: {
    en: 'the row has a 测评项 but no 控制点',
    zh: '该行有测评项但没有控制点',
  },
  item_empty: {
    en: 'the row has a result but no 测评项',
    zh: '该行有测评结果但没有测评项',
  },
  category_unknown: {
    en: 'cannot tell which 安全类 the control point “{controlPoint}” belongs to here ({categories}); name the sheet after the 安全类 or add a 安全类 column',
    zh: '无法判断控制点“{controlPoint}”属于哪个安全类（{categories}）；请以安全类命名工作表，或增加“安全类”列',
  },
  control_point_unknown: {
    en: '控制点 “{controlPoint}” is not a control point of {extension:extension} {category:category} in this assessment’s baseline',
    zh: '控制点“{controlPoint}”不是本次测评基线中{extension:extension}“{category:category}”的控制点',
  },
  letter_unknown: {
    en: '控制点 {controlPoint} ({clause}) has no item {letter}) in this assessment’s baseline (level {level})',
    zh: '本次测评基线（第{level}级）中控制点“{controlPoint}”（{clause}）没有 {letter}）项',
  },
  ordinal_unknown: {
    en: '控制点 {controlPoint} has {count} item(s) at level {level}; this row would be item {ordinal}',
    zh: '控制点“{controlPoint}”在第{level}级只有 {count} 项，该行是第 {ordinal} 项',
  },
  outside_object: {
    en: '{clause} is not in the requirement set of the existing test object {object}',
    zh: '{clause} 不在已有测评对象“{object}”的测评范围内',
  },
  duplicate_conflict: {
    en: '{clause} already appears in row {row} of this sheet with another result or record; row {row} is kept',
    zh: '{clause} 已在本表第 {row} 行出现，且结果或记录不同；保留第 {row} 行',
  },
  // Problems of matched rows (they block the import).
  result_invalid: {
    en: '符合情况 “{given}” is not one of 符合, 部分符合, 不符合, 不适用',
    zh: '符合情况“{given}”不是“符合、部分符合、不符合、不适用”之一',
  },
  result_missing: {
    en: 'the 结果记录 is filled but 符合情况 is empty',
    zh: '已填写结果记录，但符合情况为空',
  },
  record_required: {
    en: '{resultZh} needs a 结果记录 (what was seen on site)',
    zh: '“{resultZh}”必须填写结果记录（现场核查所见）',
  },
  reason_required: {
    en: '{resultZh} needs a reason; this layout has no reason column, so the 结果记录 is used as the reason, and it is empty',
    zh: '“{resultZh}”必须说明原因；此格式没有原因列，以结果记录作为原因，但结果记录为空',
  },
  record_too_long: {
    en: 'the 结果记录 has {length} characters; at most {max}',
    zh: '结果记录有 {length} 字，最多 {max} 字',
  },
  // Warnings (the import goes ahead).
  wording_differs: {
    en: 'the 测评项 wording reads more like {other} than {clause}; check the item letter',
    zh: '测评项的文字更接近 {other} 而不是 {clause}，请核对项号',
  },
  duplicate_same: {
    en: '{clause} appears again in this sheet (row {row}) with the same result; counted once',
    zh: '{clause} 在本表第 {row} 行已出现，结果相同，只计一次',
  },
  weight_differs: {
    en: 'weight {given} differs from {weight} of {clause} in this assessment’s baseline',
    zh: '权重 {given} 与本次测评基线中 {clause} 的权重 {weight} 不同',
  },
  code_differs: {
    en: 'item code {given} differs from {testId} of {clause}',
    zh: '测评项编号 {given} 与 {clause} 的编号 {testId} 不同',
  },
  reasons_from_record: {
    en: '{count} result(s) 部分符合 / 不适用 take their reason from the 结果记录 (this layout has no reason column)',
    zh: '{count} 条“部分符合/不适用”结果以结果记录作为原因说明（此格式没有原因列）',
  },
  totals_ignored: {
    en: '{count} total or subtotal row(s) left out',
    zh: '已忽略 {count} 行合计/小计',
  },
  kind_guessed: {
    en: 'the kind was guessed from the rows (the sheet name does not say it); please confirm',
    zh: '对象类型是根据测评项推断的（工作表名称未体现），请确认',
  },
  no_object: {
    en: 'no row of this sheet matched a requirement: no test object is created for it',
    zh: '本表没有任何一行对应到测评项，不为其创建测评对象',
  },
  existing_object: {
    en: 'the sheet is the existing test object {object}; its results are updated',
    zh: '该工作表对应已有测评对象“{object}”，将更新其测评结果',
  },
} as const satisfies WordTable;
