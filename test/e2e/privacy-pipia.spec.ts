/**
 * A personal-information protection impact assessment (个人信息保护影响评估, PIPIA) from trigger to
 * approved report, in the Chinese UI: a hospital's outpatient registration processes medical
 * records and ID card numbers (sensitive personal information, PIPL Art. 28), so it shows under
 * 需要评估的处理活动 (Art. 55(1)); its owner starts the assessment, answers the applicable
 * questions, submits it, is refused approval of their own assessment (separation of duties, the
 * server's message), and a second owner approves it. The assessment then reads 已批准 with
 * 保存至 three years after approval (Art. 56), and its report downloads as Word and PDF (the PDF
 * read back with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ADMIN,
  call,
  chooseOption,
  firstSignIn,
  handOverOrganisation,
  signIn,
  signOut,
} from './support';

const shots = path.resolve(import.meta.dirname, '../../test-results/privacy-pipia');

const ORGANISATION = '某市第三人民医院';
const SENSITIVE_ACTIVITY = '门诊挂号与就诊登记';
const PLAIN_ACTIVITY = '门户网站访问统计';

const OTHER_WRITER_ANSWER =
  '评估范围：门诊挂号、就诊登记及其所在的 HIS 系统（信息中心 王建国 填写）';

const stamp = Date.now().toString(36);
const OWNER = {
  username: `pipia-author-${stamp}`,
  displayName: '孙丽华',
  initialPassword: 'Init#Pipia-2026',
  newPassword: 'Changed#Pipia-2026',
};
const APPROVER = {
  username: `pipia-approver-${stamp}`,
  displayName: '周建军',
  initialPassword: 'Init#Approve-2026',
  newPassword: 'Changed#Approve-2026',
};

/** Today in Beijing (the server dates the approval in Beijing days). */
const todayInBeijing = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** PIPL Art. 56: three years after `date` (29 February falls back to 28 February). */
function threeYearsAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + 3;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 2026-12-08 → 2026年12月8日, as the report prints dates. */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

async function openAssessments(page: Page, orgId: string): Promise<void> {
  await page.goto(`/o/${orgId}/privacy?tab=pipia`);
  await expect(page.getByTestId('pipia-list')).toBeVisible();
}

/** The button of a risk level (低/中/高/严重) in a risk radio group (its input is hidden). */
const riskButton = (within: Locator, level: string) =>
  within.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${level}$`) });

test.use({ actionTimeout: 15_000 });

test('PIPIA: sensitive activity → 发起评估 → answers → submit → author refused → second owner approves → 保存至 + Word/PDF', async ({
  page,
}) => {
  test.setTimeout(240_000);
  fs.mkdirSync(shots, { recursive: true });
  let orgId = '';
  const api = (p: string) => `/api/organisations/${orgId}${p}`;

  await test.step('the administrator sets up the hospital, its register and two owners', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    await call(page, 'POST', api('/privacy/activities'), {
      code: 'PA-001',
      name: SENSITIVE_ACTIVITY,
      purpose: '门诊患者身份核验、挂号、诊疗记录与医保结算',
      legalBases: ['consent', 'contract_or_hr'],
      dataCategories: ['name', 'id_card_number', 'phone_number', 'medical_record'],
      dataSubjects: ['patients'],
      individuals: 180_000,
      sensitiveIndividuals: 180_000,
      retention: '门诊病历自最后一次就诊之日起保存不少于 15 年',
      retentionMonths: 180,
      consents: [{ case: 'art29_sensitive', method: '挂号时书面单独同意' }],
      owner: '医务处',
    });
    await call(page, 'POST', api('/privacy/activities'), {
      code: 'PA-002',
      name: PLAIN_ACTIVITY,
      purpose: '统计门户网站访问量',
      legalBases: ['consent'],
      dataCategories: ['ip_address'],
      dataSubjects: ['visitors'],
      individuals: 5_000,
      retention: '6 个月',
      retentionMonths: 6,
    });
    await call(page, 'POST', api('/members'), {
      username: APPROVER.username,
      role: 'owner',
      newAccount: { displayName: APPROVER.displayName, initialPassword: APPROVER.initialPassword },
    });
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  await test.step('影响评估: the sensitive activity needs an assessment, the plain one does not', async () => {
    await openAssessments(page, orgId);
    const needs = page.getByTestId('pipia-needs');
    const row = needs.getByRole('row').filter({ hasText: SENSITIVE_ACTIVITY });
    await expect(row).toBeVisible();
    await expect(row).toContainText('敏感个人信息');
    await expect(row).toContainText('尚未评估');
    await expect(needs.getByRole('row').filter({ hasText: PLAIN_ACTIVITY })).toHaveCount(0);
    await page.screenshot({ path: path.join(shots, '1-needs-assessment.png'), fullPage: true });
    await row.getByRole('button', { name: '发起评估' }).click();
    await expect(page).toHaveURL(/\/privacy\/pipias\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: new RegExp(SENSITIVE_ACTIVITY) })).toBeVisible();
    await expect(page.getByTestId('pipia-status').first()).toHaveText('草稿');
  });

  await test.step('a save over a newer version (409): 载入最新内容 shows the other writer’s answer', async () => {
    const pipiaId = page.url().split('/').pop() ?? '';
    const stored = await call<{ version: number }>(page, 'GET', api(`/privacy/pipias/${pipiaId}`));
    await call(page, 'PATCH', api(`/privacy/pipias/${pipiaId}`), {
      answers: { 'scope.1': { answer: OTHER_WRITER_ANSWER } },
      version: stored.version,
    });
    await page.getByLabel('问题 scope.1 的回答').fill('本页输入的回答');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const error = page.getByTestId('pipia-error');
    await expect(error).toContainText('他人已修改了这份评估');
    await error.getByRole('button', { name: '载入最新内容' }).click();
    await expect(page.getByLabel('问题 scope.1 的回答')).toHaveValue(OTHER_WRITER_ANSWER);
    await expect(error).toHaveCount(0);
  });

  await test.step('submitting with nothing answered names the unanswered questions as links', async () => {
    await page.getByRole('button', { name: '提交审核' }).click();
    const error = page.getByTestId('pipia-error');
    await expect(error).toBeVisible();
    await expect(error.getByTestId('pipia-error-questions')).toBeVisible();
    const links = error.getByTestId('pipia-error-questions').getByRole('button');
    expect(await links.count()).toBeGreaterThan(1);
    // scope.1 has an answer (the other writer's); a named question is one click away.
    await expect(links.filter({ hasText: /^scope\.1$/ })).toHaveCount(0);
    const last = (await links.last().textContent()) ?? '';
    await links.last().click();
    await expect(page.getByTestId(`pipia-question-${last}`)).toBeInViewport();
    await page.screenshot({ path: path.join(shots, '2-unanswered.png'), fullPage: false });
  });

  await test.step('answer every applicable question with its risk, rate the overall risk, submit', async () => {
    const questions = page.locator('[data-testid^="pipia-question-"]');
    const count = await questions.count();
    expect(count).toBeGreaterThan(3);
    let rated = 0;
    for (let i = 0; i < count; i++) {
      const q = questions.nth(i);
      const id = ((await q.getAttribute('data-testid')) ?? '').replace('pipia-question-', '');
      await q
        .getByLabel(`问题 ${id} 的回答`)
        .fill(`已核实（问题 ${id}）：门诊挂号仅收集诊疗所必需的信息，依据患者单独同意处理。`);
      // Rated questions (risk analysis, measures) carry a risk level and a measure.
      const measure = q.getByLabel(`问题 ${id} 的保护措施`);
      if ((await measure.count()) === 0) continue;
      rated += 1;
      const risk = rated === 1 ? '中' : '低';
      await riskButton(q, risk).click();
      if (risk === '中')
        await measure.fill('病历数据库字段级 SM4 加密，访问按科室授权并留存审计日志');
    }
    expect(rated).toBeGreaterThan(0);
    await riskButton(page.getByTestId('pipia-overall-risk'), '低').click();
    await page
      .getByLabel('评估结论')
      .fill('处理目的明确、方式合法正当，收集范围限于诊疗所必需；风险总体可控，保护措施有效。');
    // The second owner reviews before approving.
    await chooseOption(page.getByLabel('审核人'), APPROVER.displayName);
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByTestId('pipia-status').first()).toHaveText('审核中');
    await expect(page.getByTestId('pipia-workflow')).toContainText('待审核');
    await page.screenshot({ path: path.join(shots, '3-in-review.png'), fullPage: true });
  });

  await test.step('the author may not approve their own assessment: the server says so', async () => {
    await page.getByRole('button', { name: /批\s*准/ }).click();
    const error = page.getByTestId('pipia-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('未能批准');
    await expect(error).toContainText(/职责分离|separation of duties/);
    await expect(page.getByTestId('pipia-status').first()).toHaveText('审核中');
    await error.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, '4-author-refused.png'), fullPage: false });
    await page.goto('/');
    await signOut(page, OWNER.displayName);
  });

  const approvedOn = todayInBeijing();
  const retainUntil = threeYearsAfter(approvedOn);

  await test.step('the second owner approves; 已批准 with 保存至 three years on', async () => {
    await firstSignIn(page, APPROVER, ORGANISATION);
    await openAssessments(page, orgId);
    const row = page
      .getByTestId('pipia-list')
      .getByRole('row')
      .filter({ hasText: SENSITIVE_ACTIVITY });
    await expect(row).toContainText('审核中');
    await row.getByRole('link').first().click();
    // Named as reviewer: agrees first (approval waits for every named reviewer).
    await page.getByLabel('审核意见').fill('已核对问卷与登记册一致，同意。');
    await page.getByRole('button', { name: /同\s*意/ }).click();
    await expect(page.getByTestId('pipia-workflow')).toContainText('已核对问卷与登记册一致');
    await page.getByRole('button', { name: /批\s*准/ }).click();
    await expect(page.getByTestId('pipia-status').first()).toHaveText('已批准');
    await expect(page.getByTestId('pipia-approved-on')).toHaveText(approvedOn);
    await expect(page.getByTestId('pipia-retain-until')).toHaveText(retainUntil);
    await expect(page.getByTestId('pipia-approved')).toContainText(APPROVER.displayName);
    await expect(page.getByTestId('pipia-approved')).toContainText(retainUntil);
    // Read-only: no save or submit; the answers read as text.
    await expect(page.getByRole('button', { name: '提交审核' })).toHaveCount(0);
    await expect(page.locator('[data-testid^="pipia-question-"] textarea')).toHaveCount(0);
    await expect(page.getByTestId('pipia-answer-readonly').first()).toContainText('已核实');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(shots, '5-approved.png') });

    await openAssessments(page, orgId);
    const listed = page
      .getByTestId('pipia-list')
      .getByRole('row')
      .filter({ hasText: SENSITIVE_ACTIVITY });
    await expect(listed).toContainText('已批准');
    await expect(listed).toContainText(approvedOn);
    await expect(listed).toContainText(retainUntil);
    await page.screenshot({ path: path.join(shots, '6-list-approved.png'), fullPage: true });
    await listed.getByRole('link').first().click();
  });

  await test.step('评估报告 downloads as Word and PDF; the PDF has the chapters and the approval', async () => {
    const download = async (format: 'docx' | 'pdf') => {
      await page.getByRole('button', { name: '下载文档' }).click();
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId(`download-pipia.report-${format}-zh`).click(),
      ]);
      const target = path.join(shots, `pipia-report.${format}`);
      await file.saveAs(target);
      return target;
    };
    const docx = fs.readFileSync(await download('docx'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.length).toBeGreaterThan(5_000);

    const pdf = await download('pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8');
    fs.writeFileSync(path.join(shots, 'pipia-report.txt'), text);
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '个人信息保护影响评估报告',
      ORGANISATION,
      SENSITIVE_ACTIVITY,
      '评估结论',
      '审核与批准',
      '保存期限',
      APPROVER.displayName,
      '已核对问卷与登记册一致',
      // The report writes dates the Chinese way: 2029年12月8日.
      chineseDate(approvedOn),
      `保存至${chineseDate(retainUntil)}`,
    ])
      expect(flat, `PDF should contain ${expected}`).toContain(expected.replace(/\s+/g, ''));
  });
});
