import { expect, type Page } from '@playwright/test';

/** The platform administrator test/e2e/start-server.mjs creates in the fresh data directory. */
export const ADMIN = {
  username: 'admin',
  displayName: '管理员',
  password: 'Dengbao#2026-e2e',
} as const;

/** Signs in on /login (the page any signed-out visit lands on) and waits for the app. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await expect(page.getByRole('heading', { name: '等保工作台' })).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs out through the user menu (header, right). */
export async function signOut(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
}
