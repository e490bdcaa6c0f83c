import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import type { AssessmentDto, ListDto, RectificationDto } from '../../src/shared/api-types';
import { ADMIN, call, handOverOrganisation, signIn } from './support';

/**
 * The Chinese UI shows no English: the pages of the README's web tour, in zh-CN, with data in
 * them (a graded system, an assessment with a failed Excel import, a rectification in progress,
 * a CII core business with a recorded boundary determination, the audit log with its changes
 * open), each checked for visible Latin words. Words with a digit (standard numbers, clause and
 * test ids, dates, versions, hashes) are identifiers; the few names below are allowed as they are.
 */
const ALLOWED = new Set([
  // Product and file-format names, kept in Latin in Chinese text.
  'Excel',
  'Word',
  'PDF',
  'PNG',
  'JPEG',
  'CSV',
  'WPS',
  'xlsx',
  'YAML',
  'JSON',
  'OSCAL',
  // Scanner products, their report formats and vulnerability identifiers (漏洞扫描/渗透测试).
  'Greenbone',
  'OpenVAS',
  'Nessus',
  'nessus',
  'XML',
  'csv',
  'CVE',
  'CVSS',
  // The language switch names the other language in that language; the product's own name.
  'English',
  'dengbao',
  // GB/T 22239-2019's category abbreviations (as in its test ids, L3-PES1-19) and a term of its text.
  'PES',
  'CNS',
  'ABS',
  'CES',
  'SMC',
  'PSS',
  'ORS',
  'HRS',
  'CMS',
  'MMS',
  'UPS',
  'USBKey',
  // Standards bodies, algorithms and technical terms Chinese users write in Latin.
  'GB',
  'ISO',
  'IEC',
  'SM',
  'API',
  'IP',
  'ID',
  'UUID',
  'URL',
  'IoT',
  // Date-format hints and units.
  'YYYY',
  'MM',
  'DD',
  'MB',
  'KB',
  // Keys named on the keyboard hints.
  'Enter',
  'Esc',
  'Tab',
]);

const ORGANISATION = '某省政务服务管理局';
const SYSTEM = '政务服务网上办事大厅';
const TITLE = '2026年度网上办事大厅等级测评';
const SERVER = '应用服务器';
const BUSINESS = '政务数据共享交换';
const OWNER = {
  username: `zhangwei-${Date.now().toString(36)}`,
  displayName: '张伟',
  initialPassword: 'Init#Chinese-2026',
  newPassword: 'Changed#Chinese-2026',
};
/** User data in Latin letters this spec itself enters (user names). */
const USER_DATA: readonly string[] = [ADMIN.username, OWNER.username];

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Visible text of the page: the rendered text and the placeholders of visible fields. */
async function visibleText(page: Page): Promise<string> {
  // A string expression: this project's TypeScript has no DOM types (the browser runs it).
  const placeholders = await page.evaluate<string>(
    `[...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.getAttribute('placeholder'))
      .join('\\n')`,
  );
  let text = await page.locator('body').innerText();
  // Citations of the catalog's sources: repository names and paths, quoted as they are.
  for (const quoted of await page.locator('[data-testid="catalog-sources"]').allInnerTexts())
    text = text.replace(quoted, '');
  return `${text}\n${placeholders}`;
}

/** Latin words of a text that are neither identifiers nor allowed, each with some context. */
export function latinWords(text: string): string[] {
  const found: string[] = [];
  // Chunks between spaces, CJK characters and CJK punctuation.
  for (const m of text.matchAll(/[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…·—]+/g)) {
    const chunk = m[0];
    if (/\d/.test(chunk)) continue; // an identifier: 8.1.4.1-a, GB/T 22239-2019's number, a hash
    if ([...USER_DATA].some((name) => chunk.includes(name))) continue;
    for (const w of chunk.matchAll(/[A-Za-z]{2,}/g)) {
      if (ALLOWED.has(w[0])) continue;
      const at = m.index ?? 0;
      found.push(
        `${w[0]}  ⟨${text.slice(Math.max(0, at - 20), at + chunk.length + 20).replace(/\s+/g, ' ')}⟩`,
      );
    }
  }
  return found;
}

// A missing element fails the step quickly rather than at the (long) test timeout.
test.use({ actionTimeout: 15_000 });

test('the Chinese UI shows no English on the pages of the web tour', async ({ page }) => {
  test.setTimeout(240_000);
  const leaks: string[] = [];
  /** Waits for the page to settle, then records every English word it shows. */
  const check = async (where: string) => {
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    for (const word of new Set(latinWords(await visibleText(page))))
      leaks.push(`${where}: ${word}`);
  };
  let orgId = '';
  let systemId = '';
  let assessmentId = '';
  let businessId = '';
  const org = (path: string) => `/api/organisations/${orgId}${path}`;

  await test.step('sign-in page', async () => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: '等保工作台' })).toBeVisible();
    await check('登录页');
  });

  await test.step('data: a graded system, an assessment, a rectification, a CII business', async () => {
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const system = await call<{ id: string; version: number }>(page, 'POST', org('/systems'), {
      name: SYSTEM,
      types: ['ordinary_system'],
    });
    systemId = system.id;
    await call(page, 'POST', org(`/systems/${systemId}/gradings`), {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
      gradedOn: today(),
      reason: '全省政务服务统一入口，中断将严重损害社会秩序和公共利益。',
      version: system.version,
    });
    assessmentId = (
      await call<AssessmentDto>(page, 'POST', org(`/systems/${systemId}/assessments`), {
        title: TITLE,
        agency: '某某信息安全测评中心',
      })
    ).id;
    const object = await call<{ id: string }>(
      page,
      'POST',
      org(`/assessments/${assessmentId}/objects`),
      {
        name: SERVER,
        kind: 'server',
        attributes: {
          ipAddresses: ['10.1.2.3', '10.1.2.4'],
          os: '麒麟服务器操作系统',
          version: 'V10',
          role: '网上办事应用',
          importance: 'important',
        },
      },
    );
    await call(page, 'POST', org(`/assessments/${assessmentId}/objects`), {
      name: '办事群众个人信息',
      kind: 'data',
      attributes: { dataClass: 'personal', importance: 'key' },
    });
    await call(page, 'PUT', org(`/assessments/${assessmentId}/results/8.1.4.1-a/${object.id}`), {
      result: 'non_compliant',
      record: '存在默认口令',
      version: 0,
    });
    const items = await call<ListDto<RectificationDto>>(
      page,
      'POST',
      org(`/assessments/${assessmentId}/rectifications`),
    );
    const item = items.items[0]!;
    await call(page, 'PATCH', org(`/rectifications/${item.id}`), {
      version: item.version,
      status: 'in_progress',
      owner: '李娜',
      dueDate: today(),
    });

    businessId = (
      await call<{ id: string }>(page, 'POST', org('/cii/core-businesses'), {
        name: BUSINESS,
        sector: 'e_government',
        designatedOn: '2026-03-01',
      })
    ).id;
    const asset = await call<{ id: string }>(page, 'POST', org('/cii/assets'), {
      code: 'ZW-01',
      name: '数据共享交换平台',
      kind: 'information_system',
    });
    await call(page, 'POST', org(`/cii/core-businesses/${businessId}/flows`), {
      name: '人口基础信息',
      hops: [{ assetId: asset.id, stage: 'collection' }],
    });
    await call(page, 'POST', org(`/cii/core-businesses/${businessId}/determinations`), {
      note: '首次认定',
    });
    await call(page, 'POST', org(`/cii/core-businesses/${businessId}/evaluations`), {
      title: '2026年度关键信息基础设施安全保护能力评价',
      evaluator: '王芳',
    });
  });

  await test.step('home, systems and a system with its tabs', async () => {
    await page.goto(`/o/${orgId}`);
    await check('首页');
    await page.goto(`/o/${orgId}/systems`);
    await expect(page.getByRole('link', { name: SYSTEM })).toBeVisible();
    await check('定级对象');
    await page.getByRole('button', { name: '新建定级对象' }).click();
    const drawer = page.getByRole('dialog', { name: '新建定级对象' });
    await expect(drawer.getByText('信息系统', { exact: true })).toBeVisible();
    // Submitted empty: the form's own messages.
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await expect(drawer.getByText('请填写定级对象名称')).toBeVisible();
    await check('新建定级对象');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    // The grading wizard of a system not graded yet, and its warning when nothing is chosen.
    const ungraded = await call<{ id: string }>(page, 'POST', org('/systems'), {
      name: '统一身份认证平台',
      types: ['ordinary_system'],
    });
    await page.goto(`/o/${orgId}/systems/${ungraded.id}`);
    await expect(page.getByText('未定级').first()).toBeVisible();
    await check('定级向导');
    await page.getByRole('button', { name: /下一步/ }).click();
    await check('定级向导（未选择）');
    await page.goto(`/o/${orgId}/systems/${systemId}`);
    await check('定级对象详情');
    for (const tab of await page.getByRole('tab').allInnerTexts()) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await check(`定级对象详情 · ${tab}`);
    }
  });

  await test.step('obligations and the catalog', async () => {
    await page.goto(`/o/${orgId}/obligations`);
    await expect(page.getByText(/整改/).first()).toBeVisible();
    await check('义务日历');
    await page.goto(`/o/${orgId}/catalog`);
    await check('基本要求');
    // An item with its levels, methods, evidence, provenance, high-risk case and ISO mapping.
    await page.goto(`/o/${orgId}/catalog?id=8.1.4.1-d`);
    await expect(page.getByRole('heading', { name: '双因素鉴别且含密码技术' })).toBeVisible();
    await check('基本要求 · 8.1.4.1-d');
  });

  await test.step('assessments, the workbook and a failing Excel import', async () => {
    await page.goto(`/o/${orgId}/assessments`);
    await check('测评与整改');
    await page.goto(`/o/${orgId}/assessments/${assessmentId}`);
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    const tabs = await page.getByRole('tab').allInnerTexts();
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await check(`测评 · ${tab}`);
    }

    // The object drawer with its own requirement set (the baseline's control points).
    await page.getByRole('tab', { name: /测评对象/ }).click();
    await page.getByRole('button', { name: '添加测评对象' }).click();
    const drawer = page.getByRole('dialog', { name: '添加测评对象' });
    await drawer.getByRole('combobox', { name: '对象类型' }).fill('网络设备');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '网络设备' })
      .click();
    await drawer.getByRole('radio', { name: '自定义' }).check();
    await expect(drawer.getByTestId('scope-tree')).toContainText('身份鉴别');
    await check('测评 · 添加测评对象（自定义范围）');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    // 不符合 asks for the result record first.
    await page.getByRole('tab', { name: '测评记录', exact: true }).click();
    await page.getByRole('checkbox', { name: '仅看未填写' }).check();
    await page.locator('.wb-grid .wb-clause').first().click();
    await page.keyboard.press('3');
    const notes = page.getByRole('dialog', { name: '不符合：请填写结果记录' });
    await expect(notes).toBeVisible();
    await check('测评 · 结果记录');
    await notes.getByRole('button', { name: /取\s*消/ }).click();
    await expect(notes).toBeHidden();

    const exported = await page.request.get(org(`/assessments/${assessmentId}/export.xlsx`));
    expect(exported.ok()).toBeTruthy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(SERVER)!;
    const header = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, c) => header.set(String(cell.value).trim(), c));
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) rows.push(r);
    });
    // Four mistakes: an unknown result, 部分符合 without a reason, a changed weight and an id
    // outside the baseline; and a sheet no test object is mapped to.
    rows[1]!.getCell(header.get('符合情况')!).value = '大致符合';
    rows[2]!.getCell(header.get('符合情况')!).value = '部分符合';
    rows[3]!.getCell(header.get('权重')!).value = 0.123;
    rows[4]!.getCell(header.get('编号')!).value = '9.9.9.9-z';
    rows[4]!.getCell(header.get('符合情况')!).value = '符合';
    book.addWorksheet('额外的表').addRow(['备注']);

    await page.getByRole('tab', { name: 'Excel' }).click();
    const upload = async (name: string, buffer: Buffer) => {
      const imported = page.waitForResponse((r) => r.url().endsWith('/import'));
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      expect((await imported).status()).toBe(400);
      await expect(page.getByTestId('import-problems')).toBeVisible();
    };
    await upload('有问题的测评记录.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(
      await page.getByTestId('import-problems').locator('tbody tr').count(),
    ).toBeGreaterThanOrEqual(5);
    await check('测评 · Excel 导入失败（内容有误）');
    await upload('不是工作簿.xlsx', Buffer.from('这不是 Excel 文件'));
    await check('测评 · Excel 导入失败（不是 .xlsx 文件）');
  });

  await test.step('CII: the businesses and a core business with its tabs', async () => {
    await page.goto(`/o/${orgId}/cii`);
    await expect(page.getByText(BUSINESS).first()).toBeVisible();
    await check('关键信息基础设施');
    await page.goto(`/o/${orgId}/cii/${businessId}`);
    await expect(page.getByRole('heading', { name: BUSINESS })).toBeVisible();
    for (const tab of await page.getByRole('tab').allInnerTexts()) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await check(`核心业务 · ${tab}`);
    }
    // Why an asset is inside the boundary, with its chain.
    await page.getByRole('tab', { name: '边界图', exact: true }).click();
    await page
      .getByTestId('cii-graph')
      .getByRole('group', { name: 'ZW-01 数据共享交换平台', exact: true })
      .click();
    await expect(page.getByTestId('cii-asset-panel')).toBeVisible();
    await check('核心业务 · 边界图 · 资产说明');
  });

  await test.step('settings: members, roles, organisation details, tokens and the audit log with its changes', async () => {
    for (const [path, name] of [
      ['settings/members', '成员与角色'],
      ['settings/roles', '角色权限'],
      ['settings/organisation', '单位信息'],
      ['settings/tokens', 'API令牌'],
    ] as const) {
      await page.goto(`/o/${orgId}/${path}`);
      await check(name);
    }
    await page.goto(`/o/${orgId}/settings/audit?pageSize=50`);
    await expect(page.getByText('记录边界认定').first()).toBeVisible();
    // Every entry's before/after open: the fields and values in words.
    const expanders = page.locator('button.ant-table-row-expand-icon-collapsed');
    for (let n = await expanders.count(); n > 0; n = await expanders.count()) {
      await expanders.first().click();
    }
    await check('审计日志（展开变更）');
  });

  await test.step('the organisation goes to its owner, so later specs see a fresh install', async () => {
    await handOverOrganisation(page, orgId, OWNER);
    await signIn(page, OWNER.username, OWNER.initialPassword);
    await expect(page.getByRole('heading', { name: '请先修改密码' })).toBeVisible();
    await check('首次登录修改密码');
    await page.getByLabel('当前密码').fill(OWNER.initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill(OWNER.newPassword);
    await page.getByLabel('确认新密码').fill(OWNER.newPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByRole('heading', { name: ORGANISATION })).toBeVisible();
    await page.getByRole('button', { name: OWNER.displayName }).click();
    await expect(page.getByRole('menuitem', { name: '退出登录' })).toBeVisible();
    await check('用户菜单');
  });

  expect(leaks, `English words in the Chinese UI:\n${leaks.join('\n')}`).toEqual([]);
});
