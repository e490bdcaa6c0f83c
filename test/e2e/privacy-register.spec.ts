/**
 * 个人信息保护 in Chinese: a processing activity with sensitive categories entered in the drawer,
 * an outbound transfer to a recipient in 德国 under a standard contract, its dated batches; the
 * path the server decides (标准合同或认证, 2024 Provisions Art. 8), the filing deadline it computes
 * (10 working days after the contract takes effect) and, as of 2024-03-01, the 2022 regime.
 */
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, call, chooseOption, firstSignIn, handOverOrganisation, signIn } from './support';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

const ORGANISATION = '某跨境电商有限公司（个人信息）';
const SYSTEM = '跨境电商交易平台';
const ACTIVITY = '跨境订单履约与客户服务';
const RECIPIENT = 'Muster Logistik GmbH';
/** The contract takes effect on Monday 2026-03-02: 10 working days later is Monday 2026-03-16. */
const CONTRACT_EFFECTIVE = '2026-03-02';
const FILING_DUE = '2026-03-16';
const OWNER = {
  username: `pi-${Date.now().toString(36)}`,
  displayName: '周敏',
  initialPassword: 'Init#Pi-2026',
  newPassword: 'Changed#Pi-2026',
};

/** Chooses an option of an antd Select, typing its text to filter the list. */
const choose = (select: Locator, text: string, search = text) =>
  chooseOption(select, text, { search });

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `privacy-${name}.png`), fullPage: true });
}

test.use({ actionTimeout: 15_000 });

test('个人信息保护: register an activity with sensitive data sent to Germany, its path and filing deadline', async ({
  page,
}) => {
  test.setTimeout(180_000);
  let orgId = '';

  await test.step('the administrator sets up the organisation with a system and hands it over', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    await call(page, 'POST', `/api/organisations/${orgId}/systems`, {
      name: SYSTEM,
      types: ['ordinary_system'],
    });
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  const drawer = page.getByRole('dialog').filter({ hasText: /处理活动/ });

  await test.step('a processing activity with sensitive categories, entered in the drawer', async () => {
    await page.getByRole('menuitem', { name: '个人信息保护' }).click();
    await expect(page.getByRole('heading', { name: '个人信息保护' })).toBeVisible();
    await expect(page.getByText('尚无处理活动')).toBeVisible();
    await page.getByRole('button', { name: '新建处理活动' }).click();
    await expect(drawer.getByText('新建处理活动')).toBeVisible();

    await drawer.getByLabel('活动编号').fill('PA-001');
    await drawer.getByLabel('活动名称').fill(ACTIVITY);
    await drawer
      .getByLabel('处理目的')
      .fill('向境外物流服务商提供收件人信息以完成跨境配送，并处理退款');
    await drawer.getByRole('checkbox', { name: /取得个人的同意/ }).check();
    await drawer
      .getByRole('checkbox', { name: /为订立、履行个人作为一方当事人的合同所必需/ })
      .check();

    const categories = drawer.getByRole('combobox', { name: '个人信息类别', exact: true });
    await choose(categories, '姓名');
    await choose(categories, '电话号码');
    await expect(drawer.getByTestId('privacy-sensitive-picked')).toBeHidden();
    await choose(categories, '银行账户和银行卡号', '银行账户');
    // Sensitive as it is picked, with the PIPL Art. 28 class.
    await expect(drawer.getByTestId('privacy-sensitive-picked')).toContainText('金融账户信息');

    await choose(drawer.getByRole('combobox', { name: '个人信息主体' }), '客户');
    await drawer.getByLabel('涉及个人数量').fill('300000');
    await drawer.getByLabel('其中敏感个人信息涉及人数').fill('5000');
    await drawer.getByLabel('保存期限').fill('订单完成后 3 年');
    await choose(drawer.getByRole('combobox', { name: '所在定级对象（系统）' }), SYSTEM);

    await drawer.getByRole('button', { name: '添加接收方' }).click();
    await drawer.getByLabel('接收方 1 接收方名称').fill(RECIPIENT);
    await choose(
      drawer.getByRole('combobox', { name: '接收方 1 接收方关系' }),
      '其他个人信息处理者',
    );
    await choose(
      drawer.getByRole('combobox', { name: '接收方 1 所在国家/地区' }),
      '德国 DE',
      '德国',
    );

    await drawer.getByRole('button', { name: '添加出境传输' }).click();
    await choose(drawer.getByRole('combobox', { name: '出境传输 1 境外接收方' }), 'R1', 'R1');
    await choose(
      drawer.getByRole('combobox', { name: '出境传输 1 出境合规途径' }),
      '个人信息出境标准合同',
      '标准合同',
    );
    await pickDate(drawer.getByLabel('出境传输 1 标准合同生效日期'), CONTRACT_EFFECTIVE);

    await drawer.getByRole('button', { name: '添加同意记录' }).click();
    await choose(
      drawer.getByRole('combobox', { name: '同意记录 1 单独同意情形' }),
      '向境外提供个人信息（第三十九条）',
      '境外',
    );
    await drawer.getByLabel('同意记录 1 取得方式').fill('下单页弹窗单独勾选同意');

    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    // The drawer stays on the saved activity, so its batches can be entered.
    await expect(drawer.getByText('编辑处理活动 PA-001')).toBeVisible();
  });

  await test.step('dated batches of the transfer', async () => {
    const batches = drawer.getByTestId('privacy-batches');
    for (const [date, individuals, sensitive] of [
      ['2023-06-10', '50000', '0'],
      ['2024-01-15', '60000', '0'],
      ['2026-03-10', '150000', '3000'],
    ] as const) {
      await pickDate(batches.getByLabel('出境日期'), date);
      await batches.getByLabel('个人信息涉及人数', { exact: true }).fill(individuals);
      await batches.getByLabel('敏感个人信息涉及人数').fill(sensitive);
      await batches.getByRole('button', { name: '添加批次' }).click();
      await expect(batches.getByRole('row').filter({ hasText: date })).toBeVisible();
    }
    await shot(page, 'activity-drawer');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await expect(drawer).toBeHidden();
  });

  await test.step('the register marks the activity 敏感 with the reason', async () => {
    const row = page.getByRole('row').filter({ hasText: 'PA-001' });
    await expect(row).toContainText(ACTIVITY);
    await expect(row.getByTestId('sensitive-reason')).toContainText('敏感');
    await expect(row.getByTestId('sensitive-reason')).toContainText('金融账户信息');
    await expect(row).toContainText('德国 DE');
    await expect(row).toContainText(SYSTEM);
    await shot(page, 'register');
  });

  await test.step('出境: 标准合同或认证 for Germany, decided by Art. 8 of the 2024 Provisions', async () => {
    await page.getByRole('tab', { name: '出境' }).click();
    await pickDate(page.getByLabel('判定日期'), '2026-06-30');
    await expect(page.getByTestId('privacy-regime')).toContainText('促进和规范数据跨境流动规定');
    const paths = page.getByTestId('privacy-paths');
    const group = paths.getByRole('row').filter({ hasText: '德国 DE' }).first();
    await expect(group).toContainText('标准合同或认证');
    const transfer = paths.getByRole('row').filter({ hasText: ACTIVITY });
    await expect(transfer).toContainText('标准合同或认证');
    await expect(transfer).toContainText('第八条');
    await expect(transfer).toContainText('150,000');
    await shot(page, 'cross-border-2026');
  });

  await test.step('义务: the filing 10 working days after the contract takes effect', async () => {
    await page.getByRole('tab', { name: '义务' }).click();
    const filing = page
      .getByTestId('privacy-duties')
      .getByRole('row')
      .filter({ hasText: '10个工作日内向省级网信部门备案' });
    await expect(filing).toContainText(FILING_DUE);
    await expect(filing).toContainText('逾期');
    await shot(page, 'duties');
  });

  await test.step('as of 2024-03-01: the 2022 thresholds, counted from the year before', async () => {
    await page.getByRole('tab', { name: '出境' }).click();
    await pickDate(page.getByLabel('判定日期'), '2024-03-01');
    await expect(page.getByTestId('privacy-regime')).toContainText('数据出境安全评估办法');
    const transfer = page
      .getByTestId('privacy-paths')
      .getByRole('row')
      .filter({ hasText: ACTIVITY });
    await expect(transfer).toContainText('数据出境安全评估');
    await expect(transfer).toContainText('110,000');
    await expect(page.getByText('2023-01-01 — 2024-03-01')).toBeVisible();
    await shot(page, 'cross-border-2024-03-01');
  });
  await test.step('export as YAML and Excel; an import is checked whole before anything is written', async () => {
    const yaml = await page.request.get(`/api/organisations/${orgId}/privacy/file?format=yaml`);
    expect(yaml.ok()).toBeTruthy();
    expect(await yaml.text()).toContain(ACTIVITY);
    const xlsx = await page.request.get(`/api/organisations/${orgId}/privacy/workbook.xlsx`);
    expect(xlsx.ok()).toBeTruthy();
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

    await page.getByRole('tab', { name: '处理活动' }).click();
    const upload = page.locator('input[type=file][accept*=".yaml"]');
    const file = (activity: string) => ({
      name: 'register.yaml',
      mimeType: 'application/x-yaml',
      buffer: Buffer.from(activity, 'utf8'),
    });
    const activityYaml = (category: string) =>
      [
        'format: dengbao.privacy.v1',
        'activities:',
        '  - code: PA-002',
        '    name: 员工考勤人脸识别',
        '    purpose: 门禁与考勤',
        '    legalBases: [contract_or_hr]',
        `    dataCategories: [name, ${category}]`,
        '    dataSubjects: [employees]',
        '    individuals: 800',
        '    retention: 离职后 1 年',
        `    systems: [${SYSTEM}]`,
        '',
      ].join('\n');

    await upload.setInputFiles(file(activityYaml('not_a_category')));
    const modal = page.getByRole('dialog', { name: /导入 register\.yaml/ });
    await expect(modal.getByTestId('privacy-import-problems')).toContainText('not_a_category');
    await expect(modal.getByRole('button', { name: '确认导入' })).toBeDisabled();
    await modal.getByRole('button', { name: /取\s*消/ }).click();

    await upload.setInputFiles(file(activityYaml('face_features')));
    await expect(modal.getByTestId('privacy-import-preview')).toContainText('将新建 1 项');
    await shot(page, 'import-preview');
    await modal.getByRole('button', { name: '确认导入' }).click();
    await expect(modal).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: 'PA-002' });
    await expect(row.getByTestId('sensitive-reason')).toContainText('生物识别信息');
  });

  await test.step('a concurrent edit: 409, then 载入最新内容', async () => {
    const activities = await call<Record<string, unknown>[]>(
      page,
      'GET',
      `/api/organisations/${orgId}/privacy/activities`,
    );
    // The activity as a client sends it back: every field, the name changed.
    const { id, retainUntil, createdAt, updatedAt, ...pa1 } = activities.find(
      (a) => a.code === 'PA-001',
    )!;
    void [retainUntil, createdAt, updatedAt];
    await page.getByRole('button', { name: '编辑 PA-001' }).click();
    await expect(drawer.getByText('编辑处理活动 PA-001')).toBeVisible();
    // Someone else renames it meanwhile.
    await call(page, 'PATCH', `/api/organisations/${orgId}/privacy/activities/${id}`, {
      ...pa1,
      name: `${ACTIVITY}（修订）`,
    });
    await drawer.getByLabel('处理目的').fill('向境外物流服务商提供收件人信息以完成跨境配送');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(drawer.getByTestId('privacy-activity-conflict')).toBeVisible();
    await drawer.getByRole('button', { name: '载入最新内容' }).click();
    await expect(drawer.getByLabel('活动名称')).toHaveValue(`${ACTIVITY}（修订）`);
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('已保存处理活动 PA-001')).toBeVisible();
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await expect(drawer).toBeHidden();
  });
  await test.step('登记信息, 人脸识别 and 敏感信息分类', async () => {
    await page.getByRole('tab', { name: '登记信息' }).click();
    await page.getByLabel('个人信息保护负责人').fill('周敏 13800000000');
    await page.getByRole('button', { name: '添加版本' }).click();
    await page.getByLabel('处理规则版本 1 版本号').fill('v1.0');
    await pickDate(page.getByLabel('处理规则版本 1 生效日期'), '2026-01-01');
    await page.getByRole('button', { name: '保存登记信息' }).click();
    await expect(page.getByText('登记信息已保存')).toBeVisible();
    await shot(page, 'profile');

    // The activity names the notice version in force, chosen from the profile's versions.
    await page.getByRole('tab', { name: '处理活动' }).click();
    await page.getByRole('button', { name: '编辑 PA-002' }).click();
    await chooseOption(
      drawer.getByRole('combobox', { name: '适用的个人信息处理规则版本' }),
      'v1.0',
    );
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('已保存处理活动 PA-002')).toBeVisible();
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await expect(drawer).toBeHidden();

    await page.getByRole('tab', { name: '人脸识别' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'PA-002' })).toContainText(
      '未登记人脸识别情况',
    );

    await page.getByRole('tab', { name: '敏感信息分类' }).click();
    await expect(
      page.getByRole('row').filter({ hasText: '人脸识别特征（人脸信息）' }),
    ).toContainText('生物识别信息');
    await shot(page, 'categories');
  });
});
