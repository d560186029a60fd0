import { expect, test } from '@playwright/test';

test('keyboard: / focuses search, j/k move through rows, ? opens the help', async ({ page }) => {
  await page.goto('/outliers');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search outliers' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  const rows = page.getByRole('table', { name: 'Outliers' }).getByRole('row');
  await expect(rows.nth(1).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows.nth(2).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows.nth(1).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('theme switch is kept across reloads without a flash', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  // Server-rendered from the cookie: the attribute is there in the HTML itself.
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /^Theme: dark/ }).click();
  await expect(html).not.toHaveAttribute('data-theme', /./);
});
