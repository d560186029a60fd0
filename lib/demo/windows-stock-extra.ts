import type { AutorunsEntry } from './autoruns-format';

/**
 * Microsoft entries the sample export lacks or that must move with patch waves: Defender tasks (their command
 * embeds the platform version), UpdateOrchestrator, server-only and DC-only entries.
 */

const MS = '(Verified) Microsoft Windows';
const MSP = '(Verified) Microsoft Windows Publisher';
const CORP = 'Microsoft Corporation';
const TS = 'Task Scheduler';
const SVC = 'HKLM\\System\\CurrentControlSet\\Services';

function task(entry: string, description: string, imagePath: string, launch: string, signer = MS): AutorunsEntry {
  return { category: 'Tasks', location: TS, entry, enabled: true, description, signer, company: CORP, imagePath, version: '', launch };
}

function svc(entry: string, description: string, imagePath: string, launch: string): AutorunsEntry {
  return { category: 'Services', location: SVC, entry, enabled: true, description, signer: MS, company: CORP, imagePath, version: '', launch };
}

/** Defender's platform folder moves on every monthly platform update, so its four tasks change command at once. */
export function defenderPlatform(patchLevel: number): string {
  return `4.18.${25080 + 10 * patchLevel}.${5 + (patchLevel % 3)}-0`;
}

export const DEFENDER_SCAN_TASK = '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan';
export const HIJACK_TARGET_TASK = '\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan';
export const APPRAISER_TASK = '\\Microsoft\\Windows\\Application Experience\\Microsoft Compatibility Appraiser';

export function defenderTasks(patchLevel: number): AutorunsEntry[] {
  const v = defenderPlatform(patchLevel);
  const dir = `C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\${v}`;
  const img = `${dir.toLowerCase()}\\mpcmdrun.exe`;
  const mk = (name: string, args: string) => ({
    ...task(`\\Microsoft\\Windows\\Windows Defender\\${name}`, 'Microsoft Malware Protection Command Line Utility', img, `"${dir}\\MpCmdRun.exe" ${args}`, MSP),
    version: v.replace(/-0$/, ''),
  });
  return [
    mk('Windows Defender Cache Maintenance', '-IdleTask -TaskName WdCacheMaintenance'),
    mk('Windows Defender Cleanup', '-IdleTask -TaskName WdCleanup'),
    mk('Windows Defender Scheduled Scan', 'Scan -ScheduleJob -ScanTrigger 55 -IdleScheduledJob'),
    mk('Windows Defender Verification', '-IdleTask -TaskName WdVerification'),
  ];
}

const USO = 'c:\\windows\\system32\\usoclient.exe';
const USO_CMD = '"%systemroot%\\system32\\usoclient.exe"';

export const EXTRA_TASKS: AutorunsEntry[] = [
  task('\\Microsoft\\Windows\\UpdateOrchestrator\\Report policies', 'UsoClient', USO, `${USO_CMD} ReportPolicies`),
  task(HIJACK_TARGET_TASK, 'UsoClient', USO, `${USO_CMD} StartScan`),
  task('\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan Static Task', 'UsoClient', USO, `${USO_CMD} StartScan`),
  task('\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Work', 'UsoClient', USO, `${USO_CMD} ScanInstallWait`),
  task('\\Microsoft\\Windows\\UpdateOrchestrator\\UpdateModelTask', 'UsoClient', USO, `${USO_CMD} StartModel`),
  task('\\Microsoft\\Windows\\UpdateOrchestrator\\USO_UxBroker', 'MusNotification', 'c:\\windows\\system32\\musnotification.exe', '"%systemroot%\\system32\\MusNotification.exe" ReadyToReboot'),
  task('\\Microsoft\\Windows\\WaaSMedic\\PerformRemediation', 'Windows Update Medic Service', 'c:\\windows\\system32\\waasmedicsvc.dll', 'HKCR\\CLSID\\{72566E27-1ABB-4EB3-B4F0-EB431CB1CB32}'),
  task('\\Microsoft\\Windows\\SoftwareProtectionPlatform\\SvcRestartTask', 'Software Protection Platform Client Extension Dll', 'c:\\windows\\system32\\sppcext.dll', 'HKCR\\CLSID\\{B1AEBB5D-EAD9-4476-B375-9C3ED9F32AFC}'),
];

/** Appears fleet-wide with the first patch wave in the window: many hosts gain the same new Microsoft task at once. */
export const WAVE_NEW_TASK = task(
  '\\Microsoft\\Windows\\Sustainability\\PowerGridForecastTask',
  'Sustainability Service',
  'c:\\windows\\system32\\sustainabilityservice.dll',
  'HKCR\\CLSID\\{1F1A3E5D-6C2B-4A1E-9C53-2B8F4F7A9D10}',
);

/** The first wave also re-points the appraiser task to rundll32, as Windows 11 23H2 servicing really did. */
export const APPRAISER_AFTER_WAVE: Pick<AutorunsEntry, 'imagePath' | 'launch' | 'description'> = {
  imagePath: 'c:\\windows\\system32\\appraiser.dll',
  launch: '"%windir%\\system32\\rundll32.exe" appraiser.dll,DoScheduledTelemetryRun',
  description: 'Windows Compatibility Appraiser',
};

export const SERVER_TASKS: AutorunsEntry[] = [
  task('\\Microsoft\\Windows\\PLA\\Server Manager Performance Monitor', 'Performance Logs & Alerts', 'c:\\windows\\system32\\pla.dll', 'HKCR\\CLSID\\{A2B0C5F4-5B71-4B5F-9F43-4C2F3A39B7B5}'),
  task('\\Microsoft\\Windows\\Server Manager\\CleanupOldPerfLogs', 'Microsoft ® Console Based Script Host', 'c:\\windows\\system32\\cscript.exe', '"%systemroot%\\system32\\cscript.exe" /B /nologo %systemroot%\\system32\\calluxxprovider.vbs $(Arg0) $(Arg1) $(Arg2)'),
  task('\\Microsoft\\Windows\\Server Manager\\ServerManager', 'Server Manager', 'c:\\windows\\system32\\servermanagerlauncher.exe', '"%windir%\\system32\\ServerManagerLauncher.exe" '),
];

/** Client-only tasks a Server Core / Desktop Experience install does not carry. */
export const CLIENT_ONLY_TASK = /\\(XblGameSave|Maps|RetailDemo|Work Folders|Input|Location|Bluetooth|WwanSvc|WlanSvc|SettingSync|Feedback|CloudExperienceHost|Shell\\Family)/;

export const DC_SERVICES: AutorunsEntry[] = [
  svc('ADWS', 'Active Directory Web Services: This service provides a Web Service interface to instances of the directory service (AD DS and AD LDS).', 'c:\\windows\\adws\\microsoft.activedirectory.webservices.exe', 'C:\\Windows\\ADWS\\Microsoft.ActiveDirectory.WebServices.exe'),
  svc('DFSR', 'DFS Replication: Enables you to synchronize folders on multiple servers across local or wide area network (WAN) network connections.', 'c:\\windows\\system32\\dfsrs.exe', 'C:\\Windows\\system32\\DFSRs.exe'),
  svc('DNS', 'DNS Server: Enables DNS clients to resolve DNS names by answering DNS queries and dynamic DNS update requests.', 'c:\\windows\\system32\\dns.exe', '%SystemRoot%\\system32\\dns.exe'),
  svc('IsmServ', 'Intersite Messaging: Enables messages to be exchanged between computers running Windows Server sites.', 'c:\\windows\\system32\\ismserv.exe', '%SystemRoot%\\System32\\ismserv.exe'),
  svc('Kdc', 'Kerberos Key Distribution Center: On domain controllers, this service enables users to log on to the network using the Kerberos authentication protocol.', 'c:\\windows\\system32\\kdcsvc.dll', '%SystemRoot%\\System32\\lsass.exe'),
  svc('NTDS', 'Active Directory Domain Services: AD DS Domain Controller service.', 'c:\\windows\\system32\\ntdsa.dll', '%SystemRoot%\\System32\\lsass.exe'),
];
