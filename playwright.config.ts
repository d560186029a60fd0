import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Each run starts the product the way a user does (`tasklens start`), on a fresh embedded database,
// unless E2E_DATABASE_URL points it at a PostgreSQL database prepared by scripts/run-tests.mjs.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'tasklens-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
// e2e/oidc.spec.ts starts a real OpenID provider on the next port; the server is configured for it from the start.
const OIDC_ISSUER = `http://127.0.0.1:${PORT + 1}`;
const ADMIN_STATE = path.join(dataDir, 'auth', 'admin.json');
/** Keep in sync with e2e/support/demo.ts (the specs look for this fleet's planted entries). */
const DEMO = { hosts: 30, days: 4 };

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  // Pages answer in well under a second on an idle machine; the margin is for a loaded 2-core CI box.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // Creates the first admin through /setup, one user per role and API tokens (e2e/auth.setup.ts).
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', dependencies: ['setup'], testIgnore: /auth\.setup\.ts/, use: { storageState: ADMIN_STATE } },
  ],
  webServer: {
    // A small demo fleet first (real formats through the real ingest path), so every page has data to show.
    command: `node bin/tasklens.mjs demo --hosts ${DEMO.hosts} --days ${DEMO.days} && node bin/tasklens.mjs start --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/hosts`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      TASKLENS_DATA_DIR: dataDir,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      NEXT_TELEMETRY_DISABLED: '1',
      TASKLENS_DIST_DIR: `.next-e2e-${PORT}`,
      TASKLENS_OIDC_ISSUER: OIDC_ISSUER,
      TASKLENS_OIDC_CLIENT_ID: 'tasklens-e2e',
      TASKLENS_OIDC_CLIENT_SECRET: 'tasklens-e2e-secret',
      TASKLENS_OIDC_ROLE_CLAIM: 'groups',
      TASKLENS_OIDC_ROLE_MAP: 'tl-managers=manager,tl-admins=admin',
    },
  },
});
