import type { HostInfo } from './fleet';
import type { HostFile } from './linux-host';
import { MAC_PACKAGES, plistXml, type LaunchdJob } from './macos-packages';
import { LAUNCH_AGENT, type PlantedItem } from './planted';

/** One Mac's launchd plists for one day (Apple's own /System jobs are not collected: SIP-protected and constant). */

const PKG = new Map(MAC_PACKAGES.map((p) => [p.id, p]));

export function renderMac(h: HostInfo, packages: Map<string, number>, planted: PlantedItem[]): HostFile[] {
  const jobs: LaunchdJob[] = [];
  for (const [id, n] of [...packages].sort((a, b) => a[0].localeCompare(b[0]))) jobs.push(...(PKG.get(id)?.jobs(n) ?? []));
  if (planted.some((p) => p.group === 'launchd-tmp-agent')) {
    jobs.push({ path: `Users/${h.user}/Library/LaunchAgents/${LAUNCH_AGENT}.plist`, label: LAUNCH_AGENT, args: ['/tmp/.com.apple.updates/helper', '--daemon'], runAtLoad: true, keepAlive: true });
  }
  return jobs.map((j) => ({ rel: j.path, text: plistXml(j), format: 'launchd' as const }));
}
