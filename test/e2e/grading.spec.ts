import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './support';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

/** Today in Beijing plus some days or months, as YYYY-MM-DD (the app reckons dates in Beijing time). */
function beijingDate({ days = 0, months = 0 } = {}): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Months clamp to the month's last day (31 Jan + 1 month = 28/29 Feb), as the obligation engine does.
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay) + days));
  return date.toISOString().slice(0, 10);
}

async function chooseDegree(page: Page, object: string, degree: string) {
  await page
    .getByRole('region', { name: object, exact: true })
    .getByText(degree, { exact: true })
    .click();
}

test('grade a hospital system to level 3, file it, and follow its obligations', async ({
  page,
}) => {
  const today = beijingDate();

  // Signed out, every page leads to the sign-in page; the platform administrator signs in.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, ADMIN.username, ADMIN.password);

  // First run: no organisation yet (only a platform administrator may create one).
  await expect(page.getByText('欢迎使用等保工作台')).toBeVisible();
  await page.getByRole('button', { name: '新建组织' }).click();
  const organisationDrawer = page.getByRole('dialog', { name: '新建组织' });
  await organisationDrawer.getByRole('textbox', { name: /组织名称/ }).fill('某市第一人民医院');
  await organisationDrawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('heading', { name: '某市第一人民医院' })).toBeVisible();

  // Register the system.
  await page.getByRole('menuitem', { name: '定级对象' }).click();
  await page.getByRole('button', { name: '新建定级对象' }).click();
  const systemDrawer = page.getByRole('dialog', { name: '新建定级对象' });
  await systemDrawer.getByRole('textbox', { name: /^\W*名称$/ }).fill('医院信息系统（HIS）');
  await expect(systemDrawer.getByText('信息系统', { exact: true })).toBeVisible();
  await systemDrawer.getByLabel('投入运行日期').fill('2024-01-01');
  await systemDrawer.getByLabel('投入运行日期').press('Enter');
  await systemDrawer.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('heading', { name: '医院信息系统（HIS）' })).toBeVisible();
  await expect(page.getByText('未定级').first()).toBeVisible();

  // Grading wizard, step 1: business information security.
  await chooseDegree(page, '社会秩序、公共利益', '严重损害');
  await chooseDegree(page, '公民、法人和其他组织的合法权益', '严重损害');
  await page.getByRole('button', { name: /下一步/ }).click();
  // Step 2: system service security.
  await chooseDegree(page, '社会秩序、公共利益', '严重损害');
  await page.getByRole('button', { name: /下一步/ }).click();
  // Step 3: the live result.
  await expect(page.getByTestId('grading-final-level')).toHaveText(
    '安全保护等级：第三级（监督保护级）',
  );
  await expect(page.getByRole('table', { name: '业务信息安全定级矩阵' })).toBeVisible();
  await expect(
    page.getByText('《信息安全技术 网络安全等级保护定级指南》', { exact: false }).first(),
  ).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'grading-result.png'), fullPage: true });
  // Step 4: record it.
  await page.getByRole('button', { name: /下一步/ }).click();
  await page
    .getByRole('textbox', { name: /定级（变更）理由/ })
    .fill('新建系统首次定级，承载全院诊疗业务。');
  await page.getByRole('button', { name: '记录定级', exact: true }).click();
  await expect(page.getByText('已记录定级：第三级（监督保护级）')).toBeVisible();

  // The obligations calendar now has the filing and the periodic assessment.
  await page.getByRole('menuitem', { name: '义务日历' }).click();
  const filingRow = page.getByRole('row').filter({ hasText: '向公安机关备案' });
  await expect(filingRow).toBeVisible();
  await expect(filingRow).toContainText(beijingDate({ days: 30 }));
  await expect(filingRow).toContainText('30日内到公安机关备案');
  await filingRow.getByRole('button', { name: /条依据/ }).click();
  await expect(
    page.getByRole('tooltip').getByText('《信息安全等级保护管理办法》第十五条'),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  const assessmentRow = page.getByRole('row').filter({ hasText: '定期开展等级测评' });
  await expect(assessmentRow).toBeVisible();
  await expect(assessmentRow).toContainText(beijingDate({ months: 12 }));
  await expect(assessmentRow).toContainText('每 12 个月一次');
  await page.screenshot({ path: path.join(screenshots, 'obligations.png'), fullPage: true });

  // Record the expert review and the filing.
  await filingRow.getByRole('link', { name: '医院信息系统（HIS）' }).click();
  await page.getByRole('tab', { name: '评审与备案' }).click();
  await page.getByRole('button', { name: '登记评审/核准' }).click();
  const reviewDrawer = page.getByRole('dialog', { name: '登记评审/核准' });
  await reviewDrawer
    .getByRole('textbox', { name: /评审专家（组）/ })
    .fill('张三（安全专家）、李四（医疗业务专家）');
  await reviewDrawer.getByLabel('评审意见').fill('同意定为第三级。');
  await reviewDrawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(
    page
      .getByRole('region', { name: '专家评审与主管部门核准' })
      .getByRole('row')
      .filter({ hasText: '张三（安全专家）' }),
  ).toContainText('专家评审');

  await page.getByRole('button', { name: '登记备案' }).click();
  const filingDrawer = page.getByRole('dialog', { name: '登记备案' });
  await filingDrawer.getByRole('textbox', { name: /备案日期/ }).fill(today);
  await filingDrawer.getByRole('textbox', { name: /备案日期/ }).press('Enter');
  await filingDrawer.getByRole('textbox', { name: /受理公安机关/ }).fill('某市公安局网安支队');
  await filingDrawer.getByLabel('备案证明编号').fill('33010043001-00001');
  await filingDrawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(
    page
      .getByRole('region', { name: '备案', exact: true })
      .getByRole('row')
      .filter({ hasText: '33010043001-00001' }),
  ).toContainText('某市公安局网安支队');
  await expect(page.getByText(`已备案 ${today}`)).toBeVisible();

  // The filing obligation is now satisfied.
  await page.getByRole('menuitem', { name: '义务日历' }).click();
  const filedRow = page.getByRole('row').filter({ hasText: '向公安机关备案' });
  await expect(filedRow).toContainText('已完成');
  await expect(filedRow).toContainText('33010043001-00001');
  await expect(page.getByRole('row').filter({ hasText: '定级专家评审' })).toContainText('已完成');
  await page.screenshot({
    path: path.join(screenshots, 'obligations-after-filing.png'),
    fullPage: true,
  });

  // English once.
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Obligations' })).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'File with public security' }),
  ).toContainText('Done');
});
