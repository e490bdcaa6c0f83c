import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AssessmentDto, WorkbookDto } from '../../src/shared/api-types';
import { level3Workbook } from '../fixtures/practitioner/workbooks';
import { ADMIN, call, chooseOption, firstSignIn, handOverOrganisation, signIn } from './support';

const shots = path.resolve(import.meta.dirname, '../../.tmp');

const ORGANISATION = '某市第二人民医院';
const SYSTEM = '医院信息系统（HIS）';
const OWNER = {
  username: `pract-${Date.now().toString(36)}`,
  displayName: '孙立群',
  initialPassword: 'Init#Pract-2026',
  newPassword: 'Changed#Pract-2026',
};

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

test.use({ actionTimeout: 15_000 });

test('practitioner workbook: upload, preview per sheet, confirm a kind, import, see objects and results', async ({
  page,
}) => {
  test.setTimeout(180_000);
  let orgId = '';
  let assessmentId = '';
  const api = () => `/api/organisations/${orgId}/assessments/${assessmentId}`;

  await test.step('a level-3 cloud-tenant system with an assessment and no test objects', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const system = await call<{ id: string; version: number }>(
      page,
      'POST',
      `/api/organisations/${orgId}/systems`,
      { name: SYSTEM, types: ['cloud_tenant_system'] },
    );
    await call(page, 'POST', `/api/organisations/${orgId}/systems/${system.id}/gradings`, {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
      gradedOn: today(),
      reason: '全院门急诊和住院业务，服务中断将严重损害社会秩序。',
      version: system.version,
    });
    assessmentId = (
      await call<{ id: string }>(
        page,
        'POST',
        `/api/organisations/${orgId}/systems/${system.id}/assessments`,
        { title: '2026年度医院信息系统等级测评' },
      )
    ).id;
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  const fixture = await level3Workbook({ unknownControlPoint: true });
  const results = fixture.sheets.reduce((n, s) => n + s.results, 0);

  await test.step('the preview lists every sheet with its object, kind, IP and rows; nothing is written', async () => {
    await page.goto(`/o/${orgId}/assessments/${assessmentId}`);
    await page.getByRole('tab', { name: 'Excel' }).click();
    // Dropped on the importer of dengbao's own template, the file is refused, with the way to
    // the practitioner import.
    await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles({
      name: 'HIS现场测评记录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixture.buffer,
    });
    const suggest = page.getByTestId('practitioner-suggest');
    await expect(suggest).toContainText('测评人员自己的现场记录表');
    await suggest.getByRole('button', { name: '导入测评机构工作簿…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入测评机构工作簿' });
    await expect(dialog).toBeVisible();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'HIS现场测评记录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixture.buffer,
    });
    const summary = dialog.getByTestId('practitioner-summary');
    await expect(summary).toContainText('15 个测评对象工作表');
    await expect(summary).toContainText('未匹配 1 行');
    await expect(summary).toContainText('将新建 15 个测评对象');
    const table = dialog.getByTestId('practitioner-preview');
    const sw = table.getByRole('row').filter({ hasText: '核心交换机' }).first();
    await expect(sw).toContainText('10.10.0.1');
    await expect(sw).toContainText('V7.1.070');
    await expect(sw).toContainText('23/24');
    await expect(sw.getByRole('combobox')).toBeVisible();
    await expect(sw).toContainText('网络设备');
    await expect(dialog).toContainText('未作为测评对象的工作表（汇总表、无表头或无测评项）：封面');
    // The unmatched row and why.
    await sw.getByRole('button', { name: /展开行|Expand row/ }).click();
    await expect(table).toContainText('控制点“网络设备防护”不是本次测评基线中');
    // What was read: the header below the IP line, the weight and code columns without a header.
    await expect(table.getByTestId('practitioner-columns')).toContainText('表头在第 2 行');
    await expect(table.getByTestId('practitioner-columns')).toContainText('权重：F；编号：G');
    await page.screenshot({ path: path.join(shots, 'practitioner-preview.png') });
    // Unmatched rows block the import until the user chooses to leave them out.
    const confirm = dialog.getByTestId('practitioner-confirm');
    await expect(confirm).toBeDisabled();
    const assessment = await call<AssessmentDto>(page, 'GET', api());
    expect(assessment.objects).toEqual([]);

    // The kind of a sheet can be changed before importing.
    await dialog.getByRole('combobox', { name: '工作表“安全管理人员”的对象类型' }).click();
    await option(page, '访谈人员').click();
    await expect(table.getByRole('row').filter({ hasText: '安全管理人员' }).first()).toContainText(
      '访谈人员',
    );

    await dialog.getByTestId('practitioner-skip').click();
    await expect(confirm).toBeEnabled();
    await expect(confirm).toContainText(`新建 15 个对象，${results} 条结果`);
    await confirm.click();
    const result = dialog.getByTestId('practitioner-result');
    await expect(result).toBeVisible();
    await expect(result.getByTestId('practitioner-objectsCreated')).toHaveText('15');
    await expect(result.getByTestId('practitioner-created')).toHaveText(String(results));
    await expect(result.getByTestId('practitioner-unmatchedLeftOut')).toHaveText('1');
    await dialog.getByRole('button', { name: '关闭' }).last().click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the objects and their results are there', async () => {
    await page.getByRole('tab', { name: /测评对象/ }).click();
    const swRow = page.getByRole('row').filter({ hasText: '核心交换机' }).first();
    await expect(swRow.getByTestId('object-ip')).toHaveText('10.10.0.1');
    await expect(page.getByTestId('object-group-overall')).toContainText('安全区域边界');
    const assessment = await call<AssessmentDto>(page, 'GET', api());
    expect(assessment.objects.map((o) => o.name)).toEqual(fixture.sheets.map((s) => s.name));
    expect(assessment.objects.find((o) => o.name === '安全管理人员')?.kind).toBe('personnel');
    expect(assessment.objects.find((o) => o.name === '出口防火墙')?.attributes.ipAddresses).toEqual(
      ['10.10.0.254', '10.10.1.254'],
    );
    const workbook = await call<WorkbookDto>(page, 'GET', `${api()}/workbook`);
    expect(workbook.rows.filter((r) => r.result !== null)).toHaveLength(results);
    // The workbook lists 核心交换机's rows: filter by it (the rows are windowed, so the object's
    // rows need not be among those rendered first).
    await page.getByRole('tab', { name: '测评记录' }).click();
    const switchId = assessment.objects.find((o) => o.name === '核心交换机')!.id;
    const switchRows = workbook.rows.filter((r) => r.objectId === switchId).length;
    expect(switchRows).toBeGreaterThan(0);
    await chooseOption(page.getByRole('combobox', { name: '对象' }), '核心交换机');
    await expect(page.getByTestId('workbook-count')).toHaveText(
      `显示 ${switchRows} / ${workbook.rows.length} 条`,
    );
  });
});
