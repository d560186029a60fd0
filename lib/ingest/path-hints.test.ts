import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePath } from '@/lib/testing/samples';
import { detectHostDepth, hintsFromPath } from './path-hints';

describe('hintsFromPath', () => {
  it('one folder per host, with or without a wrapper folder', () => {
    expect(hintsFromPath('WS01/autoruns.csv')).toMatchObject({ host: 'WS01', hostFrom: 'folder' });
    expect(hintsFromPath('hosts/WS01/autoruns.csv').host).toBe('WS01');
    expect(hintsFromPath('export/WS01/Autorunsc/autoruns.csv').host).toBe('WS01');
    expect(hintsFromPath('autoruns.csv')).toEqual({});
  });

  it('uses the detected host depth when given', () => {
    const paths = ['fleet/WS01/misc/a.csv', 'fleet/WS02/misc/a.csv'];
    const hostDepth = detectHostDepth(paths);
    expect(hostDepth).toBe(1);
    expect(hintsFromPath(paths[0]!, { hostDepth }).host).toBe('WS01');
    // Without the archive-wide view, the nearest folder wins.
    expect(hintsFromPath(paths[0]!).host).toBe('misc');
    expect(detectHostDepth(['WS01/a.csv', 'WS01/b.csv'])).toBeUndefined();
  });

  it('Kansa file names', () => {
    expect(hintsFromPath('Output_20240301120000/Autorunsc/WS-01-Autorunsc.tsv')).toMatchObject({
      host: 'WS-01',
      hostFrom: 'kansa',
      collectedAt: '2024-03-01T12:00:00.000Z',
    });
    expect(hintsFromPath('DC1-SvcTrigs.tsv').host).toBe('DC1');
  });

  it('Velociraptor collection names give host and time', () => {
    expect(hintsFromPath('Collection-DESKTOP-BTI2P4N-2021-04-21T23_27_05Z.zip/results/x.json')).toMatchObject({
      host: 'DESKTOP-BTI2P4N',
      hostFrom: 'velociraptor',
      collectedAt: '2021-04-21T23:27:05.000Z',
    });
    expect(hintsFromPath('Collection-ws1.corp.local-2023-05-01T10_20_30+10_00.zip').collectedAt).toBe(
      '2023-05-01T00:20:30.000Z',
    );
  });

  it('key=value folder segments become labels; host= sets the host', () => {
    expect(hintsFromPath('site=paris/role=dc/WS01/autoruns.csv')).toEqual({
      host: 'WS01',
      hostFrom: 'folder',
      labels: { site: 'paris', role: 'dc' },
    });
    expect(hintsFromPath('site=lyon/host=SRV9/data/autoruns.csv')).toMatchObject({
      host: 'SRV9',
      hostFrom: 'label',
      labels: { site: 'lyon' },
    });
  });

  it('<host>_<date> and <host>_<timestamp> segments', () => {
    expect(hintsFromPath('WS01_2024-03-01/autoruns.csv')).toMatchObject({
      host: 'WS01',
      hostFrom: 'host-date',
      collectedAt: '2024-03-01T00:00:00.000Z',
    });
    expect(hintsFromPath('exports/SRV_02_20240301T101112.csv')).toMatchObject({
      host: 'SRV_02',
      collectedAt: '2024-03-01T10:11:12.000Z',
    });
    expect(hintsFromPath('WS01_2024-13-45/x.csv').hostFrom).toBe('folder');
    expect(hintsFromPath('autoruns_2024-03-01.csv').host).toBeUndefined();
  });

  it('Unix- and Windows-root-like subtrees', () => {
    expect(hintsFromPath('web01/etc/crontab')).toMatchObject({ host: 'web01', hostFrom: 'os-root' });
    expect(hintsFromPath('fleet/web01/var/spool/cron/crontabs/root').host).toBe('web01');
    expect(hintsFromPath('WS01/C/Windows/System32/Tasks/Updater').host).toBe('WS01');
    expect(hintsFromPath('MAC1/Library/LaunchDaemons/com.x.plist').host).toBe('MAC1');
    expect(hintsFromPath('etc/crontab').host).toBeUndefined();
  });

  it('shared cron sample folders: host_ prefix stripped', () => {
    expect(hintsFromPath('host_JoeKun_debian/etc/cron.d/zfs_backup')).toMatchObject({
      host: 'JoeKun_debian',
      hostFrom: 'os-root',
    });
    expect(hintsFromPath('cron/host_canadasatellite_34.233.101.120/var/spool/cron/crontabs/root').host).toBe(
      'canadasatellite_34.233.101.120',
    );
  });

  // Layout: DFIRArtifactMuseum_ScheduledTasks/<OS group>/<host>/{<task>, Microsoft/Windows/<...>/<task>}:
  // a copy of C:\Windows\System32\Tasks per host, grouped by OS. Every file should map to the host folder.
  it('DFIR Artifact Museum task tree: every file maps to its host folder, not the OS group', () => {
    const root = samplePath('taskxml/DFIRArtifactMuseum_ScheduledTasks');
    const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isFile() && d.name !== 'README.md')
      .map((d) => `DFIRArtifactMuseum_ScheduledTasks/${(d.parentPath ?? d.path).slice(root.length + 1)}/${d.name}`);
    expect(files.length).toBeGreaterThan(100);
    const hosts = new Set(files.map((f) => hintsFromPath(f).host));
    expect([...hosts]).toEqual(['APTSimulatorVM']);
    expect(hintsFromPath('Win10/APTSimulatorVM/GameOver').host).toBe('APTSimulatorVM');
    expect(hintsFromPath('Win10/APTSimulatorVM/Microsoft/Windows/Maps/MapsUpdateTask').hostFrom).toBe('os-root');
  });
});
