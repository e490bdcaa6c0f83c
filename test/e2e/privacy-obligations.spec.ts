/**
 * 义务日历 in Chinese with the personal-information duties: an activity sends data to 德国 under a
 * standard contract that took effect on Monday 2026-03-02 and was never filed; as of 2026-06-30
 * the calendar shows, below the systems' obligations, the filing due 10 working days later
 * (2026-03-16) as 已逾期, counts it in the 已逾期 group and links to 个人信息保护 › 义务.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, call, firstSignIn, handOverOrganisation, signIn } from './support';

const screenshots = path.resolve(import.meta.dirname, '../../test-results');

const ORGANISATION = '某跨境零售有限公司（义务日历）';
const SYSTEM = '跨境零售会员系统';
const ACTIVITY = '会员订单跨境配送';
const CONTRACT_EFFECTIVE = '2026-03-02';
/** 10 working days after Monday 2026-03-02 (no holiday in between): Monday 2026-03-16. */
const FILING_DUE = '2026-03-16';
const AS_OF = '2026-06-30';
const OWNER = {
  username: `pio-${Date.now().toString(36)}`,
  displayName: '钱晓',
  initialPassword: 'Init#Pio-2026',
  newPassword: 'Changed#Pio-2026',
};

test.use({ actionTimeout: 15_000 });

test('义务日历 shows the overdue standard-contract filing among the personal-information duties', async ({
  page,
}) => {
  test.setTimeout(120_000);
  let orgId = '';

  await test.step('set up through the API: a system and an activity with a transfer to Germany', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const system = await call<{ id: string }>(page, 'POST', `/api/organisations/${orgId}/systems`, {
      name: SYSTEM,
      types: ['ordinary_system'],
    });
    const activity = await call<{ id: string }>(
      page,
      'POST',
      `/api/organisations/${orgId}/privacy/activities`,
      {
        code: 'PA-101',
        name: ACTIVITY,
        purpose: '向境外物流服务商提供收件人信息以完成跨境配送',
        legalBases: ['consent', 'contract_or_hr'],
        dataCategories: ['name', 'phone_number'],
        dataSubjects: ['customers'],
        individuals: 300_000,
        retention: '订单完成后 3 年',
        systemIds: [system.id],
        recipients: [
          { key: 'R1', relationship: 'other_handler', name: 'Muster Logistik GmbH', country: 'DE' },
        ],
        transfers: [
          {
            key: 'T1',
            recipientKey: 'R1',
            mechanism: { kind: 'standard_contract', contractEffectiveOn: CONTRACT_EFFECTIVE },
          },
        ],
        consents: [{ case: 'art39_abroad', method: '下单页弹窗单独勾选同意' }],
      },
    );
    await call(
      page,
      'POST',
      `/api/organisations/${orgId}/privacy/activities/${activity.id}/batches`,
      {
        transferKey: 'T1',
        transferredOn: '2026-03-10',
        individuals: 150_000,
      },
    );
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  await test.step('义务日历 as of 2026-06-30: the filing is 已逾期, due 2026-03-16', async () => {
    await page.getByRole('menuitem', { name: '义务日历' }).click();
    await expect(page.getByRole('heading', { name: '义务日历' })).toBeVisible();
    const asOf = page.getByLabel('基准日期');
    await asOf.click();
    await asOf.fill(AS_OF);
    await asOf.press('Enter');
    await expect(asOf).toHaveValue(AS_OF);

    const card = page.getByTestId('calendar-privacy-duties');
    await expect(card).toContainText('个人信息保护义务');
    const filing = card.getByRole('row').filter({ hasText: '10个工作日内向省级网信部门备案' });
    await expect(filing).toContainText('已逾期');
    await expect(filing).toContainText(FILING_DUE);
    await expect(filing).toContainText(ACTIVITY);
    // 处罚风险 as on 个人信息保护 › 义务: the PIPL Art. 66 tiers.
    await expect(filing).toContainText('个人信息保护法第六十六条');
    // The state groups count it, labelled as a personal-information duty.
    await expect(page.getByText(/^已逾期 \d+（含个人信息 [1-9]\d*）$/)).toBeVisible();
    await page.screenshot({
      path: path.join(screenshots, 'privacy-obligations-calendar.png'),
      fullPage: true,
    });
  });

  await test.step('the duty links to 个人信息保护 › 义务 of the same date', async () => {
    const card = page.getByTestId('calendar-privacy-duties');
    await card
      .getByRole('row')
      .filter({ hasText: '10个工作日内向省级网信部门备案' })
      .getByRole('link')
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/privacy\\?tab=duties&asOf=${AS_OF}$`));
    await expect(
      page
        .getByTestId('privacy-duties')
        .getByRole('row')
        .filter({ hasText: '10个工作日内向省级网信部门备案' }),
    ).toContainText(FILING_DUE);
  });
});
