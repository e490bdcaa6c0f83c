/**
 * 安全事件 in Chinese: a CII operator registers a data leak found a few minutes ago (1,500,000
 * people's personal information: 较大 under the 2025 Measures' annex), opens it and sees the
 * initial report due to 保护工作部门 and 公安机关 one hour after discovery (Art. 4) with a countdown
 * that runs; recording the initial report makes the duty 已完成.
 */
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, call, chooseOption, firstSignIn, handOverOrganisation, signIn } from './support';

const ORGANISATION = '某省电力调度有限公司（安全事件）';
const SYSTEM = '电力调度数据网';
const OWNER = {
  username: `inc-${Date.now().toString(36)}`,
  displayName: '陈静',
  initialPassword: 'Init#Inc-2026',
  newPassword: 'Changed#Inc-2026',
};

/** An instant as YYYY-MM-DD HH:mm in Beijing time. */
const beijing = (ms: number) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/h8-${name}.png`, fullPage: true });
  await page.screenshot({
    path: path.resolve(import.meta.dirname, `../../test-results/incident-${name}.png`),
    fullPage: true,
  });
}

/** Types a date and time into an antd DatePicker (showTime) and confirms it. */
async function pickDateTime(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test.use({ actionTimeout: 15_000 });

test('安全事件: a 较大 incident of a CII operator, its 1-hour initial report counting down, then done', async ({
  page,
}) => {
  test.setTimeout(180_000);
  let orgId = '';
  // Found five minutes ago, to the minute (the picker takes minutes).
  const foundText = beijing(Date.now() - 5 * 60_000);
  const foundMs = Date.parse(`${foundText.replace(' ', 'T')}:00+08:00`);
  const dueText = beijing(foundMs + 60 * 60_000);

  await test.step('the administrator sets up a CII operator and hands it over', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    await call(page, 'POST', `/api/organisations/${orgId}/systems`, {
      name: SYSTEM,
      types: ['ordinary_system'],
      isCii: true,
    });
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  const drawer = page.getByRole('dialog').filter({ hasText: '登记事件' });

  await test.step('the incident is registered in the drawer; the figures suggest 较大', async () => {
    await page.goto(`/o/${orgId}/data-security?tab=incidents`);
    await expect(page.getByText('尚未登记安全事件')).toBeVisible();
    await page.getByRole('button', { name: '登记事件' }).click();
    await expect(drawer.getByText('事件分级', { exact: true })).toBeVisible();

    await drawer.getByLabel('事件编号').fill('INC-2026-01');
    await drawer.getByLabel('事件名称').fill('客户信息数据库遭拖库');
    await chooseOption(drawer.getByRole('combobox', { name: '事件类别' }), '数据安全事件');
    await pickDateTime(drawer.getByRole('textbox', { name: '发现时间' }), foundText);
    await chooseOption(drawer.getByRole('combobox', { name: '涉及的定级对象（系统）' }), SYSTEM);
    await drawer.getByRole('spinbutton', { name: '泄露个人信息涉及人数' }).fill('1500000');
    await expect(drawer.getByTestId('incident-suggestion')).toContainText('建议定级：较大');
    await expect(drawer.getByTestId('incident-suggestion')).toContainText('100万人以上');
    await chooseOption(drawer.getByRole('combobox', { name: '事件级别' }), '较大');
    await drawer
      .getByLabel('已采取的应急处置措施及效果')
      .fill('已封堵数据库外联端口，重置全部数据库账号口令');
    await shot(page, 'drawer');
    await drawer
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await expect(drawer).toBeHidden();
  });

  const row = page.getByRole('row').filter({ hasText: 'INC-2026-01' });
  await test.step('the register shows the grade and the next report counting down', async () => {
    await expect(row).toContainText('较大');
    await expect(row).toContainText('保护工作部门');
    await expect(row.getByTestId('duty-countdown')).toContainText(/剩余 00:5\d:\d\d/);
    await shot(page, 'list');
  });

  const initial = page.getByTestId('duty-initial');
  await test.step('the incident page: recipients, the 1-hour deadline and a running countdown', async () => {
    await row.getByRole('link', { name: 'INC-2026-01' }).click();
    await expect(
      page.getByRole('heading', { name: /INC-2026-01 客户信息数据库遭拖库/ }),
    ).toBeVisible();
    await expect(page.getByTestId('incident-grade').first()).toHaveText('较大');
    await expect(initial.getByTestId('duty-recipients')).toContainText('保护工作部门');
    await expect(initial.getByTestId('duty-recipients')).toContainText('公安机关');
    await expect(initial.getByTestId('duty-due')).toContainText(dueText);
    await expect(initial.getByTestId('duty-state')).toHaveText('待报告');
    const countdown = initial.getByTestId('duty-countdown');
    await expect(countdown).toHaveText(/^剩余 00:5\d:\d\d$/);
    const first = await countdown.textContent();
    await page.waitForTimeout(1_500);
    await expect(countdown).not.toHaveText(first ?? '');
    await shot(page, 'page');
  });

  await test.step('recording the initial report makes the duty done', async () => {
    const form = page.locator('form[id="incidentReport"]');
    await expect(
      form.getByRole('combobox', { name: '报送对象' }).locator('..').locator('..'),
    ).toContainText('公安机关');
    await form.getByLabel('回执或编号').fill('网安〔2026〕001');
    await form.getByRole('button', { name: '记录报送' }).click();
    await expect(page.getByText('已记录首报')).toBeVisible();
    await expect(initial.getByTestId('duty-state')).toHaveText('已完成');
    await expect(initial.getByTestId('duty-countdown')).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: '网安〔2026〕001' })).toHaveCount(2);
    await shot(page, 'done');
  });
  await test.step('the report form downloads; a stale edit offers 载入最新内容', async () => {
    await page.getByRole('button', { name: '下载报告表' }).click();
    const link = page.getByTestId('download-initial-docx-zh');
    const href = await link.getAttribute('href');
    const file = await page.request.get(href ?? '');
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('wordprocessingml');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '编辑事件信息' }).click();
    const editDrawer = page.getByRole('dialog').filter({ hasText: '编辑事件 INC-2026-01' });
    await expect(editDrawer.getByLabel('事件名称')).toHaveValue('客户信息数据库遭拖库');
    // Someone else saves meanwhile.
    const incidentId = page.url().split('/').at(-1) ?? '';
    const base = `/api/organisations/${orgId}/data-security/incidents/${incidentId}`;
    const latest = await call<{ version: number }>(page, 'GET', base);
    await call(page, 'PATCH', base, { version: latest.version, location: '华东数据中心' });
    await editDrawer.getByLabel('事件名称').fill('客户信息数据库遭拖库（已核实）');
    await editDrawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(editDrawer.getByTestId('incident-conflict')).toBeVisible();
    await shot(page, 'conflict');
    await editDrawer.getByRole('button', { name: '载入最新内容' }).click();
    await expect(editDrawer.getByLabel('发生地点')).toHaveValue('华东数据中心');
    await editDrawer.getByLabel('事件名称').fill('客户信息数据库遭拖库（已核实）');
    await editDrawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(editDrawer).toBeHidden();
    await expect(
      page.getByRole('heading', { name: /客户信息数据库遭拖库（已核实）/ }),
    ).toBeVisible();
  });

  await test.step('App 检查: a map app collecting contacts beyond its necessary items is flagged', async () => {
    await page.goto(`/o/${orgId}/data-security?tab=apps`);
    await expect(page.getByText('尚未检查 App')).toBeVisible();
    await page.getByRole('button', { name: '新增 App 检查' }).click();
    const appDrawer = page.getByRole('dialog').filter({ hasText: '新增 App 检查' });
    await appDrawer.getByLabel('编号').fill('APP-1');
    await appDrawer.getByLabel('App 名称').fill('掌上电力地图');
    await chooseOption(appDrawer.getByRole('combobox', { name: /App 类型/ }), '地图导航类', {
      search: '地图',
    });
    await expect(appDrawer.getByTestId('app-type-info')).toContainText('位置信息');

    await appDrawer.getByRole('button', { name: '添加收集项' }).click();
    await chooseOption(appDrawer.getByRole('combobox', { name: '第 1 行 个人信息' }), '位置信息', {
      search: '位置',
    });
    await page.keyboard.press('Escape');
    await appDrawer.getByLabel('第 1 行 用于的功能').fill('定位和导航');
    await appDrawer.getByRole('button', { name: '添加收集项' }).click();
    await chooseOption(
      appDrawer.getByRole('combobox', { name: '第 2 行 个人信息' }),
      '即时通信联系人账号列表',
      { search: '联系人' },
    );
    await page.keyboard.press('Escape');
    await appDrawer.getByLabel('第 2 行 用于的功能').fill('好友位置分享');
    await expect(
      appDrawer.getByTestId('collected-1').getByTestId('over-collected-tag'),
    ).toBeVisible();
    await expect(
      appDrawer.getByTestId('collected-0').getByTestId('over-collected-tag'),
    ).toBeHidden();
    await shot(page, 'app-drawer');
    await appDrawer.getByRole('button', { name: '保存并检查' }).click();

    const result = page.getByTestId('app-check-result');
    await expect(result).toBeVisible();
    await expect(result.getByTestId('app-over-collected')).toContainText('即时通信联系人账号列表');
    await shot(page, 'app-result');
  });
});
