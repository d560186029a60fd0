import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDb } from './embedded';
import { applyMigrations } from './migrations';

const dir = mkdtempSync(path.join(tmpdir(), 'tasklens-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Open the embedded database in a child process, commit a row, print READY, then wait to be killed. */
function writeThenHang(value: string) {
  const script = `
    import { startEmbeddedDb } from './lib/db/embedded.ts';
    import pg from 'pg';
    const db = await startEmbeddedDb(${JSON.stringify(dir)});
    const c = new pg.Client(db.url); await c.connect();
    await c.query('CREATE TABLE IF NOT EXISTS crash_probe (v text)');
    await c.query('INSERT INTO crash_probe VALUES ($1)', [${JSON.stringify(value)}]);
    await c.query('BEGIN'); await c.query("INSERT INTO crash_probe VALUES ('uncommitted')");
    console.log('READY');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) {
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited with ${code}`))));
  });
}

describe('embedded database', () => {
  it('opens again after kill -9 with committed data kept and the open transaction gone', async () => {
    await writeThenHang('first');
    await writeThenHang('second');
    const db = await startEmbeddedDb(dir);
    try {
      const c = new pg.Client(db.url);
      await c.connect();
      const rows = (await c.query('SELECT v FROM crash_probe ORDER BY v')).rows.map((r) => r.v);
      await c.end();
      expect(rows).toEqual(['first', 'second']);
    } finally {
      await db.stop();
    }
  }, 120_000);

  it('refuses a second live process on the same folder', async () => {
    const db = await startEmbeddedDb(dir);
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
        `import { startEmbeddedDb } from './lib/db/embedded.ts'; try { await startEmbeddedDb(${JSON.stringify(dir)}); console.log('OPENED'); } catch (e) { console.log(e.message); }`],
        { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await new Promise((r) => child.on('exit', r));
      expect(out).toMatch(/in use by process \d+/);
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('runs the same migrations as PostgreSQL and keeps data across a clean restart', async () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'tasklens-embedded-migrate-'));
    const first = await startEmbeddedDb(fresh);
    expect((await applyMigrations(first.url)).some((name) => name.endsWith('_init'))).toBe(true);
    const c = new pg.Client(first.url);
    await c.connect();
    await c.query("INSERT INTO hosts (key, name) VALUES ('restart-probe', 'restart-probe')");
    await c.end();
    await first.stop();
    const second = await startEmbeddedDb(fresh);
    try {
      expect(await applyMigrations(second.url)).toEqual([]);
      const c2 = new pg.Client(second.url);
      await c2.connect();
      expect((await c2.query("SELECT name FROM hosts WHERE key = 'restart-probe'")).rows).toEqual([{ name: 'restart-probe' }]);
      await c2.end();
    } finally {
      await second.stop();
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);
});
