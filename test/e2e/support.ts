import { expect, type Locator, type Page } from '@playwright/test';

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
  const button = page.getByRole('button', { name: /登\s*录/ });
  await button.click();
  // The specs share one address: past the per-minute sign-in limit the page says how many seconds
  // to wait (登录尝试过于频繁，请 N 秒后再试); wait and sign in again, as a person would.
  const throttled = page.getByText(/登录尝试过于频繁/);
  await expect(async () => {
    if (await throttled.isVisible()) {
      await page.waitForTimeout(2_000);
      await button.click();
    }
    await expect(page).not.toHaveURL(/\/login/, { timeout: 3_000 });
  }).toPass({ timeout: 75_000 });
}

/** Signs out through the user menu (header, right). */
export async function signOut(page: Page, displayName: string): Promise<void> {
  // The menu fades in: a click while it moves can land on the item above (seen once in CI), so
  // open it and click again until the sign-in page shows.
  const item = page.getByRole('menuitem', { name: '退出登录' });
  await expect(async () => {
    if (/\/login$/.test(page.url())) return;
    if (!(await item.isVisible()))
      await page.getByRole('button', { name: displayName }).click({ timeout: 2_000 });
    await item.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/login$/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/login$/);
}

/** An API call with the session's CSRF token; fails the test on an error answer. */
export async function call<T>(page: Page, method: string, url: string, data?: unknown): Promise<T> {
  const session = await (await page.request.get('/api/session')).json();
  const response = await page.request.fetch(url, {
    method,
    data,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBeTruthy();
  return (response.status() === 204 ? null : await response.json()) as T;
}

/** The owner a spec hands its organisation to (a new account with a one-time password). */
export interface NewOwner {
  readonly username: string;
  readonly displayName: string;
  readonly initialPassword: string;
  readonly newPassword: string;
}

/**
 * The signed-in administrator makes `owner` the organisation's owner, leaves it and signs out,
 * so the platform looks like a fresh install to the specs that run later (grading.spec.ts).
 */
export async function handOverOrganisation(
  page: Page,
  orgId: string,
  owner: NewOwner,
): Promise<{ userId: string }> {
  const session = await (await page.request.get('/api/session')).json();
  const member = await call<{ userId: string }>(
    page,
    'POST',
    `/api/organisations/${orgId}/members`,
    {
      username: owner.username,
      role: 'owner',
      newAccount: { displayName: owner.displayName, initialPassword: owner.initialPassword },
    },
  );
  await call(page, 'DELETE', `/api/organisations/${orgId}/members/${session.user.id}`);
  await page.goto('/');
  await signOut(page, ADMIN.displayName);
  return member;
}

/** The new owner's first sign-in: the forced password change, then the organisation's home. */
export async function firstSignIn(
  page: Page,
  owner: NewOwner,
  organisation: string,
): Promise<void> {
  await signIn(page, owner.username, owner.initialPassword);
  await expect(page.getByRole('heading', { name: '请先修改密码' })).toBeVisible();
  await page.getByLabel('当前密码').fill(owner.initialPassword);
  await page.getByLabel('新密码', { exact: true }).fill(owner.newPassword);
  await page.getByLabel('确认新密码').fill(owner.newPassword);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('heading', { name: organisation })).toBeVisible();
}

/**
 * Chooses `text` in an antd Select. `search` is typed first when given (long lists render
 * lazily). The newest drop-down is the last in the page (an earlier one may still be fading
 * out); a click lost to the animation is tried again until the select shows the choice.
 */
export async function chooseOption(
  select: Locator,
  text: string,
  options: { search?: string } = {},
): Promise<void> {
  const page = select.page();
  const box = select.locator(
    'xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]',
  );
  await expect(async () => {
    await select.click();
    if (options.search !== undefined) await select.fill(options.search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .locator('.ant-select-item-option')
      .filter({ hasText: text })
      .first()
      .click({ timeout: 3000 });
    await expect(box).toContainText(text, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}
