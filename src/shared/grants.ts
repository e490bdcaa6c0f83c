/**
 * Who may give, take away, or put into an API token which role: the separation of the three
 * administrators (三员分立) as data. The app layer enforces it on every membership and token
 * command, the token resolver re-checks it on every request, the web UI offers only what it
 * allows, and the README prints it (a test checks the table).
 *
 * Clause ids are GB/T 22239-2019 level-3 requirement ids as the catalog
 * (src/catalogs/gbt22239/*.yaml) holds them; a test checks that each one exists.
 */
import { ROLE_PERMISSIONS, ROLES, type Role } from './roles';

export interface GrantBasis {
  /** A requirement id of the GB/T 22239 catalog, e.g. `8.1.5.3-b`. */
  readonly clause: string;
  readonly zh: string;
  readonly en: string;
}

export interface GrantRule {
  /** Roles this role may give: add a member with it, or change a member's role to it. */
  readonly grant: readonly Role[];
  /** Roles this role may take away: remove such a member, change its role, revoke such a token. */
  readonly revoke: readonly Role[];
  /** Roles of the API tokens this role may create. Checked again on every use of the token. */
  readonly tokens: readonly Role[];
  readonly basis: readonly GrantBasis[];
}

const ORDINARY: readonly Role[] = ['assessor', 'member', 'viewer'];
const NONE: readonly Role[] = [];

/** Assessors, members and viewers give, take away and issue nothing. */
const GRANTS_NOTHING: GrantRule = {
  grant: NONE,
  revoke: NONE,
  tokens: NONE,
  basis: [
    {
      clause: '8.1.4.2-e',
      zh: '由授权主体配置访问控制策略。',
      en: 'An authorised subject configures the access-control policy.',
    },
  ],
};

export const GRANTS: Readonly<Record<Role, GrantRule>> = {
  owner: {
    grant: ROLES,
    revoke: ROLES,
    tokens: ROLES,
    basis: [
      {
        clause: '8.1.7.1-c',
        zh: '由单位设立系统、审计和安全管理员岗位：三员由组织负责人任免，而不是由三员之一任免。',
        en: 'The organisation creates the system, audit and security administrator posts: its head appoints and removes the three administrators, none of them appoints another.',
      },
      {
        clause: '8.1.7.2-a',
        zh: '配备足够数量的三员：只有组织负责人能增设或更换审计管理员。',
        en: 'Enough administrators of each kind: only the head adds or replaces an audit administrator.',
      },
    ],
  },
  system_admin: {
    grant: NONE,
    revoke: NONE,
    tokens: NONE,
    basis: [
      {
        clause: '8.1.5.1-b',
        zh: '系统管理员配置和管理系统资源与运行；对主体的授权属于安全管理员。',
        en: 'The system administrator runs resources and operation; authorising subjects is the security administrator’s task.',
      },
    ],
  },
  security_admin: {
    grant: ORDINARY,
    revoke: ORDINARY,
    // No tokens at all: one of the roles it may grant would carry data it may not read (a
    // member token reads systems and evidence), and its own role is not one it may grant.
    tokens: NONE,
    basis: [
      {
        clause: '8.1.5.3-b',
        zh: '安全管理员对主体进行授权：可授予和收回测评人员、成员和只读成员角色。',
        en: 'The security administrator authorises subjects: it gives and takes away the assessor, member and viewer roles.',
      },
      {
        clause: '8.1.4.2-d',
        zh: '管理用户之间权限分离：安全管理员不能任免任何管理员（包括自己），不能让自己或他人获得审计权限。',
        en: 'Administrators’ rights stay separate: the security administrator appoints or removes no administrator (itself included) and gives nobody, itself included, the audit role.',
      },
      {
        clause: '8.1.5.2-a',
        zh: '审计管理员的权限只属于审计管理员：安全管理员不能通过签发令牌获得审计记录或合规数据的读取权限，因此不能签发任何令牌（只能查看和收回）。',
        en: 'Audit rights belong to the audit administrator alone: the security administrator cannot obtain the audit log or compliance data through a token, so it issues no tokens (it lists and revokes them).',
      },
    ],
  },
  audit_admin: {
    grant: NONE,
    revoke: NONE,
    tokens: NONE,
    basis: [
      {
        clause: '8.1.5.2-b',
        zh: '审计管理员分析审计记录并据此处理，不改变授权。',
        en: 'The audit administrator analyses audit records and acts on them; it changes no authorisation.',
      },
    ],
  },
  assessor: GRANTS_NOTHING,
  member: GRANTS_NOTHING,
  viewer: GRANTS_NOTHING,
};

/** Rules that hold whatever the table says. */
export const GRANT_INVARIANTS: readonly GrantBasis[] = [
  {
    clause: '8.1.4.2-e',
    zh: '任何人都不能修改自己的角色：授权由另一个授权主体完成。',
    en: 'Nobody changes their own role: another authorised subject does.',
  },
  {
    clause: '8.1.4.2-d',
    zh: '令牌只在其创建者仍可创建该角色令牌时有效（每次使用时检查），且其权限不超过创建者自身：创建者离开组织、被停用或失去该权限后，令牌立即失效。',
    en: 'A token works only while its creator may still create a token of its role (checked on every use), and never carries a permission its creator lacks: it stops as soon as the creator leaves the organisation, is disabled or loses that right.',
  },
  {
    clause: '8.1.7.1-a',
    zh: '组织至少保留一名负责人。',
    en: 'An organisation keeps at least one owner.',
  },
];

export const mayGrant = (actor: Role, target: Role): boolean =>
  GRANTS[actor].grant.includes(target);
export const mayRevoke = (actor: Role, target: Role): boolean =>
  GRANTS[actor].revoke.includes(target);
export const mayMintToken = (actor: Role, target: Role): boolean =>
  GRANTS[actor].tokens.includes(target);

/** The grant matrix as a Markdown table (the README carries this exact table; a test checks it). */
export function grantMatrixMarkdown(): string {
  const list = (roles: readonly Role[]) =>
    roles.length === ROLES.length ? 'all' : roles.length ? roles.join(', ') : '—';
  const head = '| Role | May grant | May revoke | May create tokens for | GB/T 22239-2019 |';
  const sep = '|---|---|---|---|---|';
  const rows = ROLES.map((r) => {
    const g = GRANTS[r];
    return `| ${r} | ${list(g.grant)} | ${list(g.revoke)} | ${list(g.tokens)} | ${g.basis.map((b) => b.clause).join(', ')} |`;
  });
  return [head, sep, ...rows].join('\n');
}

/** Permissions of `role` that `actor` does not hold itself (a token must add none, except for the owner). */
export function permissionsBeyond(actor: Role, role: Role): string[] {
  return ROLE_PERMISSIONS[role].filter((p) => !ROLE_PERMISSIONS[actor].includes(p));
}
