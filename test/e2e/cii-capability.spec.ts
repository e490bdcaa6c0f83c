import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { CiiEvaluationDetailDto } from '../../src/shared/cii-evaluation-schemas';
import { ADMIN, call, firstSignIn, handOverOrganisation, signIn } from './support';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

const ORGANISATION = '某省电网公司（能力评价）';
const BUSINESS = '电力调度控制业务';
const TITLE = '2026年度电力调度控制业务安全保护能力评价';
const FINDING_NOTE = '未建立关键业务链与资产的对应清单';
const PARTIAL_NOTE = '风险识别仅覆盖生产控制大区';
/** An owner of the organisation only: the administrator leaves it, so grading.spec.ts still sees a first run. */
const OWNER = {
  username: `cap-${Date.now().toString(36)}`,
  displayName: '周明远',
  initialPassword: 'Init#Cap-2026',
  newPassword: 'Changed#Cap-2026',
};

/** A JSON call with the signed-in browser's cookie and CSRF token. */
/** The option of the open Select dropdown (closed ones stay in the DOM, hidden). */
// The most recently opened drop-down is the last one in the page (a previous one may still be
// fading out).
const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .last()
    .locator('.ant-select-item-option')
    .filter({ hasText: text });

/**
 * Sets a requirement's result with its select ("1 符合", "3 不符合" …) and waits until the page
 * counts it as an unsaved edit; a click lost to a closing drop-down is tried again.
 */
async function setResult(page: Page, id: string, label: RegExp, unsavedAfter: number) {
  await expect(async () => {
    await page.getByRole('combobox', { name: `结果 ${id}`, exact: true }).click();
    await option(page, label).click({ timeout: 3000 });
    await expect(page.getByTestId('unsaved-count')).toHaveText(`${unsavedAfter} 处未保存`, {
      timeout: 2000,
    });
  }).toPass({ timeout: 20_000 });
}

/**
 * Picks an option of a select and waits for its effect (`done`); a click lost to a drop-down
 * that is still opening or fading is tried again.
 */
async function choose(
  page: Page,
  select: Locator,
  text: string | RegExp,
  done: () => Promise<void>,
) {
  await expect(async () => {
    await select.click();
    await option(page, text).click({ timeout: 3000 });
    await done();
  }).toPass({ timeout: 20_000 });
}

/** Waits for the answer of a write whose URL contains `part`. */
const answered = (page: Page, method: string, part: string) =>
  page.waitForResponse((r) => r.request().method() === method && r.url().includes(part));

// A missing element fails the step quickly rather than at the (long) test timeout.
test.use({ actionTimeout: 15_000 });

test('CII capability evaluation: results by chapter, a conflict, a finding rectified, completed read-only', async ({
  page,
}) => {
  let orgId = '';
  let businessId = '';
  let evaluationId = '';

  await test.step('the administrator sets up the grid company and hands it to an owner', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
    businessId = (
      await call<{ id: string }>(page, 'POST', `/api/organisations/${orgId}/cii/core-businesses`, {
        name: BUSINESS,
        sector: 'energy',
      })
    ).id;
  });

  await test.step('start an evaluation of the core business', async () => {
    await page.goto(`/o/${orgId}/cii/${businessId}?tab=capability`);
    await expect(page.getByText('尚无能力评价')).toBeVisible();
    await expect(page.getByRole('tab', { name: '能力评价', selected: true })).toBeVisible();
    await page.getByRole('button', { name: '新建能力评价' }).click();
    const drawer = page.getByRole('dialog', { name: '新建能力评价' });
    await drawer.getByLabel('评价名称').fill(TITLE);
    await drawer.getByLabel('评价负责人').fill(OWNER.displayName);
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    evaluationId = new URL(page.url()).searchParams.get('evaluation') ?? '';
    expect(evaluationId).not.toBe('');
    await expect(page.getByText('评价中', { exact: true })).toBeVisible();
    // No MLPS-style conclusion; the chapters 6 分析识别 … 11 事件处置, nothing assessed yet.
    await expect(page.getByTestId('no-conclusion')).toContainText('不像等级测评');
    await expect(page.getByTestId('chapter-score-6')).toContainText('6 分析识别');
    await expect(page.getByTestId('chapter-score-11')).toContainText('11 事件处置');
    await expect(page.getByTestId('chapter-score-6').getByTestId('chapter-rate')).toHaveText('—');
    // Every clause carries its provenance marker (✓ / ≈ / ?).
    const marks = await page.getByTestId('provenance-mark').count();
    expect(marks).toBeGreaterThan(20);
  });

  await test.step('record chapter 6: a 不符合 with its note, a 部分符合 asks for one', async () => {
    await setResult(page, '6.1', /^1 符合$/, 1);
    await setResult(page, '6.2', /^1 符合$/, 2);
    await setResult(page, '6.3', /^3 不符合$/, 3);
    await page.getByRole('textbox', { name: '说明 6.3', exact: true }).fill(FINDING_NOTE);
    await page.getByRole('textbox', { name: '核查证据 6.3', exact: true }).fill('资产台账 v3');
    // Keyboard: the row is active once clicked; 2 = 部分符合, which needs a note first.
    await page.getByRole('row').filter({ hasText: '6.4' }).getByText('6.4').first().click();
    await page.keyboard.press('2');
    const prompt = page.getByRole('dialog', { name: '说明原因' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('textbox').fill(PARTIAL_NOTE);
    await prompt.getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByRole('textbox', { name: '说明 6.4', exact: true })).toHaveValue(
      PARTIAL_NOTE,
    );
    await expect(page.getByTestId('unsaved-count')).toHaveText('4 处未保存');

    const saved = answered(page, 'PUT', '/results');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByTestId('unsaved-count')).toBeHidden();
    // 符合 2 ÷ (4 assessed − 0 不适用) = 50%.
    await expect(page.getByTestId('chapter-score-6').getByTestId('chapter-rate')).toHaveText(
      '50.0%',
    );
    await expect(page.getByTestId('chapter-score-6')).toContainText('已评 4/4');
    await expect(page.getByTestId('overall-rate')).toHaveText('50.0%');
  });

  await test.step('someone else changes 6.1 meanwhile: the save is refused, named, refreshed', async () => {
    await page.getByRole('textbox', { name: '核查证据 6.1', exact: true }).fill('风险评估报告');
    const other = await call<CiiEvaluationDetailDto>(
      page,
      'PUT',
      `/api/organisations/${orgId}/cii/evaluations/${evaluationId}/results`,
      {
        rows: [{ requirementId: '6.1', result: 'compliant', evidence: '业务影响分析', version: 1 }],
      },
    );
    expect(other.requirements.find((r) => r.requirementId === '6.1')?.version).toBe(2);
    const refused = answered(page, 'PUT', '/results');
    await page.keyboard.press('Control+s');
    expect((await refused).status()).toBe(409);
    const conflict = page.getByTestId('save-conflict');
    await expect(conflict).toContainText('已被他人修改，请刷新');
    await expect(conflict).toContainText('条款 6.1');
    await expect(page.getByTestId('row-stale')).toHaveCount(1);
    await conflict.getByRole('button', { name: '刷新' }).click();
    await expect(conflict).toBeHidden();
    await expect(page.getByRole('textbox', { name: '核查证据 6.1', exact: true })).toHaveValue(
      '业务影响分析',
    );
    await expect(page.getByTestId('unsaved-count')).toBeHidden();
  });

  await test.step('a rectification item for the 不符合 finding', async () => {
    const findings = page.getByTestId('findings');
    await expect(findings.getByRole('row')).toHaveCount(3); // header + 6.3 + 6.4
    const row = findings.getByRole('row').filter({ hasText: FINDING_NOTE });
    await row.getByRole('button', { name: '创建整改项' }).click();
    const dialog = page.getByRole('dialog', { name: /创建整改项 · 6\.3/ });
    await dialog.getByLabel('责任人').fill('李工');
    await dialog.getByLabel('整改期限').fill('2026-12-31');
    await dialog.getByLabel('整改期限').press('Enter');
    await dialog.getByLabel('整改计划').fill('梳理关键业务链并建立资产对应清单');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('待整改');
    const items = page.getByTestId('rectifications');
    const item = items.getByRole('row').filter({ hasText: '李工' });
    await expect(item).toContainText('2026-12-31');
    await expect(item).toContainText('梳理关键业务链');
    // The finding's row shows the status the server now holds.
    await choose(page, item.getByRole('combobox', { name: '状态 6.3' }), '整改中', () =>
      expect(row).toContainText('整改中', { timeout: 2000 }),
    );
  });

  await test.step('the rest as 符合 in one go, then complete: read-only', async () => {
    await expect(page.getByRole('button', { name: /完成评价/ })).toBeDisabled();
    await choose(page, page.getByRole('combobox', { name: '按结果筛选' }), '未评', async () => {
      const [shown, all] = ((await page.getByTestId('grid-count').textContent()) ?? '')
        .match(/\d+/g)!
        .map(Number);
      expect(shown).toBeLessThan(all!);
    });
    await page.locator('.cap-grid thead').getByRole('checkbox').check();
    await choose(page, page.getByRole('combobox', { name: '批量设为…' }), /^符合$/, () =>
      expect(page.getByRole('button', { name: /保\s*存/ })).toBeEnabled({ timeout: 2000 }),
    );
    const saved = answered(page, 'PUT', '/results');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    // Open the evaluation afresh (filters reset): every requirement again, each with its result.
    await page.reload();
    await expect(page.getByTestId('grid-count')).toHaveText(/显示 (\d+) \/ \1 项/);
    await expect(page.getByTestId('chapter-score-all')).toContainText(/已评 (\d+)\/\1/);
    await page.screenshot({
      path: path.join(screenshots, 'cii-capability-draft.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: /完成评价/ }).click();
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)');
    await expect(confirm).toContainText('完成本次评价？');
    const completed = answered(page, 'POST', '/complete');
    await confirm.getByRole('button', { name: /完成评价/ }).click();
    expect((await completed).status()).toBe(200);
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.getByText('已完成', { exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: /^结果 / })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: /^说明 / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
    // The finding and its rectification item stay; the item can still be followed up.
    await expect(page.getByTestId('rectifications')).toContainText('整改中');
    await page.screenshot({
      path: path.join(screenshots, 'cii-capability-completed.png'),
      fullPage: true,
    });
  });

  await test.step('the list shows it completed with its rate; English once', async () => {
    await page.getByRole('button', { name: '评价列表' }).click();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await expect(row).toContainText('已完成');
    await expect(row).toContainText('已全部评定');
    await row.getByRole('button', { name: TITLE }).click();
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByText('Conformance by chapter')).toBeVisible();
    await expect(page.getByTestId('chapter-score-6')).toContainText('6 Identification');
    await page.screenshot({
      path: path.join(screenshots, 'cii-capability-en.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: /中文/ }).click();
  });
});
