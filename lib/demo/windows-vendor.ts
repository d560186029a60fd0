import type { AutorunsEntry } from './autoruns-format';
import { guidFrom } from './prng';

/**
 * Third-party software by role. Each package renders its autostart entries for one host and one version index;
 * version bumps change the Version column, hashes and, where the real product does, version-like path parts.
 */

export type Role = 'workstation' | 'server' | 'dc' | 'web' | 'db' | 'build';

export interface WinHost {
  name: string;
  domain: string;
  user: string;
  /** The user's SID, as per-user task names carry it (`\OneDrive Reporting Task-S-1-5-21-...-1104`). */
  sid: string;
}

export interface WindowsPackage {
  id: string;
  /** Probability a host of that role has it on day 0. */
  share: Partial<Record<Role, number>>;
  version(n: number): string;
  entries(h: WinHost, n: number): AutorunsEntry[];
}

const TS = 'Task Scheduler';
const SVC = 'HKLM\\System\\CurrentControlSet\\Services';
const RUN = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
const HKCU_RUN = 'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';

interface Base {
  signer: string;
  company: string;
  version: string;
  hashKey?: string;
}

function task(b: Base, entry: string, description: string, imagePath: string, launch: string): AutorunsEntry {
  return { ...b, category: 'Tasks', location: TS, entry, enabled: true, description, imagePath, launch };
}
function service(b: Base, entry: string, description: string, imagePath: string, launch: string): AutorunsEntry {
  return { ...b, category: 'Services', location: SVC, entry, enabled: true, description, imagePath, launch };
}
function run(b: Base, location: string, entry: string, description: string, imagePath: string, launch: string, profile?: string): AutorunsEntry {
  return { ...b, category: 'Logon', location, entry, enabled: true, description, imagePath, launch, profile };
}

const GOOGLE = (v: string): Base => ({ signer: '(Verified) Google LLC', company: 'Google LLC', version: v });
const MSC = (v: string): Base => ({ signer: '(Verified) Microsoft Corporation', company: 'Microsoft Corporation', version: v });

const chrome: WindowsPackage = {
  id: 'google-chrome',
  share: { workstation: 0.7, build: 0.5, server: 0.08 },
  version: (n) => `131.0.6778.${86 + 19 * n}`,
  entries(h, n) {
    const legacy = GOOGLE(`1.3.36.${312 + 10 * n}`);
    const v = this.version(n);
    const gu = 'c:\\program files (x86)\\google\\update\\googleupdate.exe';
    const guCmd = '"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe"';
    const updater = `C:\\Program Files (x86)\\Google\\GoogleUpdater\\${v}\\updater.exe`;
    return [
      task(legacy, `\\GoogleUpdateTaskMachineCore${guidFrom(`${h.name}|gcore`)}`, 'Google Installer', gu, `${guCmd} /c`),
      task(legacy, `\\GoogleUpdateTaskMachineUA${guidFrom(`${h.name}|gua`)}`, 'Google Installer', gu, `${guCmd} /ua /installsource scheduler`),
      task(GOOGLE(v), `\\GoogleSystem\\GoogleUpdater\\GoogleUpdaterTaskSystem${v}${guidFrom(`${h.name}|gup`)}`, 'GoogleUpdater', updater.toLowerCase(), `"${updater}" --wake --system`),
      service(legacy, 'gupdate', 'Google Update Service (gupdate): Keeps your Google software up to date.', gu, `${guCmd} /svc`),
      service(GOOGLE(v), `GoogleUpdaterService${v}`, `Google Updater Service (GoogleUpdater ${v}): Keeps your Google software up to date.`, updater.toLowerCase(), `"${updater}" --system --windows-service --service=update`),
    ];
  },
};

const edge: WindowsPackage = {
  id: 'microsoft-edge',
  share: { workstation: 1, build: 0.9, server: 0.9, dc: 0.9, db: 0.9 },
  version: (n) => `1.3.${195 + n}.${31 + 7 * n}`,
  entries(h, n) {
    const b = MSC(this.version(n));
    const img = 'c:\\program files (x86)\\microsoft\\edgeupdate\\microsoftedgeupdate.exe';
    const cmd = '"C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe"';
    const browser = `139.0.3405.${102 + 11 * n}`;
    const setup = `C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\${browser}\\Installer\\setup.exe`;
    return [
      task(b, `\\MicrosoftEdgeUpdateTaskMachineCore${guidFrom(`${h.name}|ecore`)}`, 'Microsoft Edge Update', img, `${cmd} /c`),
      task(b, `\\MicrosoftEdgeUpdateTaskMachineUA${guidFrom(`${h.name}|eua`)}`, 'Microsoft Edge Update', img, `${cmd} /ua /installsource scheduler`),
      service(b, 'edgeupdate', 'Microsoft Edge Update Service (edgeupdate): Keeps your Microsoft software up to date.', img, `${cmd} /svc`),
      service(b, 'edgeupdatem', 'Microsoft Edge Update Service (edgeupdatem): Keeps your Microsoft software up to date.', img, `${cmd} /medsvc`),
      run(MSC(browser), 'HKLM\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components', 'Microsoft Edge', 'Microsoft Edge Installer', setup.toLowerCase(), `"${setup}" --configure-user-settings --verbose-logging --system-level --msedge --channel=stable`),
    ];
  },
};

const onedrive: WindowsPackage = {
  id: 'onedrive',
  share: { workstation: 0.95 },
  version: (n) => `24.${201 + 10 * n}.1006.000${4 + (n % 5)}`,
  entries(h, n) {
    const b = MSC(this.version(n));
    const dir = `c:\\users\\${h.user}\\appdata\\local\\microsoft\\onedrive`;
    const updater = `${dir}\\onedrivestandaloneupdater.exe`;
    const cmd = '"%localappdata%\\Microsoft\\OneDrive\\OneDriveStandaloneUpdater.exe"';
    return [
      task(b, `\\OneDrive Reporting Task-${h.sid}`, 'Standalone Updater', updater, `${cmd} /reporting`),
      task(b, `\\OneDrive Standalone Update Task-${h.sid}`, 'Standalone Updater', updater, `${cmd} `),
      run(b, HKCU_RUN, 'OneDrive', 'Microsoft OneDrive', `${dir}\\onedrive.exe`, `"C:\\Users\\${h.user}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background`, `${h.domain}\\${h.user}`),
    ];
  },
};

const adobe: WindowsPackage = {
  id: 'adobe-acrobat',
  share: { workstation: 0.5 },
  version: (n) => `1.824.${39 + 4 * n}.${9046 + n}`,
  entries(_h, n) {
    const b: Base = { signer: '(Verified) Adobe Inc.', company: 'Adobe Inc.', version: this.version(n) };
    const dir = 'C:\\Program Files (x86)\\Common Files\\Adobe\\ARM\\1.0';
    return [
      task(b, '\\Adobe Acrobat Update Task', 'Adobe Acrobat Update Task', `${dir.toLowerCase()}\\adobearm.exe`, `"${dir}\\AdobeARM.exe" `),
      service(b, 'AdobeARMservice', 'Adobe Acrobat Update Service: Adobe Acrobat Updater keeps your Adobe software up to date.', `${dir.toLowerCase()}\\armsvc.exe`, `"${dir}\\armsvc.exe"`),
    ];
  },
};

const zoom: WindowsPackage = {
  id: 'zoom',
  share: { workstation: 0.6 },
  version: (n) => `6.3.${1 + n}.${52883 + 311 * n}`,
  entries(h, n) {
    const b: Base = { signer: '(Verified) Zoom Video Communications, Inc.', company: 'Zoom Video Communications, Inc.', version: this.version(n) };
    const exe = `C:\\Users\\${h.user}\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe`;
    return [run(b, HKCU_RUN, 'ZoomAutoStart', 'Zoom Workplace', exe.toLowerCase(), `"${exe}" --autostart`, `${h.domain}\\${h.user}`)];
  },
};

function oem(id: string, share: number, make: (b: Base) => AutorunsEntry[], signer: string, company: string, base: string): WindowsPackage {
  return {
    id,
    share: { workstation: share },
    version: (n) => `${base}.${n}`,
    entries(_h, n) {
      return make({ signer, company, version: this.version(n) });
    },
  };
}

const dell = oem('dell-supportassist', 0.45, (b) => [
  task(b, '\\Dell SupportAssistAgent AutoUpdate', 'Dell SupportAssist', 'c:\\program files\\dell\\supportassistagent\\bin\\supportassistinstaller.exe', '"C:\\Program Files\\Dell\\SupportAssistAgent\\bin\\SupportAssistInstaller.exe" /autoupdate'),
  service(b, 'SupportAssistAgent', 'Dell SupportAssist: Dell SupportAssist keeps your PC up to date with recommended software and drivers.', 'c:\\program files\\dell\\supportassistagent\\bin\\supportassistagent.exe', '"C:\\Program Files\\Dell\\SupportAssistAgent\\bin\\SupportAssistAgent.exe"'),
], '(Verified) Dell Inc', 'Dell Inc.', '4.4.1');
const hp = oem('hp-support-assistant', 0.3, (b) => [
  task(b, '\\Hewlett-Packard\\HP Support Assistant\\HP Support Assistant Quick Start', 'HP Support Assistant', 'c:\\program files (x86)\\hp\\hp support framework\\hpsf.exe', '"C:\\Program Files (x86)\\HP\\HP Support Framework\\HPSF.exe" /quickstart'),
  service(b, 'HPSupportSolutionsFrameworkService', 'HP Support Solutions Framework Service: HP Support Solutions Framework Service', 'c:\\program files (x86)\\hp\\hp support framework\\hpsupportsolutionsframeworkservice.exe', '"C:\\Program Files (x86)\\HP\\HP Support Framework\\HPSupportSolutionsFrameworkService.exe"'),
], '(Verified) HP Inc.', 'HP Inc.', '12.14.29');
const lenovo = oem('lenovo-system-update', 0.25, (b) => [
  task(b, '\\TVT\\TVSUUpdateTask', 'System Update', 'c:\\program files (x86)\\lenovo\\system update\\tvsu.exe', '"C:\\Program Files (x86)\\Lenovo\\System Update\\tvsu.exe" /CM'),
  service(b, 'SUService', 'System Update: Lenovo System Update service', 'c:\\program files (x86)\\lenovo\\system update\\suservice.exe', '"C:\\Program Files (x86)\\Lenovo\\System Update\\SUService.exe"'),
], '(Verified) Lenovo', 'Lenovo', '5.08.03');

const citrix: WindowsPackage = {
  id: 'citrix-workspace',
  share: { workstation: 0.15, server: 0.2 },
  version: (n) => `24.11.${n}.${61 + n}`,
  entries(_h, n) {
    const b: Base = { signer: '(Verified) Citrix Systems, Inc.', company: 'Citrix Systems, Inc.', version: this.version(n) };
    const ica = 'C:\\Program Files (x86)\\Citrix\\ICA Client';
    return [
      run(b, RUN, 'ConnectionCenter', 'Citrix Connection Center', `${ica.toLowerCase()}\\concentr.exe`, `"${ica}\\concentr.exe" /startup`),
      run(b, RUN, 'Redirector', 'Citrix Redirector', `${ica.toLowerCase()}\\redirector.exe`, `"${ica}\\redirector.exe" /startup`),
      service(b, 'CWAUpdaterService', 'Citrix Workspace Updater Service: Keeps Citrix Workspace app up to date.', 'c:\\program files (x86)\\citrix\\citrix workspace updater\\cwaupdaterservice.exe', '"C:\\Program Files (x86)\\Citrix\\Citrix Workspace Updater\\CWAUpdaterService.exe"'),
    ];
  },
};

const sqlserver: WindowsPackage = {
  id: 'sql-server',
  share: { db: 1 },
  version: (n) => `2019.150.${4415 + 10 * n}.2`,
  entries(_h, n) {
    const b = MSC(this.version(n));
    const binn = 'C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn';
    return [
      service(b, 'MSSQLSERVER', 'SQL Server (MSSQLSERVER): Provides storage, processing and controlled access of data, and rapid transaction processing.', `${binn.toLowerCase()}\\sqlservr.exe`, `"${binn}\\sqlservr.exe" -sMSSQLSERVER`),
      service(b, 'SQLSERVERAGENT', 'SQL Server Agent (MSSQLSERVER): Executes jobs, monitors SQL Server, fires alerts, and allows automation of some administrative tasks.', `${binn.toLowerCase()}\\sqlagent.exe`, `"${binn}\\SQLAGENT.EXE" -i MSSQLSERVER`),
      service(b, 'SQLTELEMETRY', 'SQL Server CEIP service (MSSQLSERVER): CEIP service for Sql server', `${binn.toLowerCase()}\\sqlceip.exe`, `"${binn}\\sqlceip.exe" -Service MSSQLSERVER`),
    ];
  },
};

const veeam: WindowsPackage = {
  id: 'veeam-agent',
  share: { server: 0.8, dc: 1, db: 1 },
  version: (n) => `6.3.0.${177 + 8 * n}`,
  entries(_h, n) {
    const b: Base = { signer: '(Verified) Veeam Software Group GmbH', company: 'Veeam Software Group GmbH', version: this.version(n) };
    const dir = 'C:\\Program Files\\Veeam\\Endpoint Backup';
    return [
      service(b, 'VeeamEndpointBackupSvc', 'Veeam Agent for Microsoft Windows: Veeam Agent for Microsoft Windows service', `${dir.toLowerCase()}\\veeam.endpoint.service.exe`, `"${dir}\\Veeam.EndPoint.Service.exe"`),
      task(b, '\\Veeam\\Veeam Agent Job Retention', 'Veeam Agent for Microsoft Windows', `${dir.toLowerCase()}\\veeam.endpoint.manager.exe`, `"${dir}\\Veeam.EndPoint.Manager.exe" /retention`),
    ];
  },
};

const buildAgent: WindowsPackage = {
  id: 'jenkins-agent',
  share: { build: 1 },
  version: (n) => `3.${1 + n}.0`,
  entries(_h, n) {
    const unsigned: Base = { signer: '', company: '', version: this.version(n) };
    const ps: Base = { signer: '(Verified) Microsoft Windows', company: 'Microsoft Corporation', version: '10.0.20348.1' };
    return [
      service(unsigned, 'jenkins-agent', 'Jenkins Agent: This service runs an agent for Jenkins automation server.', 'c:\\jenkins\\jenkins-agent.exe', 'C:\\jenkins\\jenkins-agent.exe'),
      task(ps, '\\Build\\Cleanup Workspaces', 'Windows PowerShell', 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe', '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -ExecutionPolicy Bypass -File C:\\BuildTools\\cleanup-workspaces.ps1'),
    ];
  },
};

const firefox: WindowsPackage = {
  id: 'mozilla-firefox',
  share: { workstation: 0.3 },
  version: (n) => `133.0.${n}`,
  entries(_h, n) {
    const b: Base = { signer: '(Verified) Mozilla Corporation', company: 'Mozilla Corporation', version: this.version(n) };
    const dir = 'C:\\Program Files\\Mozilla Firefox';
    return [
      task(b, '\\Mozilla\\Firefox Default Browser Agent 308046B0AF4A39CB', 'Firefox Default Browser Agent', `${dir.toLowerCase()}\\default-browser-agent.exe`, `"${dir}\\default-browser-agent.exe" do-task "308046B0AF4A39CB"`),
      task(b, '\\Mozilla\\Firefox Background Update 308046B0AF4A39CB', 'Firefox', `${dir.toLowerCase()}\\firefox.exe`, `"${dir}\\firefox.exe" --backgroundtask backgroundupdate`),
    ];
  },
};

export const WINDOWS_PACKAGES: readonly WindowsPackage[] = [chrome, edge, onedrive, adobe, zoom, dell, hp, lenovo, citrix, sqlserver, veeam, buildAgent, firefox];

/** Only one OEM support tool per machine. */
export const OEM_PACKAGES = new Set(['dell-supportassist', 'hp-support-assistant', 'lenovo-system-update']);

/** Typical vendor rows on a host; the stock part is sized so that stock + vendor ≈ entriesPerHost. */
export const EXPECTED_VENDOR_ROWS = 14;
