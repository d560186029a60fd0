/**
 * macOS launchd jobs as XML property lists, written the way vendors ship them (DOCTYPE, tab-indented dict).
 */

export interface LaunchdJob {
  /** Path below the host root, e.g. `Library/LaunchDaemons/com.google.keystone.daemon.plist`. */
  path: string;
  label: string;
  args: string[];
  startInterval?: number;
  runAtLoad?: boolean;
  keepAlive?: boolean;
  calendar?: { Hour: number; Minute: number };
}

export interface MacPackage {
  id: string;
  share: number;
  jobs(n: number): LaunchdJob[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function plistXml(job: LaunchdJob): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '\t<key>Label</key>',
    `\t<string>${esc(job.label)}</string>`,
    '\t<key>ProgramArguments</key>',
    '\t<array>',
    ...job.args.map((a) => `\t\t<string>${esc(a)}</string>`),
    '\t</array>',
  ];
  if (job.runAtLoad !== undefined) lines.push('\t<key>RunAtLoad</key>', `\t<${job.runAtLoad}/>`);
  if (job.keepAlive !== undefined) lines.push('\t<key>KeepAlive</key>', `\t<${job.keepAlive}/>`);
  if (job.startInterval !== undefined) lines.push('\t<key>StartInterval</key>', `\t<integer>${job.startInterval}</integer>`);
  if (job.calendar) {
    lines.push('\t<key>StartCalendarInterval</key>', '\t<dict>');
    lines.push('\t\t<key>Hour</key>', `\t\t<integer>${job.calendar.Hour}</integer>`, '\t\t<key>Minute</key>', `\t\t<integer>${job.calendar.Minute}</integer>`);
    lines.push('\t</dict>');
  }
  lines.push('</dict>', '</plist>', '');
  return lines.join('\n');
}

const daemon = (label: string) => `Library/LaunchDaemons/${label}.plist`;
const agent = (label: string) => `Library/LaunchAgents/${label}.plist`;

export const MAC_PACKAGES: readonly MacPackage[] = [
  {
    id: 'google-keystone',
    share: 0.7,
    jobs: () => [
      { path: daemon('com.google.keystone.daemon'), label: 'com.google.keystone.daemon', args: ['/Library/Google/GoogleSoftwareUpdate/GoogleSoftwareUpdate.bundle/Contents/Helpers/GoogleSoftwareUpdateDaemon'], runAtLoad: false, startInterval: 3623 },
      { path: agent('com.google.keystone.agent'), label: 'com.google.keystone.agent', args: ['/Library/Google/GoogleSoftwareUpdate/GoogleSoftwareUpdate.bundle/Contents/Resources/GoogleSoftwareUpdateAgent.app/Contents/MacOS/GoogleSoftwareUpdateAgent', '-runMode', 'ifneeded'], runAtLoad: true, startInterval: 3523 },
    ],
  },
  {
    id: 'microsoft-autoupdate',
    share: 0.9,
    jobs: (n) => [
      { path: daemon('com.microsoft.autoupdate.helper'), label: 'com.microsoft.autoupdate.helper', args: ['/Library/PrivilegedHelperTools/com.microsoft.autoupdate.helper'], runAtLoad: false },
      { path: agent('com.microsoft.update.agent'), label: 'com.microsoft.update.agent', args: [`/Library/Application Support/Microsoft/MAU2.0/Microsoft AutoUpdate.app/Contents/MacOS/Microsoft Update Assistant.app/Contents/MacOS/Microsoft Update Assistant`, '--launchByAgent', `--version=4.7${6 + n}`], startInterval: 7200 },
    ],
  },
  {
    id: 'jamf',
    share: 1,
    jobs: () => [
      { path: daemon('com.jamf.management.daemon'), label: 'com.jamf.management.daemon', args: ['/Library/Application Support/JAMF/Jamf.app/Contents/MacOS/Jamf', 'launchDaemon'], runAtLoad: true, keepAlive: true },
      { path: daemon('com.jamfsoftware.task.1'), label: 'com.jamfsoftware.task.1', args: ['/usr/local/jamf/bin/jamf', 'policy', '-randomDelaySeconds', '300'], startInterval: 900 },
    ],
  },
  {
    id: 'zoom',
    share: 0.6,
    jobs: () => [{ path: daemon('us.zoom.ZoomDaemon'), label: 'us.zoom.ZoomDaemon', args: ['/Library/PrivilegedHelperTools/us.zoom.ZoomDaemon'], runAtLoad: true, keepAlive: true }],
  },
  {
    id: 'time-machine-check',
    share: 0.5,
    jobs: () => [{ path: daemon('com.corp.backupcheck'), label: 'com.corp.backupcheck', args: ['/usr/local/corp/bin/backupcheck.sh'], calendar: { Hour: 9, Minute: 30 } }],
  },
];
