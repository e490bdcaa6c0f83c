import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, call, chooseOption, firstSignIn, handOverOrganisation, signIn } from './support';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

const ORGANISATION = '某城市商业银行（CII）';
const BUSINESS = '支付清算业务';
const FLOW = '支付报文清算流';
const CATEGORY = '支付交易信息';
/** An owner of the organisation only: the administrator leaves it, so grading.spec.ts still sees a first run. */
const OWNER = {
  username: `cii-${Date.now().toString(36)}`,
  displayName: '孙立清',
  initialPassword: 'Init#Cii-2026',
  newPassword: 'Changed#Cii-2026',
};

/** The bank's assets: code, kind (as the select shows it), name, operator of an external system. */
const ASSETS = [
  ['PAY-FE', '信息系统', '支付前置网关', null],
  ['CORE-CLR', '信息系统', '核心清算系统', null],
  ['CLOUD', '云计算平台', '私有云平台', null],
  ['CLOUD-MGMT', '运维管理系统', '云管理平台', null],
  ['PBOC-NET', '外部系统', '人民银行清算网络', '中国人民银行清算总中心'],
  ['OA', '信息系统', '办公自动化系统', null],
] as const;
const label = (code: string) => {
  const asset = ASSETS.find((a) => a[0] === code)!;
  return `${asset[0]} ${asset[2]}`;
};

/** A JSON call with the signed-in browser's cookie and CSRF token. */
/** Chooses an option of an antd Select, typing its text to filter the list. */
const choose = (select: Locator, text: string) => chooseOption(select, text, { search: text });

/** The node of an asset in the boundary graph (React Flow names it by code and name). */
const node = (page: Page, code: string) =>
  page.getByTestId('cii-graph').getByRole('group', { name: label(code), exact: true });

// A missing element fails the step quickly rather than at the (long) test timeout.
test.use({ actionTimeout: 15_000 });

test('CII: a bank payment-clearing business, its flow, boundary graph and determination', async ({
  page,
}) => {
  let orgId = '';

  await test.step('the administrator sets up the bank and hands it to an owner', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  await test.step('the designated core business, with its chain and information', async () => {
    await page.getByRole('menuitem', { name: '关键信息基础设施' }).click();
    await expect(page.getByText('尚无核心业务')).toBeVisible();
    await page.getByRole('button', { name: '新建核心业务' }).click();
    const drawer = page.getByRole('dialog', { name: '新建核心业务' });
    await drawer.getByLabel('名称', { exact: true }).fill(BUSINESS);
    await choose(drawer.getByRole('combobox', { name: '行业领域' }), '金融');
    await drawer.getByLabel('认定部门').fill('中国人民银行');
    await drawer.getByLabel('认定通知').fill('银发〔2026〕12号');
    await drawer.getByLabel('认定日期').fill('2026-03-01');
    await drawer.getByLabel('认定日期').press('Enter');
    for (const [i, step] of ['受理', '清算'].entries()) {
      await drawer.getByRole('button', { name: '添加环节' }).click();
      await drawer.getByLabel(`环节 ${i + 1} 环节名称`).fill(step);
    }
    await drawer.getByRole('button', { name: '添加信息类别' }).click();
    await drawer.getByLabel('信息类别 1 信息类别').fill(CATEGORY);
    await drawer.getByLabel('信息类别 1 重要数据').check();
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await expect(page.getByRole('heading', { name: BUSINESS })).toBeVisible();
    await expect(page.getByText('尚未认定边界')).toBeVisible();
    await expect(page.getByText(`${CATEGORY} · 重要数据`)).toBeVisible();
  });

  await test.step('assets and the dependencies between them', async () => {
    await page.getByRole('tab', { name: '资产与依赖' }).click();
    for (const [code, kind, name, party] of ASSETS) {
      await page.getByRole('button', { name: '新建资产' }).click();
      const drawer = page.getByRole('dialog', { name: '新建资产' });
      await drawer.getByLabel('资产编号').fill(code);
      await choose(drawer.getByRole('combobox', { name: '资产类型' }), kind);
      await drawer.getByLabel('名称', { exact: true }).fill(name);
      if (party) await drawer.getByLabel('运营方').fill(party);
      await drawer.getByRole('button', { name: /创\s*建/ }).click();
      await expect(drawer).toBeHidden();
    }
    await expect(page.getByRole('row').filter({ hasText: 'PBOC-NET' })).toContainText(
      '中国人民银行清算总中心',
    );
    for (const [from, kind, to] of [
      ['CORE-CLR', '运行于', 'CLOUD'],
      ['CLOUD', '运维管理', 'CLOUD-MGMT'],
      ['PAY-FE', '对外交换', 'PBOC-NET'],
    ] as const) {
      await choose(page.getByRole('combobox', { name: '依赖方', exact: true }), label(from));
      await choose(page.getByRole('combobox', { name: '依赖类型' }), kind);
      await choose(page.getByRole('combobox', { name: '被依赖方' }), label(to));
      await page.getByRole('button', { name: '添加依赖' }).click();
      await expect(
        page
          .getByRole('row')
          .filter({ hasText: label(from) })
          .filter({ hasText: kind }),
      ).toBeVisible();
    }
  });

  await test.step('the payment flow in the flow editor: collect, process, exchange', async () => {
    await page.getByRole('tab', { name: '信息流' }).click();
    await page.getByRole('button', { name: '新建信息流' }).click();
    const drawer = page.getByRole('dialog', { name: '新建信息流' });
    await drawer.getByLabel('信息流名称').fill(FLOW);
    await choose(drawer.getByRole('combobox', { name: '信息类别' }), CATEGORY);
    const hops = [
      ['PAY-FE', '采集'],
      ['CORE-CLR', '处理'],
      ['PAY-FE', '交换共享'],
    ] as const;
    for (const [i, [code, stage]] of hops.entries()) {
      if (i > 0) await drawer.getByRole('button', { name: '添加一步' }).click();
      await choose(drawer.getByRole('combobox', { name: `第 ${i + 1} 步 资产` }), label(code));
      await choose(drawer.getByRole('combobox', { name: `第 ${i + 1} 步 生命周期阶段` }), stage);
    }
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(drawer).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: FLOW });
    await expect(row).toContainText('① 采集');
    await expect(row).toContainText('③ 交换共享');
  });

  await test.step('the boundary graph: cloud and its management plane inside, PBOC a boundary point', async () => {
    await page.getByRole('tab', { name: '边界图' }).click();
    await expect(node(page, 'CLOUD')).toContainText('边界内');
    await expect(node(page, 'CLOUD-MGMT')).toContainText('边界内');
    await expect(node(page, 'CORE-CLR')).toContainText('边界内');
    await expect(node(page, 'PBOC-NET')).toContainText('边界接入点');
    await expect(node(page, 'OA')).toContainText('边界外');
    await expect(page.getByTestId('cii-count-inside')).toContainText('4');
    await expect(page.getByTestId('cii-count-outside')).toContainText('2');
    await expect(page.getByTestId('cii-count-points')).toContainText('1');
    await expect(page.getByTestId('cii-edge-point')).toContainText('边界接入点 · 对外交换');
    await expect(page.getByText('尚未记录边界认定')).toBeVisible();

    // Why is the management plane inside? The server's sentence and the chain back to the flow.
    await node(page, 'CLOUD-MGMT').click();
    const panel = page.getByTestId('cii-asset-panel');
    await expect(panel.getByText('为何在边界内')).toBeVisible();
    await expect(panel.getByTestId('cii-explanation')).toContainText('运维管理');
    const chain = panel.getByTestId('cii-chain');
    await expect(chain).toContainText(`信息流「${FLOW}」② 处理`);
    await expect(chain).toContainText('运行于');
    await expect(chain).toContainText('运维管理');
    await page.screenshot({ path: path.join(screenshots, 'cii-graph.png'), fullPage: true });
    // Each step of the chain opens that asset.
    await chain.getByRole('button', { name: label('CLOUD') }).click();
    await expect(panel.getByTestId('cii-panel-name')).toHaveText('私有云平台');

    await node(page, 'OA').click();
    await expect(panel.getByText('不在边界内').first()).toBeVisible();
    await node(page, 'PBOC-NET').click();
    await expect(panel.getByText('边界接入点').first()).toBeVisible();
    await expect(panel.getByRole('button', { name: label('PAY-FE') }).first()).toBeVisible();
  });

  await test.step('record the determination and find it in the history', async () => {
    await page.getByRole('button', { name: '记录本次边界认定' }).click();
    const dialog = page.getByRole('dialog', { name: '记录本次边界认定' });
    await dialog.getByLabel('备注').fill('首次边界认定');
    await dialog.getByRole('button', { name: '记录认定' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/计算出的边界与上次认定（.*）一致/)).toBeVisible();

    await page.getByRole('tab', { name: '认定历史' }).click();
    const row = page.getByRole('row').filter({ hasText: '首次边界认定' });
    await expect(row).toContainText('4 个');
    await expect(row).toContainText(OWNER.username);
    await expect(row.locator('.ant-tag-green')).toHaveCount(4);
  });
});
