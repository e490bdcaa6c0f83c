import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { BaselineDto, CatalogSummaryDto } from '../../src/shared/api-types';
import { ADMIN, call, firstSignIn, handOverOrganisation, signIn } from './support';

const screenshot = path.resolve(import.meta.dirname, '../../.tmp/catalog.png');

const ORGANISATION = '某市政务云平台运营中心';
const TENANT_SYSTEM = '政务服务门户（云上租户）';
const UNGRADED_SYSTEM = '办公自动化系统';
/** An owner of the organisation only: the administrator leaves it, so grading.spec.ts still sees a first run. */
const OWNER = {
  username: `catalog-${Date.now().toString(36)}`,
  displayName: '赵敏',
  initialPassword: 'Init#Catalog-2026',
  newPassword: 'Changed#Catalog-2026',
};

/** Today in Beijing, as YYYY-MM-DD. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A JSON call with the signed-in browser's cookie and CSRF token. */
/** Items and control points of one level over some extensions, as GET /api/catalog counts them. */
function counted(summary: CatalogSummaryDto, level: number, extensions: string[]) {
  const rows = summary.counts.filter((c) => c.level === level && extensions.includes(c.extension));
  return {
    items: rows.reduce((n, c) => n + c.items, 0),
    controlPoints: rows.reduce((n, c) => n + c.controlPoints, 0),
  };
}

test('catalog: browse GB/T 22239 by level and extension, open a requirement, see a baseline', async ({
  page,
}) => {
  let orgId = '';
  let tenantId = '';
  let ungradedId = '';

  await test.step('the administrator sets up an organisation with a graded cloud-tenant system', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const tenant = await call<{ id: string; version: number }>(
      page,
      'POST',
      `/api/organisations/${orgId}/systems`,
      { name: TENANT_SYSTEM, types: ['cloud_tenant_system'] },
    );
    tenantId = tenant.id;
    await call(page, 'POST', `/api/organisations/${orgId}/systems/${tenantId}/gradings`, {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
      gradedOn: today(),
      reason: '面向公众的政务服务门户，部署于政务云。',
      version: tenant.version,
    });
    ungradedId = (
      await call<{ id: string }>(page, 'POST', `/api/organisations/${orgId}/systems`, {
        name: UNGRADED_SYSTEM,
        types: ['ordinary_system'],
      })
    ).id;
    const owner = await handOverOrganisation(page, orgId, OWNER);
    expect(owner.userId).toBeTruthy();
  });

  await test.step('the owner signs in', async () => {
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  const summary = (await (await page.request.get('/api/catalog')).json()) as CatalogSummaryDto;
  const tree = page.getByRole('tree', { name: '要求项目录' });
  const detail = page.getByRole('region', { name: '要求项详情' });
  const chooseLevel = (level: string) =>
    page.getByRole('radiogroup', { name: '等级' }).getByText(level, { exact: true }).click();
  const node = (id: string) => tree.locator(`[data-requirement-id="${id}"]`);

  await test.step('level 3, general requirements only: 71 control points, 211 items', async () => {
    await page.getByRole('menuitem', { name: '基本要求' }).click();
    await expect(page).toHaveURL(/\/catalog/);
    await expect(page.getByRole('heading', { name: '基本要求' })).toBeVisible();
    await expect(page.getByRole('radio', { name: '第三级' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /安全通用要求/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /安全通用要求/ })).toBeDisabled();
    const general = counted(summary, 3, ['general']);
    await expect(page.getByTestId('catalog-stat-controlPoints')).toHaveText(
      `${general.controlPoints} 个`,
    );
    await expect(page.getByTestId('catalog-stat-items')).toHaveText(`${general.items} 项`);
    // The figures of the standard (GB/T 22239-2019 level 3, 安全通用要求).
    await expect(page.getByTestId('catalog-stat-controlPoints')).toHaveText('71 个');
    await expect(page.getByTestId('catalog-stat-items')).toHaveText('211 项');
    await expect(tree.getByRole('treeitem', { name: /安全物理环境PES/ })).toBeVisible();
    await expect(node('8.1.4.1-a')).toBeVisible();
  });

  await test.step('search in Chinese and open 8.1.4.1-d with its high-risk case', async () => {
    await page.getByRole('textbox', { name: '搜索要求项' }).fill('双因素');
    await expect(page).toHaveURL(/q=%E5%8F%8C%E5%9B%A0%E7%B4%A0/);
    await expect(node('8.1.4.1-d')).toBeVisible();
    await expect(node('8.1.4.1-a')).toHaveCount(0);
    await expect(node('8.1.4.1-d')).toContainText('8.1.4.1 d)');
    await expect(node('8.1.4.1-d')).toContainText('L3-CES1-04');
    await expect(node('8.1.4.1-d')).toContainText('高风险 1');
    await node('8.1.4.1-d').click();
    await expect(page).toHaveURL(/id=8\.1\.4\.1-d/);
    await expect(detail.getByRole('heading', { name: '双因素鉴别且含密码技术' })).toBeVisible();
    const highRisk = detail.getByTestId('high-risk-case-6.4.1.3');
    await expect(highRisk).toContainText('6.4.1.3');
    await expect(highRisk).toContainText('第三级及以上适用');
    await expect(highRisk).toContainText('未采用两种或以上鉴别技术的组合');
    await expect(detail.getByRole('row').filter({ hasText: 'L3-CES1-04' })).toContainText(
      '8.1.4.1 d)',
    );
    await expect(detail.getByText('安全鉴别')).toBeVisible();
  });

  await test.step('English search finds it too; the full tree with the detail open', async () => {
    await page.getByRole('textbox', { name: '搜索要求项' }).fill('two-factor');
    await expect(node('8.1.4.1-d')).toBeVisible();
    await page.getByRole('textbox', { name: '搜索要求项' }).fill('');
    await expect(page).not.toHaveURL(/q=/);
    await expect(node('8.1.4.1-a')).toBeVisible();
    await expect(detail.getByTestId('high-risk-case-6.4.1.3')).toBeVisible();
    await page.screenshot({ path: screenshot });
  });

  await test.step('level 2 has no 8.1.4.1-d', async () => {
    await chooseLevel('第二级');
    await expect(page).toHaveURL(/level=2/);
    const general = counted(summary, 2, ['general']);
    await expect(page.getByTestId('catalog-stat-items')).toHaveText(`${general.items} 项`);
    await expect(node('8.1.4.1-a')).toBeVisible();
    await expect(node('8.1.4.1-d')).toHaveCount(0);
    await expect(detail).toContainText('第二级不要求此项');
  });

  await test.step('the cloud extension at level 3 adds cloud items', async () => {
    await chooseLevel('第三级');
    await page.getByRole('checkbox', { name: /云计算/ }).click();
    await expect(page.getByRole('checkbox', { name: /云计算/ })).toBeChecked();
    await expect(page).toHaveURL(/ext=cloud/);
    const withCloud = counted(summary, 3, ['general', 'cloud']);
    expect(withCloud.items).toBeGreaterThan(211);
    await expect(page.getByTestId('catalog-stat-items')).toHaveText(`${withCloud.items} 项`);
    await expect(tree.locator('.ant-tag', { hasText: '云计算' }).first()).toBeVisible();
    await expect(page.getByTestId('catalog-gaps')).toHaveCount(0);
  });

  await test.step('level 1 with the cloud extension names the gaps in the catalog', async () => {
    await chooseLevel('第一级');
    const gaps = page.getByTestId('catalog-gaps');
    await expect(gaps).toBeVisible();
    await expect(gaps).toContainText('云计算');
    await expect(gaps).toContainText('不完整');
    await chooseLevel('第三级');
  });

  await test.step("a graded system's baseline tab lists its items, linked to the catalog", async () => {
    await page.goto(`/o/${orgId}/systems/${tenantId}`);
    await page.getByRole('tab', { name: '基线' }).click();
    const baseline = (await (
      await page.request.get(`/api/organisations/${orgId}/systems/${tenantId}/baseline`)
    ).json()) as BaselineDto;
    expect(baseline.extensions).toContain('cloud');
    await expect(page.getByTestId('baseline-stat-items')).toHaveText(`${baseline.counts.items} 项`);
    await expect(page.getByText('云服务客户').first()).toBeVisible();
    await page.getByRole('link', { name: '双因素鉴别且含密码技术' }).click();
    await expect(page).toHaveURL(/\/catalog\?.*id=8\.1\.4\.1-d/);
    await expect(detail.getByRole('heading', { name: '双因素鉴别且含密码技术' })).toBeVisible();
  });

  await test.step('an ungraded system says it has no baseline yet', async () => {
    await page.goto(`/o/${orgId}/systems/${ungradedId}?tab=baseline`);
    await expect(page.getByText('该定级对象尚未定级')).toBeVisible();
    await page.getByRole('button', { name: '去定级' }).click();
    await expect(page.getByRole('tab', { name: '定级' })).toHaveAttribute('aria-selected', 'true');
  });
});
