import { expect, test, type Page } from '@playwright/test';
import type { AssessmentDto } from '../../src/shared/api-types';
import { ADMIN, call, firstSignIn, handOverOrganisation, signIn } from './support';

const ORGANISATION = '某市中心医院';
const SYSTEM = '医院信息系统（HIS）';
const SERVER = '数据库服务器';
const BASTION = '运维堡垒机';
const REASON = '数据库服务器仅允许经运维堡垒机登录，堡垒机采用口令+数字证书双因素鉴别';
/** The administrator hands the organisation over, so grading.spec.ts still sees a first run. */
const OWNER = {
  username: `comp-${Date.now().toString(36)}`,
  displayName: '孙立平',
  initialPassword: 'Init#Comp-2026',
  newPassword: 'Changed#Comp-2026',
};

/** The option of the open Select dropdown (closed ones stay in the DOM, hidden). */
const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

test.use({ actionTimeout: 15_000 });

test('overall assessment: a compensation changes the conclusion; next year starts from this one', async ({
  page,
}) => {
  test.setTimeout(150_000);
  let orgId = '';
  let systemId = '';
  let firstId = '';
  const api = (path: string) => `/api/organisations/${orgId}${path}`;

  await test.step('last year: two-factor missing on the server, present on the bastion host', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const system = await call<{ id: string; version: number }>(page, 'POST', api('/systems'), {
      name: SYSTEM,
      types: ['ordinary_system'],
    });
    systemId = system.id;
    await call(page, 'POST', api(`/systems/${systemId}/gradings`), {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
      gradedOn: '2025-01-05',
      reason: '三级甲等医院核心业务系统',
      version: system.version,
    });
    firstId = (
      await call<AssessmentDto>(page, 'POST', api(`/systems/${systemId}/assessments`), {
        title: '2025年度等级测评',
        reportDate: '2025-06-10',
      })
    ).id;
    const objects: Record<string, string> = {};
    for (const [name, kind, ip] of [
      [SERVER, 'server', '10.1.2.3'],
      [BASTION, 'security_device', '10.1.0.5'],
    ] as const) {
      objects[name] = (
        await call<{ id: string }>(page, 'POST', api(`/assessments/${firstId}/objects`), {
          name,
          kind,
          attributes: { ipAddresses: [ip] },
        })
      ).id;
    }
    await call(page, 'POST', api(`/assessments/${firstId}/results`), {
      rows: [
        {
          requirementId: '8.1.4.1-d',
          objectId: objects[SERVER],
          version: 0,
          result: 'non_compliant',
          record: '仅用户名+口令登录',
        },
        {
          requirementId: '8.1.4.1-d',
          objectId: objects[BASTION],
          version: 0,
          result: 'compliant',
        },
        {
          requirementId: '8.1.4.3-a',
          objectId: objects[SERVER],
          version: 0,
          result: 'non_compliant',
          record: '未开启安全审计',
        },
      ],
    });
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  await test.step('整体测评: the bastion host compensates the server (测评项间), 不符合 → 符合', async () => {
    await page.goto(`/o/${orgId}/assessments/${firstId}?tab=compensation`);
    await expect(page.getByText('尚未登记补偿')).toBeVisible();
    await page.getByRole('button', { name: '登记补偿' }).click();
    const dialog = page.getByRole('dialog', { name: '登记补偿' });
    await dialog.getByRole('combobox', { name: '被补偿的测评项及对象' }).click();
    await option(page, `8.1.4.1 d)`).filter({ hasText: SERVER }).click();
    await dialog.getByRole('combobox', { name: '补偿措施（测评项及对象）' }).click();
    await option(page, `8.1.4.1 d)`).filter({ hasText: BASTION }).click();
    await expect(dialog.getByTestId('compensation-scope')).toHaveText('测评项间');
    await dialog.getByLabel('补偿理由').fill(REASON);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    const row = page.locator('.ant-table-row').filter({ hasText: REASON });
    await expect(row).toContainText('测评项间');
    await expect(row).toContainText(`${SERVER}不符合→符合`);
    await expect(page.getByTestId('compensation-outcomes')).toContainText('8.1.4.1 d)');
  });

  await test.step('the conclusion names the compensation; the finding is gone', async () => {
    await page.getByRole('tab', { name: '结论' }).click();
    await expect(
      page.getByText(/整体测评：1 个测评结果经补偿调整：8\.1\.4\.1-d 不符合→符合/).first(),
    ).toBeVisible();
    await page.getByRole('tab', { name: '问题与风险' }).click();
    await expect(page.getByText('8.1.4.3 a)').first()).toBeVisible();
    await expect(page.getByText('8.1.4.1 d)')).toHaveCount(0);
  });

  await test.step('this year starts from last year: objects, last results, last findings', async () => {
    await page.goto(`/o/${orgId}/systems/${systemId}`);
    await page.getByRole('tab', { name: '测评', exact: true }).click();
    await page.getByRole('button', { name: '新建测评' }).click();
    const drawer = page.getByRole('dialog', { name: '新建测评' });
    await drawer.getByLabel('测评名称').fill('2026年度等级测评');
    await drawer.getByRole('switch', { name: '从上次测评开始' }).click();
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}/);
    await expect(page.getByRole('tab', { name: '测评对象（2）' })).toBeVisible();

    await page.getByRole('tab', { name: '上次测评问题' }).click();
    await expect(page.getByTestId('previous-assessment')).toContainText('2025年度等级测评');
    const last = page.locator('.ant-table-row').filter({ hasText: '8.1.4.3 a)' });
    await expect(last).toContainText(SERVER);
    await expect(last).toContainText('未建整改项');
    await expect(last).toContainText('未填写');

    await page.getByRole('tab', { name: '测评记录' }).click();
    await page.getByRole('textbox', { name: '搜索测评记录' }).fill('8.1.4.1 d)');
    await expect(page.getByTestId('workbook-count')).toHaveText('显示 2 / 68 条');
    await expect(
      page.getByTestId('previous-result').filter({ hasText: '上次：不符合' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('previous-result').filter({ hasText: '上次：符合' })).toHaveCount(
      1,
    );
  });
});
