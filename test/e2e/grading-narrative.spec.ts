/**
 * The 定级报告's words through the wizard: a hospital grades its HIS with an argument per harmed
 * object, answers the health sector's question (core system of a tertiary grade-A hospital),
 * sees the warning that level 2 is below the recommended level 3, writes the descriptions and
 * uploads the topology diagram; the 定级 tab then shows the current grading with 重新定级, and
 * the report's PDF (pdftotext) carries the descriptions, the arguments and the warning.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { samplePng } from '../api/attachment-samples';
import { ADMIN, call, handOverOrganisation, signIn } from './support';

const ORGANISATION = '某市第三人民医院';
const SYSTEM = '医院信息系统（HIS）';
const BUSINESS = '门诊挂号、收费、医嘱与住院管理数据，约 80 万名患者的诊疗信息。';
const SERVICE = '面向全院临床科室 7×24 小时提供诊疗服务。';
const BOUNDARY = '部署于院内数据中心核心业务区，经防火墙与互联网区隔离。';
const ARGUE_BI = '诊疗信息被篡改将扰乱医院正常诊疗秩序。';
const ARGUE_SS = '服务中断使患者无法挂号缴费，严重损害其合法权益。';
/** Takes the organisation over at the end, so later specs see a fresh install (grading.spec.ts). */
const OWNER = {
  username: `narrative-${Date.now().toString(36)}`,
  displayName: '周敏',
  initialPassword: 'Init#Narrative-2026',
  newPassword: 'Changed#Narrative-2026',
};

async function chooseDegree(page: Page, object: string, degree: string) {
  await page
    .getByRole('region', { name: object, exact: true })
    .getByText(degree, { exact: true })
    .click();
}

test('grade with arguments, sector guidance and descriptions; the report prints them', async ({
  page,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const org = await call<{ id: string }>(page, 'POST', '/api/organisations', {
    name: ORGANISATION,
    sector: '卫生健康',
  });
  const system = await call<{ id: string }>(page, 'POST', `/api/organisations/${org.id}/systems`, {
    name: SYSTEM,
    types: ['ordinary_system'],
  });
  await page.goto(`/o/${org.id}/systems/${system.id}`);
  await expect(page.getByRole('heading', { name: SYSTEM })).toBeVisible();

  // Step 1: business information, with its argument.
  await chooseDegree(page, '社会秩序、公共利益', '一般损害');
  await page.getByRole('textbox', { name: '社会秩序、公共利益的侵害论证' }).fill(ARGUE_BI);
  await page.getByRole('button', { name: /下一步/ }).click();
  // Step 2: system service; the argument is left out first.
  await chooseDegree(page, '公民、法人和其他组织的合法权益', '严重损害');
  await page.getByRole('button', { name: /下一步/ }).click();

  // Step 3: level 2, the hospital question, and the warning below level 3.
  await expect(page.getByTestId('grading-final-level')).toContainText('第二级');
  const sector = page.getByRole('region', { name: '行业定级指导' });
  await sector
    .getByRole('radiogroup', { name: /三级甲等医院的核心业务信息系统/ })
    .getByText('是', { exact: true })
    .click();
  await expect(page.getByTestId('sector-guidance-warning')).toContainText(
    '行业建议最低等级为第三级，当前定级结果为第二级，低于建议等级。',
  );
  await expect(sector.getByRole('link', { name: /卫办发〔2011〕85号/ }).first()).toBeVisible();

  // Step 4: reason, descriptions, diagram.
  await page.getByRole('button', { name: /下一步/ }).click();
  await page
    .getByRole('textbox', { name: /定级（变更）理由/ })
    .fill('首次定级，行业指导建议第三级，经论证暂定第二级。');
  await page.getByRole('textbox', { name: '业务信息描述' }).fill(BUSINESS);
  await page.getByRole('textbox', { name: '系统服务描述' }).fill(SERVICE);
  await page.getByRole('textbox', { name: '边界与网络拓扑说明' }).fill(BOUNDARY);
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('button', { name: /上传.*网络拓扑图/ })
    .first()
    .click();
  await (
    await chooser
  ).setFiles({
    name: 'topology.png',
    mimeType: 'image/png',
    buffer: samplePng(200, 120),
  });
  await expect(page.getByRole('link', { name: 'topology.png' }).first()).toBeVisible();

  // The missing argument sends the user back to step 2, marked.
  await page.getByRole('button', { name: '记录定级', exact: true }).click();
  await expect(page.getByText('每个受侵害的客体都需要侵害论证', { exact: false })).toBeVisible();
  await page
    .getByRole('textbox', { name: '公民、法人和其他组织的合法权益的侵害论证' })
    .fill(ARGUE_SS);
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByRole('button', { name: '记录定级', exact: true }).click();
  await expect(page.getByText('已记录定级：第二级（指导保护级）')).toBeVisible();

  // The 定级 tab now opens on the current grading, with 重新定级.
  await page.reload();
  await expect(page.getByText('当前定级', { exact: true })).toBeVisible();
  await expect(page.getByText(BUSINESS)).toBeVisible();
  await expect(page.getByRole('cell', { name: ARGUE_SS })).toBeVisible();
  await expect(page.getByTestId('sector-guidance-warning')).toBeVisible();
  await page.screenshot({
    path: path.resolve(import.meta.dirname, '../../test-results/grading-summary.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: '重新定级' }).click();
  await expect(page.getByRole('textbox', { name: '社会秩序、公共利益的侵害论证' })).toHaveValue(
    ARGUE_BI,
  );

  // The report carries the words, the arguments and the warning.
  const pdf = await page.request.get(
    `/api/organisations/${org.id}/systems/${system.id}/reports/grading.pdf`,
  );
  expect(pdf.ok()).toBeTruthy();
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'grading-narrative-')),
    'grading.pdf',
  );
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .replace(/\s+/g, '');
  for (const expected of [
    BUSINESS,
    SERVICE,
    BOUNDARY,
    ARGUE_BI.slice(0, 15),
    ARGUE_SS.slice(0, 15),
    '低于建议等级',
  ]) {
    expect(text, expected).toContain(expected.replace(/\s+/g, ''));
  }
  expect(text).not.toContain('网络拓扑图：（待上传）');

  await handOverOrganisation(page, org.id, OWNER);
});
