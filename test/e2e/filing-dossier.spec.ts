/**
 * The filing dossier of a sample hospital: everything the filing form (备案表) asks is entered
 * through the web forms — 表一 on 设置 › 单位信息, 表二 on the object's 备案信息 tab — and the
 * form's PDF, downloaded through the UI, is read back with pdftotext: it holds the typed values
 * and no （待填写）.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  call,
  chooseOption,
  firstSignIn,
  handOverOrganisation,
  signIn,
  signOut,
} from './support';

const shots = path.resolve(import.meta.dirname, '../../.tmp');

const ORGANISATION = '某市第二人民医院';
const SYSTEM = '医院信息系统（HIS）';
/** Credit code with a valid check character (GB 32100-2015), and the same with a wrong one. */
const CREDIT_CODE = '12330100470051726L';
const CREDIT_CODE_TYPO = '12330100470051726K';
const PROFILE = {
  province: '浙江省',
  city: '杭州市',
  county: '上城区',
  address: '解放路88号',
  postalCode: '310009',
  divisionCode: '330102',
  head: {
    name: '陈志远',
    title: '院长',
    office: '0571-87001234',
    mobile: '13905710001',
    email: 'chenzy@hospital.example.cn',
  },
  department: '信息中心',
  contact: {
    name: '刘晓敏',
    title: '信息中心主任',
    office: '0571-87005678',
    mobile: '13905710002',
    email: 'liuxm@hospital.example.cn',
  },
} as const;
const OBJECT_NUMBER = 'ZJ-HZ-2026-001';
const FILLED_BY = '刘晓敏';
const OTHER_WRITER = '王建国';

const VIEWER = {
  username: `dossier-viewer-${Date.now().toString(36)}`,
  displayName: '赵敏',
  initialPassword: 'Init#Viewer-2026',
  newPassword: 'Changed#Viewer-2026',
};
const OWNER = {
  username: `dossier-${Date.now().toString(36)}`,
  displayName: '刘晓敏',
  initialPassword: 'Init#Dossier-2026',
  newPassword: 'Changed#Dossier-2026',
};

/** The option of the open Select dropdown (closed ones stay in the DOM, hidden). */
test.use({ actionTimeout: 15_000 });

test('filing dossier: the hospital fills 表一 and 表二 in the browser; the filing form PDF has no （待填写）', async ({
  page,
}) => {
  test.setTimeout(180_000);
  fs.mkdirSync(shots, { recursive: true });
  let orgId = '';
  let systemId = '';
  const api = (p: string) => `/api/organisations/${orgId}${p}`;

  await test.step('the administrator sets up the hospital with its graded HIS and hands it over', async () => {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    orgId = (await call<{ id: string }>(page, 'POST', '/api/organisations', { name: ORGANISATION }))
      .id;
    const system = await call<{ id: string; version: number }>(page, 'POST', api('/systems'), {
      name: SYSTEM,
      types: ['ordinary_system'],
      description: '门诊、住院、药房、收费等核心业务系统',
      goLiveOn: '2019-05-01',
      responsibleDepartment: '信息中心',
      hasCompetentAuthority: true,
      competentAuthority: '杭州市卫生健康委员会',
    });
    systemId = system.id;
    await call(page, 'POST', api(`/systems/${systemId}/gradings`), {
      businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
      systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
      gradedOn: '2026-03-02',
      reason: '三级甲等医院核心业务系统，承载门诊、住院全流程业务',
      version: system.version,
    });
    await handOverOrganisation(page, orgId, OWNER);
    await firstSignIn(page, OWNER, ORGANISATION);
  });

  await test.step('表一: the organisation details, checked as they are typed', async () => {
    await page.getByRole('menuitem', { name: '单位信息' }).click();
    await expect(page.getByRole('heading', { name: '单位信息（备案表 表一）' })).toBeVisible();
    await expect(page.getByTestId('filing-profile-missing')).toContainText('备案表还缺');
    const table1 = page.getByTestId('filing-table-1');

    // The check character is verified while typing; the corrected code is accepted.
    const credit = table1.getByLabel('统一社会信用代码');
    await credit.fill(CREDIT_CODE_TYPO);
    await credit.blur();
    await expect(table1.getByText('统一社会信用代码校验位不正确')).toBeVisible();
    await credit.fill(CREDIT_CODE);
    await expect(table1.getByText('统一社会信用代码校验位不正确')).toBeHidden();

    await table1.getByLabel('省（自治区、直辖市）', { exact: true }).fill(PROFILE.province);
    await table1.getByLabel('地（区、市、州、盟）', { exact: true }).fill(PROFILE.city);
    await table1.getByLabel('县（区、市、旗）', { exact: true }).fill(PROFILE.county);
    await table1.getByLabel('详细地址').fill(PROFILE.address);
    const postal = table1.getByLabel('邮政编码');
    await postal.fill('3100');
    await postal.blur();
    await expect(table1.getByText('邮政编码应为 6 位数字')).toBeVisible();
    await postal.fill(PROFILE.postalCode);
    const division = table1.getByLabel('行政区划代码');
    await division.fill('990102');
    await division.blur();
    await expect(table1.getByText('不是有效的省级代码')).toBeVisible();
    await division.fill(PROFILE.divisionCode);

    for (const [who, person] of [
      ['单位负责人', PROFILE.head],
      ['责任部门联系人', PROFILE.contact],
    ] as const) {
      await table1.getByLabel(`${who}姓名`).fill(person.name);
      await table1.getByLabel(`${who}职务/职称`).fill(person.title);
      await table1.getByLabel(`${who}办公电话`).fill(person.office);
      await table1.getByLabel(`${who}移动电话`).fill(person.mobile);
      await table1.getByLabel(`${who}电子邮件`).fill(person.email);
    }
    await table1.getByLabel('责任部门', { exact: true }).fill(PROFILE.department);

    await table1.getByRole('radio', { name: '3 地（区、市、州、盟）' }).check();
    // 其他 asks for the written answer, and requires it; the hospital is a 事业单位 after all.
    await table1.getByRole('radio', { name: '9 其他' }).last().check();
    await expect(table1.getByLabel('单位类型：其他（请注明）')).toBeVisible();
    await table1.getByRole('radio', { name: '3 事业单位' }).check();
    await expect(table1.getByLabel('单位类型：其他（请注明）')).toBeHidden();
    await chooseOption(table1.getByLabel('行业类别'), '45 卫生', { search: '卫生' });
  });

  await test.step('数据摸底调查表 and 保护工作方案', async () => {
    const data = page.getByTestId('filing-data-categories');
    await data.getByRole('button', { name: '添加数据类别' }).click();
    await data.getByLabel('数据类别名称').fill('电子病历');
    await data.getByLabel('数据量').fill('约 120 万份');
    await data.getByLabel('涉及个人信息人数').fill('850000');
    await chooseOption(data.getByLabel('重要程度'), '重要');
    await data.getByLabel('存储位置').fill('本院数据中心（杭州）');
    await chooseOption(data.getByLabel('所在定级对象'), SYSTEM);
    await page.keyboard.press('Escape');

    const plan = page.getByTestId('filing-protection-plan');
    await expect(plan.getByText('本单位有第三级以上定级对象')).toBeVisible();
    await plan.getByRole('switch', { name: '编制保护工作方案' }).click();
    await plan.getByLabel('资产情况').fill('互联网暴露面：门户网站、互联网医院；核心机房一处');
    await plan.getByLabel('已有安全保护措施').fill('边界防火墙、入侵防御、数据库审计、堡垒机');
    await plan
      .getByLabel('重大隐患问题及原因分析')
      .fill('数据库服务器仅口令鉴别，原因是历史系统改造滞后');
    await plan.getByLabel('整改思路').fill('统一经堡垒机运维，启用双因素鉴别');
    await plan.getByLabel('整改计划与进度').fill('2026年第三季度完成，信息中心负责');

    await expect(page.getByTestId('filing-profile-missing')).toContainText('本页信息已填齐');
    await page.screenshot({ path: path.join(shots, 'filing-table-1.png'), fullPage: true });
    await page.getByRole('button', { name: '保存备案信息' }).click();
    await expect(page.getByText('备案信息已保存')).toBeVisible();
    const saved = await call<{ creditCode: string; filingProfile: Record<string, unknown> }>(
      page,
      'GET',
      api(''),
    );
    expect(saved.creditCode).toBe(CREDIT_CODE);
    expect(saved.filingProfile).toMatchObject({
      divisionCode: PROFILE.divisionCode,
      affiliation: '3',
      organisationType: '3',
      sectorCode: '45',
      head: { name: PROFILE.head.name, email: PROFILE.head.email },
      dataCategories: [{ name: '电子病历', importance: 'important', systems: [SYSTEM] }],
    });
  });

  await test.step('表二: the HIS profile on its 备案信息 tab', async () => {
    await page.getByRole('menuitem', { name: '定级对象' }).click();
    await page.getByRole('link', { name: SYSTEM }).click();
    await page.getByRole('tab', { name: '备案信息' }).click();
    const table2 = page.getByTestId('filing-table-2');
    await table2.getByLabel('定级对象编号').fill(OBJECT_NUMBER);
    await table2.getByLabel('填表人').fill(FILLED_BY);
    await table2.getByRole('checkbox', { name: '4 内部办公' }).check();
    await table2.getByRole('checkbox', { name: '5 公众服务' }).check();
    await table2.getByRole('radio', { name: '21 跨地（市、区）' }).check();
    await table2.getByLabel('跨越的省/地市个数').fill('3');
    await table2.getByRole('radio', { name: '3 两者均包括' }).check();
    await table2.getByRole('radio', { name: '1 局域网' }).check();
    await table2.getByRole('radio', { name: '1 业务专网' }).check();
    await table2.getByRole('checkbox', { name: '3 与本单位其他系统连接' }).check();

    const products = page.getByTestId('filing-key-products');
    for (const [type, count, use] of [
      ['5 服务器', '24', '部分使用'],
      ['4 数据库', '2', '全部未使用'],
    ] as const) {
      await products.getByRole('button', { name: '添加关键产品' }).click();
      const row = products.locator('.ant-table-row').last();
      await chooseOption(row.getByLabel('产品类型'), type);
      await row.getByLabel('数量').fill(count);
      await chooseOption(row.getByLabel('使用国产品情况'), use);
    }
    await products.locator('.ant-table-row').first().getByLabel('国产品使用率').fill('60');

    const services = page.getByTestId('filing-services');
    for (const [type, provider] of [
      ['1 等级测评', '国内其他服务商'],
      ['4 应急响应', '本行业（单位）'],
    ] as const) {
      await services.getByRole('button', { name: '添加服务' }).click();
      const row = services.locator('.ant-table-row').last();
      await chooseOption(row.getByLabel('服务类型'), type);
      await row.getByRole('radio', { name: provider }).check();
    }
    await page.getByTestId('filing-subsystem').getByRole('radio', { name: '否' }).check();
    await expect(page.getByTestId('filing-profile-missing')).toContainText('本页信息已填齐');
    await page.screenshot({ path: path.join(shots, 'filing-table-2.png'), fullPage: true });
    await page.getByRole('button', { name: '保存备案信息' }).click();
    await expect(page.getByText('备案信息已保存')).toBeVisible();
  });

  await test.step('someone else saves meanwhile: 409 is explained and their version loads', async () => {
    const { system: other } = await call<{
      system: { version: number; filingProfile: Record<string, unknown> };
    }>(page, 'GET', api(`/systems/${systemId}`));
    await call(page, 'PATCH', api(`/systems/${systemId}`), {
      filingProfile: { ...other.filingProfile, formFilledBy: OTHER_WRITER },
      version: other.version,
    });
    const table2 = page.getByTestId('filing-table-2');
    await table2.getByLabel('定级对象编号').fill(`${OBJECT_NUMBER}-B`);
    await page.getByRole('button', { name: '保存备案信息' }).click();
    const conflict = page.getByTestId('filing-profile-conflict');
    await expect(conflict).toContainText('他人已修改');
    await conflict.getByRole('button', { name: '载入最新内容' }).click();
    await expect(conflict).toBeHidden();
    await expect(table2.getByLabel('填表人')).toHaveValue(OTHER_WRITER);
    await expect(table2.getByLabel('定级对象编号')).toHaveValue(OBJECT_NUMBER);
  });

  await test.step('expert review, approval, filing and assessment records', async () => {
    await call(page, 'POST', api(`/systems/${systemId}/reviews`), {
      kind: 'expert_review',
      reviewedOn: '2026-03-10',
      reviewer: '省卫生健康委网络安全专家组',
      opinion: '同意定为第三级',
      agreedLevel: 3,
    });
    await call(page, 'POST', api(`/systems/${systemId}/reviews`), {
      kind: 'competent_approval',
      reviewedOn: '2026-03-12',
      reviewer: '杭州市卫生健康委员会',
      opinion: '同意',
      agreedLevel: 3,
    });
    await call(page, 'POST', api(`/systems/${systemId}/filings`), {
      filedOn: '2026-03-20',
      bureau: '杭州市公安局网络安全保卫支队',
      certificateNumber: '33010013001-26001',
      level: 3,
    });
    await call(page, 'POST', api(`/systems/${systemId}/events`), {
      kind: 'mlps_assessment',
      completedOn: '2026-06-15',
      agency: '浙江某网络安全测评有限公司',
      reportNumber: 'DJCP-2026-0615',
    });
  });

  await test.step('the filing form PDF, downloaded from the page, holds the typed values', async () => {
    await page.reload();
    await page.getByRole('button', { name: '下载文档' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('download-report.filing-pdf-zh').click(),
    ]);
    const file = path.join(shots, 'filing-dossier-form.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).toString(
      'utf8',
    );
    fs.writeFileSync(path.join(shots, 'filing-dossier-form.txt'), text);
    // pdftotext breaks long lines and spaces out table cells: compare without whitespace.
    const flat = text.replace(/\s+/g, '');
    for (const value of [
      ORGANISATION,
      CREDIT_CODE,
      PROFILE.address,
      PROFILE.postalCode,
      PROFILE.divisionCode,
      PROFILE.head.name,
      PROFILE.head.email,
      PROFILE.contact.name,
      PROFILE.department,
      // Ticked options of 表一 and 表二 (■ before the code)
      '■3 地（区、市、州、盟）',
      '■3 事业单位',
      '■45 卫生',
      '■4 内部办公',
      '■1 局域网',
      '■1 业务专网',
      '■ 60%',
      SYSTEM,
      OBJECT_NUMBER,
      OTHER_WRITER,
      '杭州市卫生健康委员会',
      // 数据摸底调查表 and 保护工作方案 as attached tables
      '电子病历',
      '2026年第三季度完成，信息中心负责',
    ]) {
      expect(flat, `the filing form shows ${value}`).toContain(value.replace(/\s+/g, ''));
    }
    expect(text).not.toContain('待填写');
  });

  await test.step('the same forms in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Filing details' }).click();
    await expect(page.getByTestId('filing-table-2')).toContainText('Table 2 Grading object');
    await expect(page.getByRole('radio', { name: '3 Both' })).toBeChecked();
    await page.screenshot({ path: path.join(shots, 'filing-table-2-en.png'), fullPage: true });
    await page.getByRole('menuitem', { name: 'Organisation' }).click();
    await expect(page.getByRole('radio', { name: '3 Public institution' })).toBeChecked();
    await expect(page.getByTestId('filing-profile-missing')).toContainText(
      'Everything the filing form asks on this page is filled in',
    );
    await page.screenshot({ path: path.join(shots, 'filing-table-1-en.png'), fullPage: true });
  });

  await test.step('a viewer reads both forms and cannot change them', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await call(page, 'POST', api('/members'), {
      username: VIEWER.username,
      role: 'viewer',
      newAccount: { displayName: VIEWER.displayName, initialPassword: VIEWER.initialPassword },
    });
    await signOut(page, OWNER.displayName);
    await firstSignIn(page, VIEWER, ORGANISATION);
    await page.goto(`/o/${orgId}/settings/organisation`);
    const table1 = page.getByTestId('filing-table-1');
    await expect(table1.getByLabel('行政区划代码')).toHaveValue(PROFILE.divisionCode);
    await expect(table1.getByLabel('行政区划代码')).toBeDisabled();
    await expect(page.getByRole('button', { name: '保存备案信息' })).toHaveCount(0);
    await page.goto(`/o/${orgId}/systems/${systemId}?tab=filingProfile`);
    const table2 = page.getByTestId('filing-table-2');
    await expect(table2.getByLabel('定级对象编号')).toHaveValue(OBJECT_NUMBER);
    await expect(table2.getByLabel('定级对象编号')).toBeDisabled();
    await expect(page.getByRole('button', { name: '保存备案信息' })).toHaveCount(0);
  });
});
