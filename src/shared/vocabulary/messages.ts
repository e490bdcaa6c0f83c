/**
 * Messages of errors and validation problems, by code, in Chinese and English. `{name}`
 * is filled from the error's params; `{name:area}` shows the param as a label of that area
 * (`{role:role}` → 组织负责人 / Owner). The English wording is what the API has always sent
 * as `message`; the Chinese goes out as `messageZh`.
 */
import type { WordTable } from './types';

/** Requests and fields (zod schemas in src/shared/*schemas.ts, routes, src/app). */
export const VALIDATION = {
  date_format: { en: 'must be a date in the form YYYY-MM-DD', zh: '日期格式应为 YYYY-MM-DD' },
  date_not_real: { en: 'is not a real calendar date', zh: '不是有效的日历日期' },
  date_range: {
    en: 'must be between 1900-01-01 and 2199-12-31',
    zh: '日期应在 1900-01-01 至 2199-12-31 之间',
  },
  datetime: { en: 'must be an ISO date-time', zh: '应为 ISO 日期时间' },
  harmed_object_required: {
    en: 'at least one harmed object is required',
    zh: '至少选择一个受侵害的客体',
  },
  object_twice: { en: 'object "{object}" is listed twice', zh: '客体“{object:harmed_object}”重复' },
  credit_code: {
    en: 'must be an 18-character unified social credit code',
    zh: '应为18位统一社会信用代码',
  },
  phone: {
    en: 'must be a phone number (digits, spaces, + - ( ))',
    zh: '应为电话号码（数字、空格及 + - ( )）',
  },
  system_type_required: {
    en: 'choose at least one grading-object type',
    zh: '至少选择一种定级对象类型',
  },
  grading_reason_required: {
    en: 'say why the system is graded (or regraded)',
    zh: '请说明定级（或变更等级）的理由',
  },
  not_applicable_reason_required: {
    en: 'give the reason why the obligation does not apply',
    zh: '请说明该义务不适用的理由',
  },
  organisation_id: { en: 'must be an organisation id (UUID)', zh: '应为组织标识（UUID）' },
  system_id: { en: 'must be a system id (UUID)', zh: '应为定级对象标识（UUID）' },
  level_range: { en: 'level must be 1, 2, 3, 4 or 5', zh: '等级应为1至5级' },
  control_characters: {
    en: 'must not contain NUL or other control characters',
    zh: '不能包含 NUL 或其他控制字符',
  },
  max_days: { en: 'at most {days} days', zh: '最长{days}天' },
  invalid: { en: 'invalid', zh: '无效' },
  period_order: {
    en: 'periodEnd must not be before periodStart',
    zh: '结束日期不能早于开始日期',
  },
  reason_required_for: {
    en: 'a reason is required for {resultZh} ({result})',
    zh: '选择“{resultZh}”时必须填写原因说明',
  },
  record_required_for: {
    en: 'say what was seen (结果记录) for {resultZh} ({result}): the finding is built from it',
    zh: '选择“{resultZh}”时必须填写结果记录，安全问题据此描述',
  },
  note_required_for: {
    en: 'a note saying why is required for {resultZh} ({result})',
    zh: '选择“{resultZh}”时必须说明理由',
  },
  listed_twice: { en: '{what:thing} "{name}" is listed twice', zh: '{what:thing}“{name}”重复' },
  asset_self_dependency: { en: 'an asset cannot depend on itself', zh: '资产不能依赖自身' },
  rectification_closes_itself: {
    en: 'a rectification item closes when it is re-tested or its risk accepted — update the item instead (请在整改项中更新状态)',
    zh: '整改项在复测通过或风险接受后关闭；请在整改项中更新状态',
  },
  already_exists: { en: '"{name}" already exists', zh: '“{name}”已存在' },
  system_name_exists: {
    en: 'a system named "{name}" already exists',
    zh: '已存在名为“{name}”的定级对象',
  },
  appears_twice_in_file: {
    en: '"{name}" appears twice in the file',
    zh: '“{name}”在文件中出现两次',
  },
  // The filing profile (src/shared/filing-profile.ts, src/shared/identifiers.ts).
  credit_code_check: {
    en: 'the check character (18th) does not match the first 17 (GB 32100-2015): expected {expected}',
    zh: '校验码（第18位）与前17位不符（GB 32100-2015），应为 {expected}',
  },
  filing_option_code: {
    en: 'must be an option code of the form',
    zh: '应为备案表选项的代码',
  },
  filing_not_option: {
    en: '{code} is not a {list} code; use one of {codes}',
    zh: '“{code}”不是{list}的代码；可选：{codes}',
  },
  absolute_url: { en: 'must be an absolute URL', zh: '应为完整的网址（URL）' },
  filing_profile_problems: {
    en: 'the filing profile has {count} problem(s); nothing was saved',
    zh: '备案信息有 {count} 处问题，未保存',
  },
  filing_option_twice: { en: '{option} is chosen twice', zh: '“{option}”重复选择' },
  filing_other_required: {
    en: 'say what 其他 is ({list})',
    zh: '选择“其他”时请注明具体内容（{list}）',
  },
  filing_count_required: {
    en: 'give how many (跨 N 个) for {option}',
    zh: '请填写“{option}”跨越的个数',
  },
  email: { en: 'must be an e-mail address', zh: '应为电子邮件地址' },
  postal_code: { en: 'must be a 6-digit postal code', zh: '应为6位邮政编码' },
  division_code: {
    en: 'must be a 6-digit administrative division code (GB/T 2260)',
    zh: '应为6位行政区划代码（GB/T 2260）',
  },
  division_code_province: {
    en: 'must begin with a province code of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82)',
    zh: '前两位应为 GB/T 2260 的省级代码（11–15、21–23、31–37、41–46、50–54、61–65、71、81、82）',
  },
  person_name_required: { en: 'give the name', zh: '请填写姓名' },
  data_category_name_required: { en: 'give the data category name', zh: '请填写数据类别名称' },
  data_volume_required: { en: 'give the volume', zh: '请填写数据量' },
  data_location_required: { en: 'give where the data is stored', zh: '请填写数据存储位置' },
  cross_border_destinations_required: {
    en: 'name the destinations of a category that crosses the border',
    zh: '数据出境时请填写出境目的国家或地区',
  },
  plan_assets_required: { en: 'describe the assets', zh: '请描述资产情况' },
  plan_measures_required: {
    en: 'describe the existing measures',
    zh: '请描述已有安全保护措施',
  },
  plan_causes_required: { en: 'give the root causes of the issues', zh: '请填写问题根源' },
  plan_approach_required: { en: 'give the remediation approach', zh: '请填写整改思路' },
  plan_schedule_required: {
    en: 'give the remediation plan and schedule',
    zh: '请填写整改计划及进度安排',
  },
  domestic_rate_required: {
    en: 'give the share of domestic products when they are partly used',
    zh: '部分使用国产品时请填写使用率',
  },
  parent_system_required: {
    en: 'name the parent system of a sub-system',
    zh: '分系统请填写上级系统名称',
  },
} as const satisfies WordTable;

/** Passwords, accounts and roles. */
export const ACCOUNT = {
  password_same: { en: 'must differ from the current password', zh: '新密码不能与当前密码相同' },
  password_mismatch: { en: 'does not match', zh: '与当前密码不符' },
  password_contains_username: { en: 'must not contain the user name', zh: '不能包含用户名' },
  password_common: {
    en: 'is one of the most common passwords (or one with digits or symbols added)',
    zh: '是最常见的密码之一（或只在其后加了数字或符号）',
  },
  password_min_length: { en: 'must be at least {min} characters', zh: '长度至少{min}个字符' },
  password_classes: {
    en: 'must mix at least {n} of: lower-case, upper-case, digits, symbols',
    zh: '须包含小写字母、大写字母、数字、符号中的至少{n}类',
  },
  own_role: {
    en: 'nobody changes their own role: ask another administrator',
    zh: '任何人都不能修改自己的角色，请由其他管理员操作',
  },
  may_not_grant: {
    en: 'the role {actor} may not grant the role {role}',
    zh: '角色“{actor:role}”无权授予角色“{role:role}”',
  },
  may_not_take_away: {
    en: 'the role {actor} may not take away the role {role}',
    zh: '角色“{actor:role}”无权撤销角色“{role:role}”',
  },
  may_not_create_token: {
    en: 'the role {actor} may not create a token for the role {role}',
    zh: '角色“{actor:role}”无权创建角色为“{role:role}”的令牌',
  },
} as const satisfies WordTable;

/** The errors of src/errors.ts and the server's error handler (top-level `message`). */
export const ERROR = {
  invalid_request: { en: 'invalid {where:where}', zh: '请求{where:where}无效' },
  not_found: { en: '{entity} {id} not found', zh: '{entity:thing}不存在（{id}）' },
  version_conflict: {
    en: '{entity} was changed by someone else (now version {version}); reload and apply your change again',
    zh: '{entity:thing}已被他人修改（当前版本 {version}），请刷新后重新修改',
  },
  unauthenticated: {
    en: 'sign in first (session cookie or API token)',
    zh: '请先登录（会话或 API 令牌）',
  },
  rate_limited: {
    en: 'too many attempts; retry in {seconds} seconds',
    zh: '尝试次数过多，请在 {seconds} 秒后重试',
  },
  db_unique: {
    en: '{table}: this already exists (created at the same time by another request); reload',
    zh: '该记录已存在（另一个请求同时创建了它），请刷新',
  },
  db_foreign_key: {
    en: 'a row this refers to was changed or removed meanwhile; reload',
    zh: '所引用的记录已被修改或删除，请刷新',
  },
  db_busy: {
    en: 'the database was busy with a concurrent change; try again',
    zh: '数据库正忙于处理并发修改，请重试',
  },
  db_value_refused: {
    en: 'a value is not accepted by the database',
    zh: '数据库不接受某个值',
  },
  db_value_detail: {
    en: 'a value is out of range, too long or contains a NUL byte',
    zh: '某个值超出范围、过长或包含 NUL 字符',
  },
  internal: { en: 'internal error; see the server log', zh: '服务器内部错误，请查看服务器日志' },
  assessment_completed: {
    en: 'the assessment is completed; reopen it (status in_progress) to change it',
    zh: '该测评已完成；如需修改，请先重新打开（状态改为进行中）',
  },
  rectification_closes_itself: {
    en: 'rectification items close themselves',
    zh: '整改项会自行关闭，不能在义务中标记',
  },
  data_integrity_binding: {
    en: 'a stored encrypted field belongs to another row',
    zh: '存储的加密字段属于另一行（被复制或移动到此处），已拒绝读取；请从备份恢复该字段',
  },
  data_integrity: {
    en: 'a stored encrypted field cannot be decrypted',
    zh: '存储的加密字段无法解密（被篡改、密钥缺失或不匹配），已拒绝读取；请检查密钥或从备份恢复',
  },
} as const satisfies WordTable;

/** Where a request went wrong (`invalid body`). */
export const WHERE = {
  body: { en: 'body', zh: '内容' },
  querystring: { en: 'querystring', zh: '查询参数' },
  params: { en: 'params', zh: '路径参数' },
  headers: { en: 'headers', zh: '请求头' },
} as const satisfies WordTable;

/** Reading an uploaded .xlsx workbook (src/spreadsheet). */
export const XLSX = {
  unreadable: {
    en: 'the workbook cannot be read; nothing was imported',
    zh: '无法读取该工作簿，未导入任何内容',
  },
  not_xlsx: {
    en: 'the file is not an .xlsx workbook (不是 .xlsx 文件); save it from Excel or WPS as “Excel 工作簿 (*.xlsx)”',
    zh: '不是 .xlsx 文件；请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”',
  },
  corrupt: {
    en: 'the file cannot be read as an .xlsx workbook (无法读取，文件可能已损坏); save it again from Excel or WPS as “Excel 工作簿 (*.xlsx)”',
    zh: '无法读取，文件可能已损坏；请在 Excel 或 WPS 中重新另存为“Excel 工作簿 (*.xlsx)”',
  },
  sheet_part_missing: {
    en: "the file cannot be read as an .xlsx workbook (无法读取，文件可能已损坏); save it again from Excel or WPS as “Excel 工作簿 (*.xlsx)” — the sheet's part is missing",
    zh: '无法读取，文件可能已损坏（缺少该工作表的内容）；请在 Excel 或 WPS 中重新另存为“Excel 工作簿 (*.xlsx)”',
  },
  too_many_merges: {
    en: 'the file cannot be read as an .xlsx workbook (无法读取，文件可能已损坏); save it again from Excel or WPS as “Excel 工作簿 (*.xlsx)” — too many merged ranges',
    zh: '无法读取：合并单元格过多；请在 Excel 或 WPS 中重新另存为“Excel 工作簿 (*.xlsx)”',
  },
  encrypted: {
    en: 'the workbook is encrypted or password-protected (文件已加密); save it without a password and import again',
    zh: '文件已加密或设有密码；请去掉密码另存后再导入',
  },
  too_large_inflated: {
    en: 'the workbook unpacks to more than {size} (文件解压后超过 {size}，已拒绝); it is refused — split it into smaller workbooks',
    zh: '文件解压后超过 {size}，已拒绝；请拆分为较小的工作簿',
  },
  text_too_long: {
    en: 'the workbook holds a text or comment of more than {length} characters (文件中的文本过长); it is refused',
    zh: '文件中有超过 {length} 个字符的文本或批注，已拒绝',
  },
  too_many_sheets: {
    en: 'the workbook has more than {max} sheets (工作表超过 {max} 个); split it into several workbooks',
    zh: '工作表超过 {max} 个；请拆分为多个工作簿',
  },
  too_many_texts: {
    en: 'the workbook holds more than {max} texts (文本单元格过多); split it into smaller workbooks',
    zh: '文本单元格超过 {max} 个；请拆分为较小的工作簿',
  },
  cell_too_long: {
    en: 'the cell holds {length} characters, more than {max} (单元格文本超过 {max} 个字符)',
    zh: '单元格有 {length} 个字符，超过 {max} 个字符的上限',
  },
  too_many_columns: {
    en: 'a value in column {column} is beyond the {max} columns allowed (列数超过 {max}); remove the cells far to the right',
    zh: '第 {column} 列有内容，超出允许的 {max} 列；请删除右侧多余的单元格',
  },
  too_many_cells: {
    en: 'the workbook has more than {max} cells with values (单元格超过 {max} 个); split it into smaller workbooks',
    zh: '有内容的单元格超过 {max} 个；请拆分为较小的工作簿',
  },
  too_many_cells_merged: {
    en: 'the workbook has more than {max} cells with values, merged cells counted (单元格超过 {max} 个); split it into smaller workbooks',
    zh: '有内容的单元格（含合并单元格）超过 {max} 个；请拆分为较小的工作簿',
  },
  too_many_rows: {
    en: 'the sheet has more than {max} data rows (数据行超过 {max} 行); split the workbook',
    zh: '工作表的数据行超过 {max} 行；请拆分工作簿',
  },
  out_of_memory: {
    en: 'reading the workbook needs more than the {mb} MB of memory allowed (文件内容过大，超出导入可用内存); split it into smaller workbooks',
    zh: '文件内容过大，读取需要超过 {mb} MB 的可用内存；请拆分为较小的工作簿',
  },
  timeout: {
    en: 'reading the workbook took longer than {seconds} s (读取超时); split it into smaller workbooks',
    zh: '读取超时（超过 {seconds} 秒）；请拆分为较小的工作簿',
  },
  too_large_file: {
    en: 'the file is {size}, larger than {max} (文件过大); split it into several workbooks',
    zh: '文件大小为 {size}，超过上限 {max}；请拆分为多个工作簿',
  },
  empty_file: { en: 'the file is empty (文件为空)', zh: '文件为空' },
  too_small: {
    en: 'the file has only {bytes} bytes: it is not an .xlsx workbook (文件过小，不是完整的 .xlsx 文件)',
    zh: '文件只有 {bytes} 字节，不是完整的 .xlsx 文件',
  },
  cell_invalid_date: { en: 'the cell holds an invalid date (日期无效)', zh: '单元格中的日期无效' },
  cell_error: {
    en: 'the cell holds the error {error} (单元格为错误值)',
    zh: '单元格为错误值 {error}',
  },
  formula_without_result: {
    en: 'the formula has no saved result (公式没有计算结果); open the file in Excel or WPS and save it again',
    zh: '公式没有计算结果；请在 Excel 或 WPS 中打开并重新保存',
  },
  problems: {
    en: 'the workbook has {count} problem(s); nothing was imported',
    zh: '工作簿有 {count} 处问题，未导入任何内容',
  },
} as const satisfies WordTable;

/** The level-assessment workbook (src/app/assessment-excel.ts). */
export const ASSESSMENT_XLSX = {
  guide_missing: {
    en: 'the 说明 sheet is missing (缺少“说明”工作表); it maps each sheet to its test object — export the workbook again and fill that copy',
    zh: '缺少“说明”工作表（它列出每个工作表对应的测评对象）；请重新导出工作簿并在导出的副本中填写',
  },
  unknown_sheet: {
    en: 'no test object is mapped to this sheet in the 说明 table (未知工作表); restore its exported name or remove the sheet',
    zh: '未知工作表：“说明”表中没有与之对应的测评对象；请恢复导出时的名称或删除该工作表',
  },
  object_twice: {
    en: 'sheet {other} is already the sheet of {object}; the same test object cannot have two sheets (同一测评对象出现两次) — keep one',
    zh: '工作表 {other} 已对应测评对象“{object}”，同一测评对象不能有两个工作表；请保留一个',
  },
  other_assessment: {
    en: 'this workbook was exported from another assessment ({value}), not from “{title}” (不是本次测评导出的文件)',
    zh: '该工作簿导出自另一次测评（{value}），不是“{title}”导出的文件',
  },
  map_missing: {
    en: 'the 测评对象 table (columns 工作表 and 对象编号) is missing from the 说明 sheet (缺少工作表与测评对象的对应表)',
    zh: '“说明”工作表缺少工作表与测评对象的对应表（“工作表”和“对象编号”两列）',
  },
  sheet_name_empty: { en: 'the sheet name is empty (工作表名称为空)', zh: '工作表名称为空' },
  object_id_empty: {
    en: 'the object id of sheet {sheet} is empty (对象编号为空)',
    zh: '工作表 {sheet} 的对象编号为空',
  },
  object_unknown: {
    en: 'no test object {id} in this assessment (测评对象不存在，可能已被删除); add the object again and export a new workbook',
    zh: '本次测评中没有测评对象 {id}（可能已被删除）；请重新添加该对象并导出新的工作簿',
  },
  sheet_listed_twice: {
    en: 'sheet {sheet} is already listed in row {row} (工作表重复)',
    zh: '工作表 {sheet} 已在第 {row} 行列出（工作表重复）',
  },
  column_missing: {
    en: 'the required column {column} is missing (缺少必需列“{column}”); restore the header row as exported',
    zh: '缺少必需列“{column}”；请按导出时的样子恢复表头行',
  },
  id_empty: {
    en: 'the row has content but no 编号 (编号为空); the requirement id is how a row is matched',
    zh: '该行有内容但编号为空；系统按编号匹配测评项',
  },
  requirement_twice: {
    en: 'requirement {id} already appears in row {row} of this sheet (重复行); keep one row',
    zh: '测评项 {id} 已出现在本工作表第 {row} 行（重复行）；请保留一行',
  },
  not_in_baseline: {
    en: "{id} is not a requirement of this assessment's baseline (编号不在本次测评的基线中); it is reported, not guessed — restore the exported 编号",
    zh: '编号 {id} 不在本次测评的基线中；系统不会猜测，请恢复导出时的编号',
  },
  not_for_object: {
    en: '{id} ({category:category}) does not apply to {object}, a {kind:object_kind} object (该测评项不适用于此类测评对象)',
    zh: '{id}（{category:category}）不适用于测评对象“{object}”（{kind:object_kind}）',
  },
  text_changed: {
    en: 'requirement text changed (测评项内容被修改); it must read as in the baseline: “{text}”',
    zh: '测评项内容被修改；应与基线一致：“{text}”',
  },
  clause_changed: {
    en: '条款 must be {clause} for {id}, not “{given}” (条款与编号不一致)',
    zh: '编号 {id} 的条款应为 {clause}，而不是“{given}”（条款与编号不一致）',
  },
  weight_not_number: {
    en: '权重 “{given}” is not a number (权重不是数字); it comes from the baseline — restore {weight}',
    zh: '权重“{given}”不是数字；权重来自基线，请恢复为 {weight}',
  },
  weight_changed: {
    en: '权重 was changed to {given}; it comes from the baseline and must stay {weight} (权重不可修改)',
    zh: '权重被改为 {given}；权重来自基线，应保持为 {weight}（权重不可修改）',
  },
  record_too_long: {
    en: '结果记录 has {length} characters; at most {max} (结果记录过长)',
    zh: '结果记录有 {length} 个字符，最多 {max} 个（结果记录过长）',
  },
  reason_too_long: {
    en: '原因说明 has {length} characters; at most {max} (原因说明过长)',
    zh: '原因说明有 {length} 个字符，最多 {max} 个（原因说明过长）',
  },
  result_missing: {
    en: '{field} is given but 符合情况 is empty (填写了记录但未选择符合情况); choose 符合, 部分符合, 不符合 or 不适用',
    zh: '填写了{field}但未选择符合情况；请选择符合、部分符合、不符合或不适用',
  },
  result_invalid: {
    en: '“{given}” is not a result (符合情况无效); use 符合, 部分符合, 不符合 or 不适用',
    zh: '“{given}”不是有效的符合情况；请填写符合、部分符合、不符合或不适用',
  },
  reason_required: {
    en: '{result:item_result} needs a reason (选择“{resultZh}”时必须填写原因说明)',
    zh: '选择“{result:item_result}”时必须填写原因说明',
  },
} as const satisfies WordTable;

/** The CII workbook (src/app/cii-excel.ts). */
export const CII_XLSX = {
  unwritable: {
    en: '{count} value(s) cannot be written to the workbook so that it reads back the same; change them or use the YAML/JSON file',
    zh: '有 {count} 个值无法写入工作簿并原样读回；请修改这些值，或改用 YAML/JSON 文件',
  },
  name_has_separator: {
    en: '“{name}” contains “；”, “;” or “：”, which separate the list in the workbook cell',
    zh: '“{name}”含有“；”“;”或“：”，这些符号在工作簿单元格中用于分隔列表',
  },
  name_ends_with_star: {
    en: '“{name}” ends with “*”, which marks an important category in the workbook',
    zh: '“{name}”以“*”结尾，该符号在工作簿中表示重要类别',
  },
  description_has_separator: {
    en: 'the description contains “；” or “;”, which separate the list in the workbook cell',
    zh: '描述含有“；”或“;”，这些符号在工作簿单元格中用于分隔列表',
  },
  list_too_long: {
    en: 'the list is longer than an Excel cell can hold ({max} characters)',
    zh: '列表超过 Excel 单元格可容纳的长度（{max} 个字符）',
  },
  sheet_missing: {
    en: 'the sheet {sheet} is missing (缺少“{sheet}”工作表); export the workbook again and keep every sheet, even an empty one',
    zh: '缺少“{sheet}”工作表；请重新导出工作簿并保留每个工作表（即使为空）',
  },
  column_twice: {
    en: 'the column {column} appears twice (列重复, columns {first} and {second}); keep one',
    zh: '列“{column}”出现两次（第 {first} 列和第 {second} 列）；请保留一列',
  },
  column_missing: {
    en: 'the column {column} ({columnEn}) is missing (缺少列“{column}”); restore the header row as exported',
    zh: '缺少列“{column}”；请按导出时的样子恢复表头行',
  },
  required: { en: '{column} is empty (必填)', zh: '{column}为必填项，不能为空' },
  asset_kind_invalid: {
    en: '“{given}” is not an asset type (类型无效); use one of {labels} (or the English codes {codes})',
    zh: '“{given}”不是有效的资产类型；请填写以下之一：{labels}',
  },
  asset_code_twice: {
    en: 'code “{code}” is also in row {row} (编码重复); an asset code is listed once',
    zh: '编码“{code}”也出现在第 {row} 行（编码重复）；每个资产编码只能列出一次',
  },
  dependency_kind_invalid: {
    en: '“{given}” is not a dependency kind (依赖类型无效); use one of {labels} (or the English codes {codes})',
    zh: '“{given}”不是有效的依赖类型；请填写以下之一：{labels}',
  },
  business_twice: {
    en: 'core business “{name}” is also in row {row} (核心业务重复); list it once',
    zh: '核心业务“{name}”也出现在第 {row} 行（核心业务重复）；请只列出一次',
  },
  sector_invalid: {
    en: '“{given}” is not a sector (行业领域无效); use one of {labels} (or the English codes {codes})',
    zh: '“{given}”不是有效的行业领域；请填写以下之一：{labels}',
  },
  date_invalid: {
    en: '“{given}” is not a date in the form YYYY-MM-DD (日期无效，应为 YYYY-MM-DD，如 2024-03-15)',
    zh: '“{given}”不是有效日期，应为 YYYY-MM-DD，如 2024-03-15',
  },
  date_serial: {
    en: '“{given}” is not a date in the form YYYY-MM-DD (日期无效，应为 YYYY-MM-DD，如 2024-03-15); it looks like an Excel date serial number: format the cell as text and type the date',
    zh: '“{given}”不是有效日期，应为 YYYY-MM-DD，如 2024-03-15；它像是 Excel 的日期序号，请将单元格设为文本格式后输入日期',
  },
  business_unknown: {
    en: 'no core business named “{name}” on sheet {sheet} (核心业务不存在); add it there or correct the name',
    zh: '工作表“{sheet}”中没有名为“{name}”的核心业务；请在该表中添加或更正名称',
  },
  flow_value_differs: {
    en: "{column} “{value}” differs from “{other}” in row {row} of the same flow “{flow}” (同一信息流的{column}不一致); make them equal or leave it empty after the flow's first row",
    zh: '{column}“{value}”与同一信息流“{flow}”第 {row} 行的“{other}”不一致；请改为相同，或在该信息流第一行之后留空',
  },
  seq_invalid: {
    en: '序号 “{given}” is not a whole number 1, 2, 3 … (序号应为正整数)',
    zh: '序号“{given}”不是正整数（应为 1、2、3 …）',
  },
  stage_invalid: {
    en: '“{given}” is not a life-cycle stage (生命周期阶段无效); use one of {labels} (or the English codes {codes})',
    zh: '“{given}”不是有效的生命周期阶段；请填写以下之一：{labels}',
  },
  seq_twice: {
    en: '序号 {seq} is also in row {row} of flow “{flow}” (序号重复); number the hops 1, 2, 3 … once each',
    zh: '序号 {seq} 也出现在信息流“{flow}”的第 {row} 行（序号重复）；请按 1、2、3 … 编号，每个只用一次',
  },
  seq_gap: {
    en: '序号 {seq} leaves a gap: flow “{flow}” has no hop {missing} (序号不连续); number the hops 1, 2, 3 … without gaps',
    zh: '序号 {seq} 不连续：信息流“{flow}”缺少第 {missing} 环节；请按 1、2、3 … 连续编号',
  },
  follow_external: {
    en: '“{given}” cannot be followed: an external exchange is a boundary point, never inside (对外交换不纳入边界)',
    zh: '“{given}”不能跟随：对外交换是边界点，不纳入边界',
  },
  follow_invalid: {
    en: '“{given}” is not a dependency kind (依赖类型无效); list some of {labels} separated by “；”, “{none}” for none, or leave the cell empty for the default rules',
    zh: '“{given}”不是有效的依赖类型；请填写 {labels} 中的若干项（用“；”分隔），填“{none}”表示都不跟随，或留空使用默认规则',
  },
} as const satisfies WordTable;

/**
 * Messages of use cases, routes and repositories that still throw English text (src/app,
 * src/server, src/store, src/domain): found again from that text, so a Chinese client sees
 * Chinese. When such code moves to `{ code, params }`, its entry stays as it is.
 */
export const APP = {
  cli_as_of_date: {
    en: '--as-of must be a real date YYYY-MM-DD, got "{value}"',
    zh: '--as-of 须为真实日期（YYYY-MM-DD），收到的是“{value}”',
  },
  not_graded: { en: 'the system is not graded yet', zh: '该定级对象尚未定级' },
  grade_before_assessment: {
    en: 'grade the system before starting a level assessment (该系统尚未定级)',
    zh: '请先为该定级对象定级，再开始等级测评',
  },
  grade_before_baseline: {
    en: 'the system has no protection level yet: grade it before asking for its baseline (该系统尚未定级)',
    zh: '该定级对象尚无安全保护等级，请先定级再查看基线',
  },
  rows_not_recorded: { en: 'some rows cannot be recorded', zh: '部分行无法录入' },
  rows_not_reviewed: { en: 'some rows cannot be reviewed', zh: '部分行无法复核' },
  not_in_baseline: {
    en: "{id} is not in this assessment's baseline",
    zh: '{id} 不在本次测评的基线中',
  },
  no_such_test_object: {
    en: 'no such test object in this assessment',
    zh: '本次测评中没有该测评对象',
  },
  nothing_recorded: { en: 'nothing is recorded here yet', zh: '此处尚未录入结果' },
  review_by_other: {
    en: 'you recorded this result; another assessor must review it (复核需由他人进行)',
    zh: '该结果由您录入，须由其他测评人员复核',
  },
  not_a_member: {
    en: '{username} is not a member of this organisation',
    zh: '{username} 不是本组织的成员',
  },
  unknown_team_members: { en: 'unknown team members', zh: '测评人员不存在' },
  evidence_not_stored: { en: 'the evidence file cannot be stored', zh: '无法保存证据文件' },
  evidence_name: {
    en: 'give a plain file name (no path, at most 255 characters)',
    zh: '请填写文件名（不含路径，最多255个字符）',
  },
  file_empty: { en: 'the file is empty', zh: '文件为空' },
  file_too_large_mb: { en: 'the file is larger than {mb} MB', zh: '文件超过 {mb} MB' },
  rectification_not_so: {
    en: 'the rectification item cannot be changed so',
    zh: '整改项不能这样修改',
  },
  evaluation_not_complete: { en: 'the evaluation is not complete', zh: '能力评价尚未完成' },
  evaluation_nothing_to_reopen: {
    en: 'the capability evaluation is not completed; nothing to reopen',
    zh: '能力评价尚未完成，无需重新打开',
  },
  password_policy: { en: 'the password does not meet the policy', zh: '密码不符合口令策略' },
  username_taken: { en: 'user name taken', zh: '用户名已被占用' },
  password_wrong: { en: 'the current password is wrong', zh: '当前密码错误' },
  choose_new_password: { en: 'choose a new password', zh: '请设置新密码' },
  token_lifetime: { en: 'token lifetime too long', zh: '令牌有效期过长' },
  token_by_person: {
    en: 'API tokens are created by a signed-in person, not by another token',
    zh: 'API 令牌须由已登录的用户创建，不能由其他令牌创建',
  },
  may_not_revoke_token: {
    en: 'the role {actor} may not revoke a {role} token',
    zh: '角色“{actor:role}”无权撤销角色为“{role:role}”的令牌',
  },
  account_exists: { en: 'account exists', zh: '账户已存在' },
  account_exists_add: {
    en: '"{username}" already has an account: add it without newAccount',
    zh: '“{username}”已有账户，请直接添加为成员，不要新建账户',
  },
  no_such_account: { en: 'no such account', zh: '账户不存在' },
  no_account_give_new: {
    en: 'no account "{username}"; give newAccount to create it',
    zh: '账户“{username}”不存在；请同时新建账户',
  },
  already_member: { en: '"{username}" is already a member', zh: '“{username}”已是本组织成员' },
  keep_one_owner: {
    en: 'an organisation keeps at least one owner',
    zh: '组织至少要保留一名组织负责人',
  },
  unlock_by_other: {
    en: 'another administrator unlocks your account',
    zh: '您的账户须由其他管理员解除锁定',
  },
  password_expired: {
    en: 'your password has expired or must be changed first',
    zh: '密码已过期或须先修改密码',
  },
  csrf: {
    en: 'missing or wrong {header} header',
    zh: '请求校验失败（缺少或错误的 {header}），请刷新页面后重试',
  },
  platform_admin_only: {
    en: 'only a platform administrator may do this',
    zh: '只有平台管理员可以执行此操作',
  },
  role_may_not: {
    en: 'the role {role} may not {permission}',
    zh: '角色“{role:role}”无权执行此操作（{permission}）',
  },
  signed_in_user_only: {
    en: 'this needs a signed-in user, not an API token',
    zh: '此操作须由已登录的用户执行，不能使用 API 令牌',
  },
  cii_file_invalid: {
    en: 'the file is not a valid dengbao.cii.v1 exchange file; nothing was imported',
    zh: '该文件不是有效的 dengbao.cii.v1 交换文件，未导入任何内容',
  },
  business_name_exists: {
    en: '"{name}" is already a core business of this organisation',
    zh: '“{name}”已是本组织的核心业务',
  },
  asset_code_used: {
    en: '"{code}" is already used by another asset',
    zh: '编号“{code}”已被其他资产使用',
  },
  dependency_exists: {
    en: 'the same {kind} dependency is already recorded',
    zh: '相同的依赖关系已登记',
  },
  flow_exists: {
    en: 'flow "{name}" exists in this business',
    zh: '该核心业务中已有信息流“{name}”',
  },
  own_host: { en: 'a system cannot be its own host', zh: '定级对象不能承载于自身' },
  must_be_other_system: { en: 'must be another system', zh: '应为另一个定级对象' },
  verified_by_retest: {
    en: 'an item is verified by an assessor’s re-test (POST …/retest), not set directly',
    zh: '整改项须经测评人员复测通过，不能直接设为复测通过',
  },
  acceptance_needs_approver: {
    en: 'risk acceptance needs the approver',
    zh: '风险接受须填写批准人',
  },
  acceptance_needs_reason: { en: 'risk acceptance needs a reason', zh: '风险接受须填写理由' },
  not_valid_file: {
    en: '{file} is not valid JSON or YAML',
    zh: '{file} 不是有效的 JSON 或 YAML 文件',
  },
  file_problems: {
    en: '{count} problem(s) in {file}; nothing was imported',
    zh: '{file} 有 {count} 处问题，未导入任何内容',
  },
  import_refused: {
    en: 'import refused: {count} problem(s), nothing was written',
    zh: '导入被拒绝：有 {count} 处问题，未写入任何内容',
  },
  file_has_problems: { en: '{file} has {count} problem(s)', zh: '{file} 有 {count} 处问题' },
  asset_in_flows: {
    en: 'asset {code} is a hop of flow(s) {flows}; remove it from those flows first',
    zh: '资产 {code} 是信息流 {flows} 的环节；请先从这些信息流中移除',
  },
} as const satisfies WordTable;
