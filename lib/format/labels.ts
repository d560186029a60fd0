/** Display names shared by pages and tables. */
export const FAMILY_LABELS: Record<string, string> = {
  windows_task: 'Windows task',
  windows_autorun: 'Windows autorun',
  cron: 'cron',
  systemd_timer: 'systemd timer',
  launchd: 'launchd',
  at: 'at',
};

export function familyLabel(family: string): string {
  return FAMILY_LABELS[family] ?? family;
}

/** Dates render in UTC with a fixed format: the server and the browser must print the same text. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  return iso.replace('T', ' ').slice(0, 16) + ' UTC';
}

export function formatDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}
