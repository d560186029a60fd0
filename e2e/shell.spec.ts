import { expect, test } from '@playwright/test';

test('keyboard: / focuses search, j/k move through rows, ? opens the help', async ({ page }) => {
  await page.goto('/outliers');
  // Keys pressed before the page has hydrated reach no listener: press again until the shortcut answers.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search outliers' })).toBeFocused({ timeout: 1000 });
  }).toPass();
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

test('overview: fleet cards, coverage by source with hosts that never sent it, and the triage backlog linking to its queues', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /^Hosts: \d+/ })).toBeVisible();
  const coverage = page.getByRole('region', { name: 'Coverage by source' });
  await expect(coverage.getByRole('columnheader', { name: 'Never sent' })).toBeVisible();
  await expect(coverage.getByRole('row', { name: /autoruns/ })).toBeVisible();
  const backlog = page.getByRole('region', { name: 'Triage backlog' });
  await expect(backlog.getByRole('list', { name: 'Triage items by state' }).getByRole('listitem')).toHaveCount(6);
  await backlog.getByRole('link', { name: /In review/ }).click();
  await expect(page).toHaveURL(/\/triage\?view=all&state=in_review/);
});
