import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';

afterAll(disconnectDb);

function tasklens(args: string[]) {
  return spawnSync(process.execPath, ['bin/tasklens.mjs', ...args], { encoding: 'utf8', env: { ...process.env }, timeout: 120_000 });
}

describe('tasklens push without --server', () => {
  const run = Date.now().toString(36);
  const fleet = path.join(mkdtempSync(path.join(tmpdir(), 'tasklens-push-cli-')), 'fleet');
  for (const [host, job] of [[`web-${run}`, '0 1 * * * /usr/bin/certbot renew'], [`db-${run}`, '30 2 * * * /usr/local/bin/pg_backup']]) {
    mkdirSync(path.join(fleet, host), { recursive: true });
    writeFileSync(path.join(fleet, host, 'root.crontab'), `${job}\n`);
  }

  it('ingests a folder of host folders straight into the database, host names from the folders', async () => {
    const r = tasklens(['push', fleet, '--labels', 'site=lab']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`host=web-${run} source=cron entries=1`));
    expect(r.stdout).toMatch(new RegExp(`host=db-${run} source=cron entries=1`));
    const hosts = await db().host.findMany({ where: { name: { endsWith: run } }, select: { name: true, labels: { select: { key: true, value: true } } } });
    expect(hosts).toHaveLength(2);
    for (const h of hosts) expect(h.labels).toEqual([{ key: 'site', value: 'lab' }]);
  }, 120_000);

  it('says what was already ingested, and fails with the file named when one cannot be read', () => {
    writeFileSync(path.join(fleet, 'junk.csv'), 'hello,world\n1,2\n');
    const r = tasklens(['push', fleet, '--host', `junk-${run}`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/already ingested host=web-/);
    expect(r.stderr).toMatch(/fleet\/junk\.csv: .*format not recognised/);
    expect(tasklens(['push']).status).toBe(2);
    expect(tasklens(['push', fleet, '--server', 'http://127.0.0.1:9']).stderr).toMatch(/needs an API token/);
  }, 120_000);
});
