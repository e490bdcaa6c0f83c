/**
 * 数据安全 in Chinese, as a hospital: three data resources entered in the drawer — 患者病历 (sector
 * 卫生健康, medical categories, 1,200,000 patients, the GB/T 39725 entry the catalog suggests),
 * 医学影像 (held in PACS) and 员工信息 — each with its grade and why; then 患者病历 declared as
 * important data, which turns it 重要数据 and changes the duties under 重要数据.
 * Screenshots of every tab go to /tmp/h7-*.png.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, call, chooseOption, firstSignIn, handOverOrganisation, signIn } from './support';

const ORGANISATION = '某市第一人民医院（数据安全）';
const HIS = '医院信息系统（HIS）';
const PACS = '医学影像存档与通信系统（PACS）';
const OWNER = {
  username: `ds-${Date.now().toString(36)}`,
  displayName: '陈静',
  initialPassword: 'Init#Ds-2026',
  newPassword: 'Changed#Ds-2026',
};

const choose = (select: Locator, text: string, search = text) =>
  chooseOption(select, text, { search });

async function pickDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** Takes the catalogue entry the drawer suggests, until the select shows it. */
async function adoptSuggestion(drawer: Locator, entry: string): Promise<void> {
  const suggestion = drawer.getByTestId('entry-suggestion');
  await expect(suggestion).toContainText(entry);
  const field = drawer.locator('.ant-form-item').filter({ hasText: '对应行业数据目录条目' });
  await expect(async () => {
    // A drop-down left open would cover the button: a click on the title closes it.
    await drawer.locator('.ant-drawer-title').click();
    if (await suggestion.isVisible())
      await suggestion.getByRole('button').click({ timeout: 2_000 });
    await expect(field).toContainText(entry, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(suggestion).toBeHidden();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/h7-${name}.png`, fullPage: true });
}

test.use({ actionTimeout: 15_000 });

test('数据安全: classify a hospital’s data and declare important data', async ({ page }) => {
  test.setTimeout(240_000);
  let orgId = '';

  await test.step('the administrator sets up the hospital with HIS and PACS and hands it over', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    for (const name of [HIS, PACS])
      await call(page, 'POST', `/api/organisations/${orgId}/systems`, {
        name,
        types: ['ordinary_system'],
      });
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  const drawer = page.getByRole('dialog').filter({ hasText: /数据资源/ });
  const table = page.getByTestId('resources-table');

  /** Fills the common fields of a new resource and saves it; the drawer then shows its grade. */
  async function addResource(fill: () => Promise<void>, code: string) {
    await page.getByRole('button', { name: '新增数据资源' }).click();
    await expect(drawer.getByText('新增数据资源')).toBeVisible();
    await fill();
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await expect(drawer.getByText(`编辑数据资源 ${code}`)).toBeVisible();
    await expect(drawer.getByTestId('classification-explanation')).toBeVisible();
  }

  await test.step('数据安全 opens from the menu on 数据资源', async () => {
    await page.getByRole('menuitem', { name: '数据安全' }).click();
    await expect(page.getByRole('heading', { name: '数据安全', exact: true })).toBeVisible();
    await expect(page.getByText('尚未登记数据资源')).toBeVisible();
  });

  await test.step('患者病历: the GB/T 39725 entry suggested from the name and categories', async () => {
    await addResource(async () => {
      await drawer.getByLabel('编号').fill('DR-001');
      await drawer.getByLabel('名称', { exact: true }).fill('患者病历');
      await drawer.getByLabel('说明').fill('门诊和住院电子病历、医嘱、检查检验报告');
      await choose(drawer.getByRole('combobox', { name: '所属行业领域' }), '卫生健康');
      await choose(drawer.getByRole('combobox', { name: '所在系统' }), HIS, 'HIS');
      await drawer.getByLabel('涉及个人（人）').fill('1200000');
      await drawer.getByLabel('数据量描述').fill('约 860 万份病历，42 TB');
      const categories = drawer.getByRole('combobox', { name: '个人信息类别' });
      await choose(categories, '姓名');
      await choose(categories, '病历和诊疗记录', '病历');
      await choose(categories, '用药记录');
      await expect(drawer.getByTestId('entry-suggestion')).toContainText('GB/T 39725');
      await adoptSuggestion(drawer, '医疗应用数据 · 第4级');
    }, 'DR-001');
    const explanation = drawer.getByTestId('classification-explanation');
    await expect(explanation).toContainText('一般数据');
    await expect(explanation).toContainText('敏感个人信息');
    await expect(explanation).toContainText('依行业数据目录');
    await expect(explanation.getByTestId('classification-entry')).toContainText('医疗应用数据');
    await explanation.getByTestId('classification-entry').click();
    await expect(page.locator('.ant-popover:not(.ant-popover-hidden)').last()).toContainText(
      'GB/T 39725',
    );
    await shot(page, 'resource-drawer');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
  });

  await test.step('医学影像 in PACS and 员工信息', async () => {
    await addResource(async () => {
      await drawer.getByLabel('编号').fill('DR-002');
      await drawer.getByLabel('名称', { exact: true }).fill('医学影像');
      await choose(drawer.getByRole('combobox', { name: '所属行业领域' }), '卫生健康');
      await choose(drawer.getByRole('combobox', { name: '所在系统' }), PACS, 'PACS');
      await drawer.getByLabel('涉及个人（人）').fill('800000');
      await choose(
        drawer.getByRole('combobox', { name: '个人信息类别' }),
        '病历和诊疗记录',
        '病历',
      );
      await adoptSuggestion(drawer, '医疗应用数据');
    }, 'DR-002');
    await expect(drawer.getByTestId('classification-explanation')).toContainText('一般数据');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();

    await addResource(async () => {
      await drawer.getByLabel('编号').fill('DR-003');
      await drawer.getByLabel('名称', { exact: true }).fill('员工信息');
      await drawer.getByLabel('说明').fill('职工人事档案、考勤和薪酬');
      await choose(drawer.getByRole('combobox', { name: '所属行业领域' }), '卫生健康');
      await drawer.getByLabel('涉及个人（人）').fill('3200');
      await choose(drawer.getByRole('combobox', { name: '个人信息类别' }), '工号');
      await adoptSuggestion(drawer, '员工个人信息');
    }, 'DR-003');
    const explanation = drawer.getByTestId('classification-explanation');
    await expect(explanation).toContainText('一般数据');
    await expect(explanation).toContainText('员工个人信息');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();

    await expect(table.getByRole('row')).toHaveCount(4);
    for (const name of ['患者病历', '医学影像', '员工信息'])
      await expect(table.getByRole('row').filter({ hasText: name })).toContainText('一般数据');
    await expect(table.getByRole('row').filter({ hasText: '医学影像' })).toContainText('PACS');
    await expect(page.getByTestId('grade-counts')).toContainText('一般数据');
    await shot(page, 'resources');
  });

  let dutiesBefore = 0;
  await test.step('重要数据 before any declaration', async () => {
    await page.getByRole('tab', { name: '重要数据' }).click();
    await expect(page.getByText('数据资源中暂无重要数据或核心数据')).toBeVisible();
    const duties = page.getByTestId('datasec-duties');
    await expect(duties.locator('.ant-spin-spinning')).toHaveCount(0);
    dutiesBefore = await duties.locator('tbody tr.ant-table-row').count();
    await shot(page, 'important-before');
  });

  await test.step('患者病历 declared as important data: its grade and the duties change', async () => {
    await page.getByRole('tab', { name: '数据资源' }).click();
    await table.getByRole('button', { name: '患者病历' }).click();
    await expect(drawer.getByText('编辑数据资源 DR-001')).toBeVisible();
    await chooseOption(drawer.getByRole('combobox', { name: '申报/确定的级别' }), '重要数据');
    await pickDate(drawer.getByLabel('申报日期'), '2026-11-02');
    await drawer.getByLabel('申报文号/回执').fill('卫健数安〔2026〕12号');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const explanation = drawer.getByTestId('classification-explanation');
    await expect(explanation).toContainText('重要数据');
    await expect(explanation).toContainText('依申报/主管部门确定的级别');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await expect(table.getByRole('row').filter({ hasText: '患者病历' })).toContainText('重要数据');

    await page.getByRole('tab', { name: '重要数据' }).click();
    await expect(page.getByTestId('important-resources')).toContainText('DR-001 · 患者病历');
    const duties = page.getByTestId('datasec-duties');
    await expect(async () => {
      expect(await duties.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(dutiesBefore);
    }).toPass({ timeout: 15_000 });
    await shot(page, 'important');
  });

  await test.step('风险评估 and 合规审计 with records, and the remaining tabs', async () => {
    const base = `/api/organisations/${orgId}/data-security`;
    const assessment = await call<{ id: string }>(page, 'POST', `${base}/risk-assessments`, {
      year: 2026,
      title: '2026 年度数据安全风险评估',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    await call(page, 'POST', `${base}/risk-assessments/${assessment.id}/risks`, {
      code: 'R-01',
      title: '病历数据库未加密存储',
      area: 'storage',
      dataResourceCodes: ['DR-001'],
      likelihood: 4,
      impact: 4,
      owner: '信息科',
      dueOn: '2026-06-30',
    });
    await call(page, 'POST', `${base}/pi-audits`, {
      title: '2026 年个人信息保护合规审计',
      kind: 'self',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      plannedOn: '2026-12-15',
      findings: [{ code: 'F-1', title: '未按期删除超期病历副本', severity: 'medium' }],
    });

    await page.getByRole('tab', { name: '风险评估' }).click();
    await page
      .getByTestId('assessments-table')
      .getByRole('button', { name: /2026 年度/ })
      .click();
    const view = page.getByTestId('assessment-view');
    await expect(view.getByTestId('assessment-status')).toHaveText('草稿');
    const risk = view.getByTestId('risks-table').getByRole('row').filter({ hasText: 'R-01' });
    await expect(risk).toContainText('4×4=16');
    await expect(risk).toContainText('已逾期');
    await expect(page.getByTestId('open-risks')).toContainText('病历数据库未加密存储');
    await shot(page, 'risk');

    await page.getByRole('tab', { name: '合规审计' }).click();
    await expect(page.getByTestId('audits-table')).toContainText('共 1 项，未关闭 1 项');
    await shot(page, 'audits');

    for (const [tab, name] of [
      ['安全事件', 'incidents'],
      ['App 检查', 'apps'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(800);
      await shot(page, name);
    }
  });
});
