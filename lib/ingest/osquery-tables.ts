import { cronTrigger } from './cron-schedule';
import type { JobRecord, JobTrigger } from './types';

/** The osquery tables that describe scheduled jobs (FORMATS.md §6.1); anything else is skipped. */
export type OsqueryTable = 'scheduled_tasks' | 'crontab' | 'systemd_units' | 'launchd';

export type OsqueryRow = Record<string, string>;

export interface RowContext {
  host: string | null;
  line: number | null;
}

/**
 * Which table a query's rows come from. Pack queries are named `pack_<pack>_<query>`, so the name is tried first;
 * ad-hoc queries (osqueryi, fleetctl) have no name and are recognised by their column set.
 */
export function detectTable(queryName: string | null, columns: string[]): OsqueryTable | null {
  const name = (queryName ?? '').toLowerCase();
  if (name.includes('scheduled_task')) return 'scheduled_tasks';
  if (name.includes('crontab')) return 'crontab';
  if (name.includes('systemd_unit') || name.includes('systemd_timer')) return 'systemd_units';
  // launchd_overrides has label/key/value rows, not jobs.
  if (/launchd(?!_overrides)/.test(name)) return 'launchd';
  const has = (...cols: string[]) => cols.every((c) => columns.includes(c));
  if (has('action', 'path') && (has('last_run_time') || has('next_run_time') || has('hidden'))) return 'scheduled_tasks';
  if (has('minute', 'hour', 'day_of_month', 'command')) return 'crontab';
  if (has('id') && (has('load_state') || has('active_state') || has('fragment_path') || has('unit_file_state'))) return 'systemd_units';
  if (has('label') && (has('program_arguments') || has('program') || has('run_at_load'))) return 'launchd';
  return null;
}

/** Map one result row to a job record; null when the row is not a job (non-timer units, empty rows). */
export function mapRow(table: OsqueryTable, row: OsqueryRow, ctx: RowContext): JobRecord | null {
  switch (table) {
    case 'scheduled_tasks':
      return mapScheduledTask(row, ctx);
    case 'crontab':
      return mapCrontab(row, ctx);
    case 'systemd_units':
      return mapSystemdUnit(row, ctx);
    case 'launchd':
      return mapLaunchd(row, ctx);
  }
}

/** The OS a table implies; crontab is shared by Linux and macOS, so the spool path decides. */
export function tableOs(table: OsqueryTable, row: OsqueryRow): 'windows' | 'linux' | 'macos' {
  if (table === 'scheduled_tasks') return 'windows';
  if (table === 'launchd') return 'macos';
  if (table === 'crontab' && /^\/(var\/at|usr\/lib\/cron|private\/var\/at)\//.test(row.path ?? '')) return 'macos';
  return 'linux';
}

function text(v: string | undefined): string | null {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
}

/** osquery booleans are "1"/"0" strings (or numbers with numerics:true); "" means unknown. */
function bool(v: string | undefined): boolean | null {
  const t = (v ?? '').trim().toLowerCase();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return null;
}

/** Epoch seconds to ISO; never-run tasks carry ≤ 0 or the 1999-11-30 "null date", which mean "no value". */
export function epochToIso(v: string | undefined): string | null {
  const t = (v ?? '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n) || n <= 0) return null;
  const iso = new Date(n * 1000).toISOString();
  return iso.startsWith('1999-11-30') || iso.startsWith('1899-12-30') ? null : iso;
}

function mapScheduledTask(row: OsqueryRow, ctx: RowContext): JobRecord | null {
  const path = text(row.path) ?? text(row.name);
  if (!path) return null;
  const enabled = bool(row.enabled);
  const hidden = bool(row.hidden);
  return {
    family: 'windows_task',
    // URIs sometimes lack the leading backslash; other Windows parsers key on `\Folder\Name`.
    name: path.startsWith('\\') ? path : `\\${path}`,
    // One leading space is added when an Exec action has no working directory; ComHandler actions give ''.
    command: (row.action ?? '').trim(),
    enabled,
    // osquery fills `hidden` from get_Enabled (FORMATS §6.1); a value equal to `enabled` cannot be trusted.
    hidden: hidden !== null && hidden !== enabled ? hidden : null,
    lastRunAt: epochToIso(row.last_run_time),
    nextRunAt: epochToIso(row.next_run_time),
    host: ctx.host,
    line: ctx.line,
    raw: row,
  };
}

const SPOOL_DIRS = ['/var/spool/cron/crontabs/', '/var/spool/cron/tabs/', '/var/spool/cron/', '/var/at/tabs/', '/private/var/at/tabs/', '/usr/lib/cron/tabs/', '/var/cron/tabs/', '/etc/crontabs/'];

function mapCrontab(row: OsqueryRow, ctx: RowContext): JobRecord | null {
  const path = text(row.path) ?? '';
  const command = (row.command ?? '').trim();
  if (!command) return null;
  const spool = SPOOL_DIRS.find((d) => path.startsWith(d) && !path.slice(d.length).includes('/'));
  const event = text(row.event);
  const schedule = event ?? [row.minute, row.hour, row.day_of_month, row.month, row.day_of_week].map((f) => (f ?? '').trim() || '*').join(' ');
  let runAs: string | null;
  let cmd = command;
  if (spool) {
    runAs = path.slice(spool.length) || null;
  } else {
    // System crontabs have a user field that osquery leaves glued to the front of `command`.
    const m = /^(\S+)\s+(.*)$/.exec(command);
    runAs = m ? m[1] : null;
    cmd = m ? m[2] : command;
  }
  return {
    family: 'cron',
    // Same kinds and trigger wording as the cron file parser so both sources collapse into one job.
    kind: spool ? 'user_crontab' : path.startsWith('/etc/cron.d/') ? 'cron_d' : 'system_crontab',
    name: spool ? `crontab:${runAs ?? ''}` : path || '/etc/crontab',
    command: cmd,
    runAs,
    schedule,
    triggers: [cronTrigger(schedule)],
    enabled: true,
    host: ctx.host,
    line: ctx.line,
    raw: row,
  };
}

function mapSystemdUnit(row: OsqueryRow, ctx: RowContext): JobRecord | null {
  const id = text(row.id);
  if (!id || !id.endsWith('.timer')) return null;
  const fileState = (row.unit_file_state ?? '').trim().toLowerCase();
  return {
    family: 'systemd_timer',
    name: id,
    // The unit table carries no schedule and no ExecStart; those live in the unit files (FORMATS §6.1).
    command: '',
    description: text(row.description),
    enabled: fileState === 'enabled' ? true : fileState === 'disabled' || fileState === 'masked' ? false : null,
    runAs: text(row.user),
    host: ctx.host,
    line: ctx.line,
    raw: row,
  };
}

function mapLaunchd(row: OsqueryRow, ctx: RowContext): JobRecord | null {
  const name = text(row.label) ?? text(row.name) ?? text(row.path);
  if (!name) return null;
  const program = text(row.program);
  const args = text(row.program_arguments);
  const path = row.path ?? '';
  const triggers: JobTrigger[] = [];
  if (bool(row.run_at_load)) {
    triggers.push({ kind: path.includes('/LaunchAgents/') ? 'logon' : 'boot', raw: 'RunAtLoad', text: 'At load' });
  }
  const interval = text(row.start_interval);
  if (interval && interval !== '0') {
    triggers.push({ kind: 'interval', raw: `StartInterval=${interval}`, text: `Every ${interval} seconds` });
  }
  const disabled = bool(row.disabled);
  return {
    family: 'launchd',
    kind: path.includes('/LaunchAgents/') ? 'launch_agent' : path.includes('/LaunchDaemons/') ? 'launch_daemon' : null,
    name,
    // program_arguments is space-joined by osquery (quoting lost), but it is the fuller command line.
    command: args ?? program ?? '',
    imagePath: program ?? (args ? args.split(' ')[0] : null),
    // Disabled absent = not disabled in the plist (launchd overrides may still disable it).
    enabled: disabled === null ? true : !disabled,
    runAs: text(row.username),
    schedule: interval && interval !== '0' ? `StartInterval=${interval}` : null,
    triggers,
    host: ctx.host,
    line: ctx.line,
    raw: row,
  };
}
