import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn, signOut } from './support';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

const HOSPITAL = '某市第一人民医院';
const HIS = '医院信息系统（HIS）';
const BANK = '某城市商业银行';
const CORE_BANKING = '核心银行系统';
const VIEWER = {
  username: 'viewer01',
  displayName: '王芳',
  initialPassword: 'Init#Viewer-2026',
  newPassword: 'Changed#Viewer-2026',
};

/**
 * The options of the header's organisation switcher, opened; `search` types into it first (the
 * list is virtual: with the other specs' organisations an unsearched one may not be rendered).
 */
async function openSwitcher(page: Page, search?: string) {
  const switcher = page.getByRole('combobox', { name: '当前组织' });
  await switcher.click();
  if (search) await switcher.fill(search);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  if (search) {
    await expect(page.locator('.ant-select-dropdown:visible')).toBeVisible();
    // Filtered: every option left names the search (none at all when it does not exist yet).
    await expect(options.filter({ hasNotText: search })).toHaveCount(0);
  } else await expect(options.first()).toBeVisible();
  return options;
}

async function switchTo(page: Page, organisation: string) {
  const options = await openSwitcher(page, organisation);
  await options.filter({ hasText: organisation }).click();
  await expect(page.getByRole('heading', { name: organisation })).toBeVisible();
}

/** Opens the organisation, creating it first (as platform administrator) when it is not there yet. */
async function openOrCreateOrganisation(page: Page, name: string) {
  const switcher = page.getByRole('combobox', { name: '当前组织' });
  if (await switcher.isVisible()) {
    const options = await openSwitcher(page, name);
    const existing = options.filter({ hasText: name });
    if ((await existing.count()) > 0) {
      await existing.first().click();
      await expect(page.getByRole('heading', { name })).toBeVisible();
      return;
    }
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: '新建组织' }).click();
  const drawer = page.getByRole('dialog', { name: '新建组织' });
  await drawer.getByRole('textbox', { name: /组织名称/ }).fill(name);
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** Registers the system in the current organisation unless it is listed already. */
async function ensureSystem(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '定级对象' }).click();
  await expect(page.getByRole('button', { name: '新建定级对象' })).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  if ((await page.getByRole('link', { name, exact: true }).count()) > 0) return;
  await page.getByRole('button', { name: '新建定级对象' }).click();
  const drawer = page.getByRole('dialog', { name: '新建定级对象' });
  await drawer.getByRole('textbox', { name: /^\W*名称$/ }).fill(name);
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** The organisation id of the current /o/:orgId/… page. */
function orgIdOf(page: Page): string {
  const match = /\/o\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`not an organisation page: ${page.url()}`);
  return match[1]!;
}

test('roles: a viewer sees one organisation read-only; the owner sees the audit chain intact', async ({
  page,
}) => {
  let hospitalId = '';
  let bankId = '';
  let hisId = '';

  await test.step('sign-in page: wrong password is refused with a clear message', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: '等保工作台' })).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, 'login.png'), fullPage: true });
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, 'login-error.png'), fullPage: true });
  });

  await test.step('admin creates two organisations, each with its system', async () => {
    await signIn(page, ADMIN.username, ADMIN.password);
    // Signed in, the owner of the account learns of the failed attempt (a stranger never does).
    const notice = page.getByTestId('sign-in-notice');
    await expect(notice).toContainText('自上次登录以来的登录失败');
    await expect(notice).toContainText('1 次登录失败');
    await notice.getByRole('button', { name: /close|关闭/i }).click();
    await expect(notice).toBeHidden();
    await openOrCreateOrganisation(page, BANK);
    bankId = orgIdOf(page);
    await ensureSystem(page, CORE_BANKING);
    await openOrCreateOrganisation(page, HOSPITAL);
    hospitalId = orgIdOf(page);
    await ensureSystem(page, HIS);
  });

  await test.step('admin adds viewer01 to the hospital as a new local account (只读成员)', async () => {
    await page.getByRole('menuitem', { name: '成员与角色' }).click();
    await expect(page.getByRole('heading', { name: '成员与角色' })).toBeVisible();
    await page.getByRole('button', { name: '添加成员' }).click();
    const drawer = page.getByRole('dialog', { name: '添加成员' });
    await drawer.getByText('新建本地账户').click();
    await drawer.getByLabel('用户名').fill(VIEWER.username);
    await drawer.getByRole('combobox', { name: '角色' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '只读成员' })
      .click();
    await drawer.getByLabel('姓名').fill(VIEWER.displayName);
    await drawer.getByLabel('初始密码').fill(VIEWER.initialPassword);
    await drawer.getByRole('button', { name: /添\s*加/ }).click();
    await expect(drawer).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: VIEWER.username });
    await expect(row).toContainText(VIEWER.displayName);
    await expect(row.getByRole('combobox', { name: `${VIEWER.displayName}的角色` })).toBeVisible();
    await expect(row).toContainText('只读成员');
    await page.screenshot({ path: path.join(screenshots, 'members.png'), fullPage: true });
  });

  await test.step('the role matrix shows the separation of duties', async () => {
    await page.getByRole('menuitem', { name: '角色权限' }).click();
    await expect(page.getByText('三员分立', { exact: true })).toBeVisible();
    const auditRow = page.getByRole('row').filter({ hasText: '查阅与校验审计日志' });
    await expect(auditRow).toBeVisible();
    // Who may grant which role, with the clause of GB/T 22239 behind it.
    const grants = page.getByRole('table', { name: '谁可以授予哪些角色（GB/T 22239-2019）' });
    await expect(grants.getByRole('row').filter({ hasText: '8.1.5.3-b' })).toContainText(
      '测评人员',
    );
    await page.screenshot({ path: path.join(screenshots, 'roles.png'), fullPage: true });
  });

  await test.step('viewer01 must change the initial password first', async () => {
    await signOut(page, ADMIN.displayName);
    await signIn(page, VIEWER.username, VIEWER.initialPassword);
    await expect(page.getByRole('heading', { name: '请先修改密码' })).toBeVisible();
    await expect(page.getByText('至少 12 个字符')).toBeVisible();
    await page.screenshot({ path: path.join(screenshots, 'forced-password.png'), fullPage: true });
    // Every other call is refused until then.
    const blocked = await page.request.get('/api/organisations');
    expect(blocked.status()).toBe(403);
    expect((await blocked.json()).code).toBe('PASSWORD_CHANGE_REQUIRED');

    await page.getByLabel('当前密码').fill(VIEWER.initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('short');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByText('至少需要 12 个字符')).toBeVisible();
    await page.getByLabel('新密码', { exact: true }).fill(VIEWER.newPassword);
    await page.getByLabel('确认新密码').fill(VIEWER.newPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByRole('heading', { name: HOSPITAL })).toBeVisible();
  });

  await test.step('viewer01 sees only the hospital, read-only', async () => {
    expect(orgIdOf(page)).toBe(hospitalId);
    const options = await openSwitcher(page);
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText(HOSPITAL);
    await expect(options.first()).toContainText('只读成员');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: '新建组织' })).toHaveCount(0);
    // Navigation follows the role: no members, tokens or audit log for a viewer.
    await expect(page.getByRole('menuitem', { name: '定级对象' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '成员与角色' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'API令牌' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);

    await page.getByRole('menuitem', { name: '定级对象' }).click();
    await expect(page.getByRole('link', { name: HIS })).toBeVisible();
    await expect(page.getByRole('link', { name: CORE_BANKING })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '新建定级对象' })).toHaveCount(0);

    await page.getByRole('link', { name: HIS }).click();
    await expect(page.getByRole('heading', { name: HIS })).toBeVisible();
    hisId = /\/systems\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await expect(page.getByText('您的角色只能查看定级')).toBeVisible();
    await expect(page.getByRole('button', { name: '编辑基本信息' })).toHaveCount(0);
    await expect(page.getByText('记录定级', { exact: true })).toHaveCount(0);
    await page.getByRole('tab', { name: '评审与备案' }).click();
    await expect(page.getByRole('region', { name: '备案', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '登记评审/核准' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '登记备案' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '登记测评' })).toHaveCount(0);
    await page.getByRole('menuitem', { name: '义务日历' }).click();
    // The systems' obligations first; a viewer (privacy.read) also sees the personal-information card.
    await expect(page.getByRole('columnheader', { name: '义务' }).first()).toBeVisible();
    await expect(page.getByTestId('calendar-privacy-duties')).toBeVisible();
    await expect(page.getByRole('button', { name: '标记完成' })).toHaveCount(0);
  });

  await test.step('the server refuses the viewer an edit (403) and the bank (404)', async () => {
    const session = await (await page.request.get('/api/session')).json();
    const edit = await page.request.patch(`/api/organisations/${hospitalId}/systems/${hisId}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { name: '被篡改的名称', version: 1 },
    });
    expect(edit.status()).toBe(403);
    expect((await edit.json()).code).toBe('FORBIDDEN');
    const bank = await page.request.get(`/api/organisations/${bankId}/systems`);
    expect(bank.status()).toBe(404);
  });

  await test.step('signed out, a deep link returns after sign-in; admin switches organisation', async () => {
    await signOut(page, VIEWER.displayName);
    await page.goto(`/o/${hospitalId}/systems`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByText('请先登录')).toBeVisible();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(new RegExp(`/o/${hospitalId}/systems$`));
    await expect(page.getByRole('link', { name: HIS })).toBeVisible();

    await switchTo(page, BANK);
    await page.getByRole('menuitem', { name: '定级对象' }).click();
    await expect(page.getByRole('link', { name: CORE_BANKING })).toBeVisible();
    await expect(page.getByRole('link', { name: HIS })).toHaveCount(0);
  });

  await test.step('the owner reads the audit log and verifies the chain', async () => {
    await switchTo(page, HOSPITAL);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
    // The owner's own membership (at organisation creation) is the other 添加成员 entry.
    const added = page
      .getByRole('row')
      .filter({ hasText: '添加成员' })
      .filter({ hasText: VIEWER.username });
    await expect(added).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '新建定级对象' }).first()).toBeVisible();
    await added.getByRole('button', { name: /展开/ }).click();
    const changes = page.getByRole('table', { name: '变更内容' });
    // Fields and coded values in words (src/shared/vocabulary): role → 角色, viewer → 只读成员.
    await expect(changes.getByRole('row').filter({ hasText: '角色' })).toContainText('只读成员');
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect(page.getByTestId('audit-verify-result')).toContainText(/审计链完整：\d+ 条/);
    await page.screenshot({ path: path.join(screenshots, 'audit.png'), fullPage: true });
  });
});
