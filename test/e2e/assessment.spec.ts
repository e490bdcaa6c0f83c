import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import type {
  AssessmentDto,
  AssessmentScoreDto,
  FindingDto,
  ListDto,
  RectificationDto,
  WorkbookDto,
} from '../../src/shared/api-types';
import { ADMIN, call, chooseOption, firstSignIn, handOverOrganisation, signIn } from './support';

const shots = path.resolve(import.meta.dirname, '../../.tmp');

const ORGANISATION = '某市医疗保障局';
const SYSTEM = '医保结算平台';
const TITLE = '2026年度医保结算平台等级测评';
const AGENCY = '某某信息安全测评中心';
const SERVER = '数据库服务器';
const SERVER_IP = '10.0.0.5';
const APP_SERVER = '应用服务器';
const DOCUMENT = '管理制度文档';
const WEAK_PASSWORD = '存在弱口令 admin/123456';
const PARTIAL_REASON = '仅部分账户启用了口令复杂度策略';
const PARTIAL_RECORD = '管理员账户已启用复杂度策略，运维账户未启用';
/** An owner of the organisation only: the administrator leaves it, so grading.spec.ts still sees a first run. */
const OWNER = {
  username: `assess-${Date.now().toString(36)}`,
  displayName: '钱学敏',
  initialPassword: 'Init#Assess-2026',
  newPassword: 'Changed#Assess-2026',
};

/** Today in Beijing, as YYYY-MM-DD. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A JSON call with the signed-in browser's cookie and CSRF token. */
/** The option of the open Select dropdown (closed ones stay in the DOM, hidden). */
const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

const get = async <T>(page: Page, url: string): Promise<T> => call<T>(page, 'GET', url);

/** Waits for the answer of a write whose URL contains `part`. */
const written = (page: Page, method: string, part: string) =>
  page.waitForResponse(
    (r) => r.request().method() === method && r.url().includes(part) && r.status() < 300,
  );

// A missing element fails the step quickly rather than at the (long) test timeout.
test.use({ actionTimeout: 15_000 });

test('assessment: workbook by keyboard, findings, conclusion and a closed rectification', async ({
  page,
}) => {
  test.setTimeout(180_000);
  let orgId = '';
  let systemId = '';
  let assessmentId = '';
  const api = () => `/api/organisations/${orgId}/assessments/${assessmentId}`;

  await test.step('the administrator sets up an organisation with a level-3 system', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const system = await call<{ id: string; version: number }>(
      page,
      'POST',
      `/api/organisations/${orgId}/systems`,
      { name: SYSTEM, types: ['ordinary_system'] },
    );
    systemId = system.id;
    await call(page, 'POST', `/api/organisations/${orgId}/systems/${systemId}/gradings`, {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
      gradedOn: today(),
      reason: '全市医保结算业务，服务中断将严重损害社会秩序和公共利益。',
      version: system.version,
    });
    await handOverOrganisation(page, orgId, OWNER);
  });

  await test.step('the owner signs in', async () => {
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  await test.step('a new assessment from the system page fixes the level-3 baseline', async () => {
    await page.goto(`/o/${orgId}/systems/${systemId}`);
    await page.getByRole('tab', { name: '测评', exact: true }).click();
    await expect(page.getByText('尚无测评')).toBeVisible();
    await page.getByRole('button', { name: '新建测评' }).click();
    const drawer = page.getByRole('dialog', { name: '新建测评' });
    await drawer.getByLabel('测评名称').fill(TITLE);
    await drawer.getByLabel('测评机构').fill(AGENCY);
    await drawer.getByLabel('报告编号').fill('DJCP-2026-0001');
    await drawer.getByLabel('报告日期').fill(today());
    await drawer.getByLabel('报告日期').press('Enter');
    await drawer.getByRole('combobox', { name: '测评人员' }).fill(OWNER.username);
    await drawer.getByRole('combobox', { name: '测评人员' }).press('Enter');
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}/);
    assessmentId = /\/assessments\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    const assessment = await get<AssessmentDto>(page, api());
    expect(assessment.level).toBe(3);
    expect(assessment.team).toEqual([OWNER.username]);
    expect(assessment.reportDate).toBe(today());
    await expect(page.getByTestId('overview-requirement-count')).toHaveText(
      `${assessment.requirementCount} 项`,
    );
  });

  const objects: Record<string, string> = {};
  await test.step('test objects: two servers (one with IP and version) and the management documents', async () => {
    await page.getByRole('tab', { name: /测评对象/ }).click();
    const alert = page.getByTestId('uncovered-alert');
    // No object yet: every category is untested, and the warning says so.
    await expect(alert).toContainText('以下控制点尚无测评对象，相关测评项为未测');
    for (const [name, kind, ip] of [
      [SERVER, '服务器/操作系统', SERVER_IP],
      [APP_SERVER, '服务器/操作系统', null],
      [DOCUMENT, '管理文档', null],
    ] as const) {
      await page.getByRole('button', { name: '添加测评对象' }).click();
      const drawer = page.getByRole('dialog', { name: '添加测评对象' });
      await drawer.getByLabel('对象名称').fill(name);
      await drawer.getByRole('combobox', { name: '对象类型' }).fill(kind);
      await option(page, kind).click();
      await expect(drawer).toContainText('按对象类型适用');
      await expect(drawer.getByTestId('scope-count')).toContainText(/按此范围共 \d+ 项测评项/);
      if (ip) {
        // A wrong address is refused in the form, in Chinese, and what was typed stays.
        const ips = drawer.getByRole('combobox', { name: 'IP 地址' });
        await ips.fill('10.0.0.300');
        await ips.press('Enter');
        await drawer.getByRole('button', { name: /保\s*存/ }).click();
        await expect(drawer).toContainText('“10.0.0.300”不是有效的 IP 地址');
        await drawer.locator('.ant-select-selection-item-remove').first().click();
        await ips.fill(ip);
        await ips.press('Enter');
        await drawer.getByLabel('操作系统/软件').fill('麒麟服务器操作系统');
        await drawer.getByLabel('版本', { exact: true }).fill('V10');
        await drawer.getByLabel('用途').fill('医保结算数据库');
        // The option can be clicked while the dropdown still animates: check it took.
        await expect(async () => {
          await drawer.getByRole('combobox', { name: '重要程度' }).click();
          await option(page, /^关键$/).click();
          await expect(drawer.getByTitle('关键', { exact: true })).toBeVisible({ timeout: 1000 });
        }).toPass({ timeout: 15_000 });
      }
      const saved = written(page, 'POST', '/objects');
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await saved;
      await expect(drawer).toBeHidden();
      await expect(page.getByText(name, { exact: true })).toBeVisible();
    }
    const serverRow = page.getByRole('row').filter({ hasText: SERVER });
    await expect(serverRow.getByTestId('object-ip')).toHaveText(SERVER_IP);
    await expect(serverRow).toContainText('麒麟服务器操作系统 V10');
    await expect(serverRow).toContainText('医保结算数据库');
    await expect(serverRow).toContainText('关键');
    const assessment = await get<AssessmentDto>(page, api());
    for (const o of assessment.objects) objects[o.name] = o.id;
    expect(Object.keys(objects)).toEqual([SERVER, APP_SERVER, DOCUMENT]);
    const server = assessment.objects.find((o) => o.name === SERVER)!;
    expect(server.attributes).toMatchObject({
      ipAddresses: [SERVER_IP],
      os: '麒麟服务器操作系统',
      version: 'V10',
      importance: 'key',
    });
    await expect(serverRow.getByTestId('object-requirement-count')).toHaveText(
      `${server.requirementCount} 项`,
    );
    await expect(page.getByTestId('object-group-devices')).toContainText(APP_SERVER);
    await expect(page.getByTestId('object-group-management')).toContainText(DOCUMENT);

    // Servers and documents leave the network, boundary, centre and machine room untested.
    expect(assessment.uncovered.map((u) => u.category).sort()).toEqual([
      'ABS',
      'CNS',
      'PES',
      'SMC',
    ]);
    await expect(alert.getByTestId('uncovered-CNS')).toContainText('安全通信网络');
    let added = written(page, 'POST', '/objects');
    await alert.getByRole('button', { name: '添加整体对象：安全通信网络' }).click();
    await added;
    await expect(alert.getByTestId('uncovered-CNS')).toHaveCount(0);
    await expect(alert).toContainText('安全区域边界');
    await expect(page.getByTestId('object-group-overall')).toContainText('安全通信网络');
    for (const name of ['安全区域边界', '安全管理中心']) {
      added = written(page, 'POST', '/objects');
      await alert.getByRole('button', { name: `添加整体对象：${name}` }).click();
      await added;
    }
    added = written(page, 'POST', '/objects');
    await alert.getByRole('button', { name: '添加整体对象：机房' }).click();
    await added;
    // Every control point has an object now: the warning is gone.
    await expect(alert).toHaveCount(0);
    expect((await get<AssessmentDto>(page, api())).uncovered).toEqual([]);
    await expect(page.getByRole('tab', { name: '测评对象（7）' })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'assessment-objects.png'), fullPage: true });
  });

  const row = (requirementId: string, object: string) =>
    page.locator(`[data-row-key="${requirementId}|${objects[object]}"]`);

  await test.step('the workbook, by keyboard: 不符合 with a record, 部分符合 with a reason, 符合', async () => {
    await page.getByRole('tab', { name: '测评记录' }).click();
    const workbook = await get<WorkbookDto>(page, `${api()}/workbook`);
    await expect(page.getByTestId('workbook-count')).toHaveText(
      `显示 ${workbook.rows.length} / ${workbook.rows.length} 条`,
    );
    await page.getByRole('textbox', { name: '搜索测评记录' }).fill('8.1.4.1');
    await page.getByRole('combobox', { name: '对象', exact: true }).click();
    await option(page, SERVER).click();

    // 8.1.4.1-a: select the row, 3 = 不符合: the result record is asked before anything is saved.
    await row('8.1.4.1-a', SERVER).locator('.wb-clause').click();
    await page.keyboard.press('3');
    const notes = page.getByRole('dialog', { name: '不符合：请填写结果记录' });
    await expect(notes).toBeVisible();
    // Empty is refused in the dialog, in Chinese.
    await notes.getByRole('button', { name: /保\s*存/ }).click();
    await expect(notes).toContainText('不符合须填写结果记录');
    await notes.getByRole('textbox', { name: '结果记录' }).fill('存在弱口令');
    let saved = written(page, 'PUT', '/results/8.1.4.1-a/');
    await notes.getByRole('textbox', { name: '结果记录' }).press('Enter');
    await saved;
    await expect(notes).toBeHidden();
    await expect(row('8.1.4.1-a', SERVER)).toContainText('不符合');
    await expect(row('8.1.4.1-a', SERVER)).toContainText('存在弱口令');
    // Enter edits the record, Enter saves it.
    await page.keyboard.press('Enter');
    const editor = row('8.1.4.1-a', SERVER).getByRole('textbox', { name: '结果记录' });
    await expect(editor).toBeFocused();
    await editor.fill(WEAK_PASSWORD);
    saved = written(page, 'PUT', '/results/8.1.4.1-a/');
    await editor.press('Enter');
    await saved;
    await expect(row('8.1.4.1-a', SERVER)).toContainText(WEAK_PASSWORD);

    // ↓ to 8.1.4.1-b, 2 = 部分符合: the record and the reason are asked before anything is saved.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
    const modal = page.getByRole('dialog', { name: '部分符合：请填写结果记录' });
    await expect(modal).toBeVisible();
    await modal.getByRole('textbox', { name: '结果记录' }).fill(PARTIAL_RECORD);
    await modal.getByRole('textbox', { name: '原因说明' }).fill(PARTIAL_REASON);
    saved = written(page, 'PUT', '/results/8.1.4.1-b/');
    await modal.getByRole('textbox', { name: '原因说明' }).press('Enter');
    await saved;
    await expect(modal).toBeHidden();
    await expect(row('8.1.4.1-b', SERVER)).toContainText(PARTIAL_REASON);
    await expect(row('8.1.4.1-b', SERVER)).toContainText(PARTIAL_RECORD);

    // ↓ 1, ↓ 1: two rows 符合.
    for (const id of ['8.1.4.1-c', '8.1.4.1-d']) {
      await page.keyboard.press('ArrowDown');
      saved = written(page, 'PUT', `/results/${id}/`);
      await page.keyboard.press('1');
      await saved;
      await expect(row(id, SERVER)).toContainText('符合');
    }
  });

  await test.step('the finding appears at once, listing both servers with their own results', async () => {
    await page.getByRole('tab', { name: '问题与风险' }).click();
    const card = page.getByTestId('finding-8.1.4.1-a');
    await expect(card.getByTestId('finding-worst')).toHaveText('不符合');
    await expect(card.getByTestId('finding-failing')).toHaveText('1/2 个对象不符合');
    await expect(card.getByTestId(`finding-object-${objects[SERVER]}`)).toHaveText(
      `${SERVER}：不符合`,
    );
    await expect(card.getByTestId(`finding-object-${objects[APP_SERVER]}`)).toHaveText(
      `${APP_SERVER}：未录入`,
    );
    await expect(card.getByTestId(`finding-object-${objects[SERVER]}`)).toHaveClass(/ant-tag-red/);
    const partial = page.getByTestId('finding-8.1.4.1-b');
    await expect(partial.getByTestId('finding-failing')).toHaveText('1/2 个对象部分符合');
    await page.getByRole('tab', { name: '测评记录' }).click();
  });

  await test.step('bulk: three management rows 符合 at once', async () => {
    await page.getByRole('textbox', { name: '搜索测评记录' }).fill('');
    await page.getByRole('combobox', { name: '对象', exact: true }).click();
    await option(page, DOCUMENT).click();
    const checkboxes = page.locator('.wb-grid .ant-table-row .ant-checkbox-input');
    for (let i = 0; i < 3; i++) await checkboxes.nth(i).check();
    await expect(page.getByRole('toolbar', { name: '批量操作' })).toContainText('已选 3 条');
    await page.getByRole('combobox', { name: '批量设置符合情况' }).click();
    const saved = written(page, 'POST', '/results');
    await option(page, /^符合$/).click();
    await saved;
    await expect(page.getByRole('toolbar', { name: '批量操作' })).toHaveCount(0);
  });

  await test.step('the results are stored as entered', async () => {
    const workbook = await get<WorkbookDto>(page, `${api()}/workbook`);
    const stored = (id: string, object: string) =>
      workbook.rows.find((r) => r.requirementId === id && r.objectId === objects[object]);
    expect(stored('8.1.4.1-a', SERVER)).toMatchObject({
      result: 'non_compliant',
      record: WEAK_PASSWORD,
    });
    expect(stored('8.1.4.1-b', SERVER)).toMatchObject({
      result: 'partial',
      record: PARTIAL_RECORD,
      reason: PARTIAL_REASON,
    });
    expect(stored('8.1.4.1-c', SERVER)?.result).toBe('compliant');
    expect(stored('8.1.4.1-d', SERVER)?.result).toBe('compliant');
    expect(
      workbook.rows.filter((r) => r.objectId === objects[DOCUMENT] && r.result === 'compliant'),
    ).toHaveLength(3);
    const answered = workbook.rows.filter((r) => r.result).length;
    expect(answered).toBe(7);
    await expect(page.getByTestId('progress-all')).toContainText(
      `${answered}/${workbook.rows.length}`,
    );
  });

  await test.step('evidence: upload a file to the weak-password row and see its SM3 digest', async () => {
    await page.getByRole('combobox', { name: '对象', exact: true }).click();
    // The object selector names the server with its address and version.
    await option(page, `${SERVER}（${SERVER_IP} · 麒麟服务器操作系统 V10）`).click();
    await page.getByRole('textbox', { name: '搜索测评记录' }).fill('8.1.4.1');
    await row('8.1.4.1-a', SERVER).getByRole('button', { name: '证据' }).click();
    const drawer = page.getByRole('dialog', { name: /证据：8\.1\.4\.1 a\)/ });
    await expect(drawer).toBeVisible();
    const saved = written(page, 'POST', '/evidence?');
    await drawer.locator('input[type=file]').setInputFiles({
      name: 'login-test.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('ssh admin@10.0.0.5 password 123456: login succeeded\n'),
    });
    await saved;
    await expect(drawer.getByTestId('evidence-sm3')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(drawer.getByRole('link', { name: /login-test\.txt/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(row('8.1.4.1-a', SERVER).getByRole('button', { name: '证据' })).toContainText('1');
    await row('8.1.4.1-a', SERVER).locator('.wb-clause').click();
    await page.getByRole('textbox', { name: '搜索测评记录' }).fill('');
    await page.screenshot({ path: path.join(shots, 'assessment-workbook.png') });
  });

  const exported = await page.request.get(`${api()}/export.xlsx`);
  expect(exported.ok(), `GET …/export.xlsx answered ${exported.status()}`).toBe(true);
  await test.step('Excel: export, fill a row offline, import it back', async () => {
    const load = async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet(SERVER);
      expect(sheet, `the export has a sheet for ${SERVER}`).toBeTruthy();
      const header = new Map<string, number>();
      sheet!.getRow(1).eachCell((cell, c) => header.set(String(cell.value).trim(), c));
      const rowOf = (id: string) => {
        let found: ExcelJS.Row | undefined;
        sheet!.eachRow((r) => {
          if (String(r.getCell(header.get('编号')!).value) === id) found = r;
        });
        expect(found, `row ${id} in sheet ${SERVER}`).toBeTruthy();
        return found!;
      };
      const set = (id: string, column: string, value: string) => {
        rowOf(id).getCell(header.get(column)!).value = value;
      };
      return { book, set, rowOf };
    };
    const upload = async (name: string, book: ExcelJS.Workbook) => {
      const imported = page.waitForResponse((r) => r.url().endsWith('/import'));
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await book.xlsx.writeBuffer()),
      });
      return (await imported).status();
    };
    await page.getByRole('tab', { name: 'Excel' }).click();
    await expect(page.getByRole('link', { name: /导出\s*Excel/ })).toHaveAttribute(
      'href',
      `${api()}/export.xlsx`,
    );

    // A copy with two mistakes: nothing is imported, both are listed with their place.
    const broken = await load();
    broken.set('8.1.4.2-a', '符合情况', '部分符合');
    broken.set('8.1.4.2-b', '符合情况', '大致符合');
    expect(await upload('有问题的测评记录.xlsx', broken.book)).toBe(400);
    const problems = page.getByTestId('import-problems');
    await expect(problems).toBeVisible();
    expect(await problems.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expect(problems).toContainText(SERVER);
    await expect(problems).toContainText('符合情况');
    await expect(page.getByTestId('import-result')).toHaveCount(0);

    // The corrected copy: 8.1.4.2-a 符合 with a record.
    const fixed = await load();
    fixed.set('8.1.4.2-a', '符合情况', '符合');
    fixed.set('8.1.4.2-a', '结果记录', '导入：已核查登录失败处理策略');
    expect(await upload('测评记录.xlsx', fixed.book)).toBe(200);
    await expect(page.getByTestId('import-result')).toBeVisible();
    await expect(page.getByTestId('import-problems')).toHaveCount(0);
    await expect(page.getByTestId('import-created')).toHaveText('1');
    const workbook = await get<WorkbookDto>(page, `${api()}/workbook`);
    expect(
      workbook.rows.find((r) => r.requirementId === '8.1.4.2-a' && r.objectId === objects[SERVER]),
    ).toMatchObject({ result: 'compliant', record: '导入：已核查登录失败处理策略' });
    await expect(page.getByTestId('import-rows')).toHaveText(String(workbook.rows.length));
  });

  await test.step('findings: confirm the weak password as a high risk with its symptom', async () => {
    await page.getByRole('tab', { name: '问题与风险' }).click();
    const card = page.getByTestId('finding-8.1.4.1-a');
    await expect(card).toContainText('不符合');
    await expect(card).toContainText(SERVER);
    await expect(card.getByTestId('finding-suggestion')).toContainText('建议风险等级');
    await card.getByRole('combobox', { name: '确认风险等级' }).click();
    await option(page, /^高风险$/).click();
    // The high-risk case of 8.1.4.1-a lists the weak-password symptom: tick what was observed.
    await card.getByRole('checkbox', { name: /弱口令账户/ }).check();
    await card
      .getByRole('textbox', { name: '问题描述' })
      .fill('数据库服务器存在弱口令，可被暴力破解。');
    const saved = written(page, 'PUT', '/findings/8.1.4.1-a');
    await card.getByRole('button', { name: /保\s*存/ }).click();
    await saved;
    const findings = await get<ListDto<FindingDto>>(page, `${api()}/findings`);
    const finding = findings.items.find((f) => f.requirementId === '8.1.4.1-a');
    expect(finding?.risk).toBe('high');
    expect(finding?.confirmedBy).toBeTruthy();
    await expect(card).toContainText('由');
    expect(findings.items.map((f) => f.requirementId)).toContain('8.1.4.1-b');
    expect(finding?.objects.map((o) => [o.name, o.result])).toEqual([
      [SERVER, 'non_compliant'],
      [APP_SERVER, null],
    ]);
    expect(finding?.failingObjectCount).toBe(1);
    if (finding?.majorRiskTrigger) {
      // A high risk whose guide case is a 重大风险隐患 trigger: the assessor is asked to judge it.
      await expect(card.getByTestId('finding-major-trigger')).toContainText(
        finding.majorRiskTrigger.id,
      );
    }
    await page.screenshot({ path: path.join(shots, 'assessment-findings.png'), fullPage: true });
    if (finding?.majorRiskTrigger) {
      await card.getByRole('link', { name: '前往重大风险隐患' }).click();
      await expect(page).toHaveURL(/tab=major/);
    }
  });

  await test.step('narrowing an object that has results asks before discarding them', async () => {
    await call(page, 'PUT', `${api()}/results/8.1.4.2-a/${objects[APP_SERVER]}`, {
      result: 'compliant',
      version: 0,
    });
    await page.getByRole('tab', { name: /测评对象/ }).click();
    const appRow = page.getByRole('row').filter({ hasText: APP_SERVER });
    await appRow.getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.getByRole('dialog', { name: '编辑' });
    await drawer.getByRole('radio', { name: '自定义' }).check();
    const tree = drawer.getByTestId('scope-tree');
    // Start from the kind's default (all of 安全计算环境), keep only 8.1.4.1 身份鉴别.
    await tree
      .locator('.ant-tree-treenode')
      .filter({ hasText: '安全计算环境' })
      .locator('.ant-tree-checkbox')
      .click();
    await tree
      .locator('.ant-tree-treenode')
      .filter({ hasText: '身份鉴别' })
      .locator('.ant-tree-checkbox')
      .click();
    await expect(drawer.getByTestId('scope-count')).toContainText('按此范围共 4 项测评项');
    const refused = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/objects/'),
    );
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    expect((await refused).status()).toBe(409);
    const warning = drawer.getByTestId('scope-drops-results');
    await expect(warning).toContainText('将排除 1 条已录入的结果');
    await expect(warning).toContainText('8.1.4.2-a');
    const saved = written(page, 'PATCH', '/objects/');
    await warning.getByRole('button', { name: '丢弃这些结果' }).click();
    await saved;
    await expect(drawer).toBeHidden();
    await expect(appRow.getByTestId('object-requirement-count')).toHaveText(/自定义\s*4 项/);
    const assessment = await get<AssessmentDto>(page, api());
    const app = assessment.objects.find((o) => o.name === APP_SERVER)!;
    expect(app.controlPoints).toEqual(['8.1.4.1']);
    expect(app.requirementCount).toBe(4);
    const workbook = await get<WorkbookDto>(page, `${api()}/workbook`);
    expect(workbook.rows.filter((r) => r.objectId === objects[APP_SERVER])).toHaveLength(4);
  });

  await test.step('the conclusion shows what GET …/score computes', async () => {
    await page.getByRole('tab', { name: '结论' }).click();
    const score = await get<AssessmentScoreDto>(page, `${api()}/score`);
    const unit = score.before.policy === 'T2025' ? '%' : '';
    await expect(page.getByTestId('score-before-value')).toHaveText(
      `${score.before.value.toFixed(2)}${unit}`,
    );
    await expect(page.getByTestId('score-before-conclusion')).toHaveText(score.before.conclusionZh);
    await expect(page.getByTestId('score-after-value')).toHaveText(
      `${score.after.value.toFixed(2)}${unit}`,
    );
    await expect(page.getByTestId('score-after-conclusion')).toHaveText(score.after.conclusionZh);
    expect(score.before.provisional).toBe(true);
    // Never a bare figure while items are open: the headline says 暂定 with the coverage.
    expect(score.before.headline.zh).toMatch(/^暂定：/);
    await expect(page.getByTestId('score-before-headline')).toHaveText(score.before.headline.zh);
    await expect(
      page.getByTestId('score-before').getByTestId('provisional-tag').first(),
    ).toHaveText('暂定');
    await expect(page.getByTestId('score-before')).toContainText('结论为暂定');
    await expect(page.getByTestId('score-before')).toContainText(
      `高风险 ${score.before.risks.high.total}（未关闭 ${score.before.risks.high.open}）`,
    );
    await page.getByRole('tab', { name: '概况' }).click();
    await expect(page.getByTestId('overview-headline')).toHaveText(score.before.headline.zh);
    await expect(page.getByTestId('overview-headline-coverage')).toContainText(
      `尚有 ${score.before.counts.unanswered + score.before.counts.untested} 项未测或未录入`,
    );
    await page.getByRole('tab', { name: '结论' }).click();
    await page.getByText('计算口径').click();
    await expect(page.getByText('符合率算法').or(page.getByText('综合得分算法'))).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'assessment-score.png'), fullPage: true });
  });

  await test.step('rectification: generate, fix as owner, re-test 符合 closes it', async () => {
    await page.getByRole('tab', { name: '整改' }).click();
    const generated = written(page, 'POST', '/rectifications');
    await page.getByRole('button', { name: '生成整改项' }).click();
    await generated;
    const item = page.getByRole('row').filter({ hasText: '8.1.4.1 a)' });
    await expect(item).toContainText('待整改');
    await item.getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.getByRole('dialog', { name: '整改项 8.1.4.1 a)' });
    await drawer.getByLabel('责任人').fill('李工');
    await drawer.getByLabel('计划完成日期').fill(today());
    await drawer.getByLabel('计划完成日期').press('Enter');
    await drawer.getByLabel('整改措施').fill('删除默认账户，启用口令复杂度策略并强制修改口令。');
    // Checked before saving: a click lost to the fading date picker once saved 待整改 (CI).
    await chooseOption(drawer.getByRole('combobox', { name: '状态' }), '已整改待复测');
    let saved = written(page, 'PATCH', '/rectifications/');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await saved;
    await expect(item).toContainText('已整改待复测');
    await expect(item).toContainText('李工');

    await item.getByRole('button', { name: /复\s*测/ }).click();
    const modal = page.getByRole('dialog', { name: '复测 8.1.4.1 a)' });
    await expect(modal.getByRole('combobox', { name: '复测结果' })).toBeVisible();
    saved = written(page, 'POST', '/retest');
    await modal.getByRole('button', { name: '记录复测' }).click();
    await saved;
    await expect(item).toContainText('复测通过');
    const items = await get<ListDto<RectificationDto>>(
      page,
      `/api/organisations/${orgId}/rectifications?assessmentId=${assessmentId}`,
    );
    expect(items.items.find((r) => r.requirementId === '8.1.4.1-a')).toMatchObject({
      status: 'verified',
      owner: '李工',
      retestResult: 'compliant',
    });
  });

  await test.step('after rectification the high risk is closed; the dashboard shows the system', async () => {
    await page.getByRole('tab', { name: '结论' }).click();
    const score = await get<AssessmentScoreDto>(page, `${api()}/score`);
    expect(score.after.risks.high.open).toBeLessThan(score.before.risks.high.open);
    await expect(page.getByTestId('score-after-conclusion')).toHaveText(score.after.conclusionZh);
    await page.getByRole('menuitem', { name: '测评与整改' }).click();
    await expect(page.getByRole('heading', { name: '测评与整改' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: SYSTEM })).toContainText(TITLE);
    await expect(page.getByTestId('burndown-chart')).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'assessment-dashboard.png'), fullPage: true });
  });
});
