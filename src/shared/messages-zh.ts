/**
 * Chinese wording of the API's own validation messages (the English ones are written in the
 * schemas). Zod's built-in messages are translated with its zhCN locale instead. Used by the
 * server to add `messageZh` to error details, so a Chinese client never has to show English.
 */
const EXACT: Readonly<Record<string, string>> = {
  'must be a date in the form YYYY-MM-DD': '日期格式应为 YYYY-MM-DD',
  'is not a real calendar date': '不是有效的日历日期',
  'at least one harmed object is required': '至少选择一个受侵害的客体',
  'must be an 18-character unified social credit code': '应为18位统一社会信用代码',
  'must be a phone number (digits, spaces, + - ( ))': '应为电话号码（数字、空格及 + - ( )）',
  'choose at least one grading-object type': '至少选择一种定级对象类型',
  'say why the system is graded (or regraded)': '请说明定级（或变更等级）的理由',
  'give the reason why the obligation does not apply': '请说明该义务不适用的理由',
  'must be an ISO date-time': '应为 ISO 日期时间',
  'must be an organisation id (UUID)': '应为组织标识（UUID）',
  'must be a system id (UUID)': '应为定级对象标识（UUID）',
  'level must be 1, 2, 3, 4 or 5': '等级应为1至5级',
  'must differ from the current password': '新密码不能与当前密码相同',
  'does not match': '与当前密码不符',
  'must not contain the user name': '不能包含用户名',
  'is one of the most common passwords (or one with digits or symbols added)':
    '是最常见的密码之一（或只在其后加了数字或符号）',
  'nobody changes their own role: ask another administrator':
    '任何人都不能修改自己的角色，请由其他管理员操作',
  'must be at least 12 characters': '长度至少12个字符',
  'must not contain NUL or other control characters': '不能包含 NUL 或其他控制字符',
  'must be between 1900-01-01 and 2199-12-31': '日期应在 1900-01-01 至 2199-12-31 之间',
  'a value is out of range, too long or contains a NUL byte': '某个值超出范围、过长或包含 NUL 字符',
};

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^object "(.+)" is listed twice$/, (m) => `客体“${m[1]}”重复`],
  [/^must be at least (\d+) characters$/, (m) => `长度至少${m[1]}个字符`],
  [
    /^must mix at least (\d+) of: lower-case, upper-case, digits, symbols$/,
    (m) => `须包含小写字母、大写字母、数字、符号中的至少${m[1]}类`,
  ],
  [/^at most (\d+) days$/, (m) => `最长${m[1]}天`],
  [/^the role (\w+) may not grant the role (\w+)$/, (m) => `角色 ${m[1]} 无权授予角色 ${m[2]}`],
  [/^the role (\w+) may not take away the role (\w+)$/, (m) => `角色 ${m[1]} 无权撤销角色 ${m[2]}`],
  [
    /^the role (\w+) may not create a token for the role (\w+)$/,
    (m) => `角色 ${m[1]} 无权创建角色为 ${m[2]} 的令牌`,
  ],
  [/^"(.+)" already exists$/, (m) => `“${m[1]}”已存在`],
  [/^a system named "(.+)" already exists$/, (m) => `已存在名为“${m[1]}”的定级对象`],
  [/^"(.+)" appears twice in the file$/, (m) => `“${m[1]}”在文件中出现两次`],
];

/** The Chinese wording of one of our own messages, or null when it has none. */
export function ownMessageZh(message: string): string | null {
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [re, render] of PATTERNS) {
    const m = re.exec(message);
    if (m) return render(m);
  }
  return null;
}
