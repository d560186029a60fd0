#!/usr/bin/env node
// npm test: typecheck, unit + integration tests (Vitest, fresh database per run), the e2e suite in Chromium
// (on PostgreSQL when a server answers, else on the embedded database; TASKLENS_E2E_EMBEDDED=1 adds that pass),
// then the reliability tests (reliability/: real servers killed, their database restarted, a short load test).
// Ends with one "N passed, N failed" line and a non-zero exit code on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const tmp = mkdtempSync(path.join(tmpdir(), 'tasklens-tests-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

// Types are checked here, not during `next build` (see next.config.ts); one failure counts as one failed test.
if (run('typecheck', 'npm', ['run', '--silent', 'typecheck']) === 0) passed += 1;
else failed += 1;

function vitest(label, args, extraEnv = {}) {
  const json = path.join(tmp, `vitest-${label.replace(/\W+/g, '-')}.json`);
  const code = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], extraEnv);
  const v = readJson(json);
  if (v) {
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  }
  if (code !== 0 && (!v || v.numFailedTests === 0)) failed += 1; // a crash before any test ran still fails
}

vitest('unit and integration tests (vitest)', []);

async function postgresDatabase() {
  const admin = process.env.TASKLENS_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `tasklens_e2e_${Date.now()}`;
  try {
    const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
  } catch {
    return null;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client(admin);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

function e2e(label, extraEnv) {
  const json = path.join(tmp, `${label}.json`);
  const code = run(`e2e in Chromium (${label})`, 'npx', ['playwright', 'test', '--reporter=list,json'], { ...extraEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  const r = readJson(json);
  if (r) {
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
  }
  if (code !== 0 && (!r || r.stats.unexpected === 0)) failed += 1;
}

// The e2e suite runs on a fresh PostgreSQL database when a server answers (a pool of connections keeps the
// role-matrix sweep quick); without one, or with TASKLENS_E2E_EMBEDDED=1, on the embedded database `npm start` uses.
const database = await postgresDatabase();
if (database) {
  e2e('PostgreSQL', { E2E_DATABASE_URL: database.url });
  await database.drop();
}
if (!database || process.env.TASKLENS_E2E_EMBEDDED === '1') e2e('embedded database', {});
// Servers killed mid-ingest, PostgreSQL stopped under one, a 15 s load (docs/reliability.md), on the build the e2e
// run just made (the Playwright config's folder), so nothing is built twice.
vitest('reliability: crash, database restart, load (vitest)', ['-c', 'vitest.reliability.config.ts'], { TASKLENS_DIST_DIR: `.next-e2e-${process.env.E2E_PORT ?? 3100}` });
rmSync(tmp, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
