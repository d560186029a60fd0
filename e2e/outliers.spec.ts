import { expect, test } from '@playwright/test';

// The server was started on the demo fleet (playwright.config.ts): 30 hosts × 4 days with planted persistence.
test('outliers rank the planted hijack first and explain why', async ({ page }) => {
  await page.goto('/outliers');
  const table = page.getByRole('table', { name: 'Outliers' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toContainText('UpdateOrchestrator');
  await expect(rows.nth(1).getByRole('list', { name: 'Why it scored' })).toContainText('PowerShell -EncodedCommand');
  await expect(rows.nth(1)).toContainText(/on 1 of \d+ hosts/);
});

test('filter by family through the URL, then back', async ({ page }) => {
  await page.goto('/outliers');
  await page.getByRole('button', { name: /^cron/ }).click();
  await expect(page).toHaveURL(/family=cron/);
  const table = page.getByRole('table', { name: 'Outliers' });
  await expect(table).toContainText('crontab:root');
  await expect(table).not.toContainText('UpdateOrchestrator');
  await page.goBack();
  await expect(page).not.toHaveURL(/family=/);
  await expect(table).toContainText('UpdateOrchestrator');
});

test('stock entries present on every Windows host are not outliers', async ({ page }) => {
  await page.goto('/outliers?q=MicrosoftEdgeUpdateTaskMachineCore');
  await expect(page.getByText('No outliers match these filters.')).toBeVisible();
});

test('filter by triage state, label, host and score from the toolbar; the URL keeps them', async ({ page }) => {
  await page.goto('/outliers');
  const table = page.getByRole('table', { name: 'Outliers' });
  await page.getByRole('group', { name: 'Triage' }).getByRole('button', { name: /^new/ }).click();
  await expect(page).toHaveURL(/state=new/);
  await page.getByRole('searchbox', { name: 'Label filter' }).fill('role=no-such-role');
  await expect(page).toHaveURL(/label=role%3Dno-such-role|label=role=no-such-role/);
  await expect(page.getByText('No outliers match these filters.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Label filter' }).fill('');
  await expect(page).not.toHaveURL(/label=/);
  await page.getByLabel('Minimum score').selectOption('80');
  await expect(page).toHaveURL(/minScore=80/);
  await page.reload();
  await expect(page.getByLabel('Minimum score')).toHaveValue('80');
  await expect(page.getByRole('group', { name: 'Triage' }).getByRole('button', { name: /^new/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(table.or(page.getByText('No outliers match these filters.')).first()).toBeVisible();
});
