import { decodeBytes } from './decode';
import type { JobRecord, ParseResult } from './types';

const PERIODS = ['hourly', 'daily', 'weekly', 'monthly'] as const;

/** First comment block after the shebang, as the script author's own description. */
function leadingComment(lines: string[]): string | null {
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('#!')) continue;
    if (!t.startsWith('#')) {
      if (out.length > 0 || t) break;
      continue;
    }
    const body = t.replace(/^#+\s?/, '').trim();
    if (body) out.push(body);
    if (out.length >= 3) break;
  }
  return out.length ? out.join(' ') : null;
}

/**
 * One executable under /etc/cron.{hourly,daily,weekly,monthly}: run by run-parts (Debian) or 0anacron (RHEL) as root.
 * run-parts skips names with a dot or a trailing `~` (FORMATS.md §4.2), so those yield a warning, not a job.
 */
export function parseCronScript(bytes: Uint8Array, fileName: string): ParseResult {
  const p = fileName.replace(/\\/g, '/');
  const m = /cron\.(hourly|daily|weekly|monthly)\/([^/]+)$/.exec(p);
  const base = m?.[2] ?? p.split('/').pop() ?? p;
  if (!m || !(PERIODS as readonly string[]).includes(m[1])) {
    return { format: 'cron', records: [], warnings: [{ line: null, message: `not under /etc/cron.{hourly,daily,weekly,monthly}: ${fileName}` }], os: 'linux' };
  }
  const period = m[1];
  const path = `/etc/cron.${period}/${base}`;
  if (base.includes('.') || base.endsWith('~')) {
    return {
      format: 'cron',
      records: [],
      warnings: [{ line: null, message: `${path} is ignored by run-parts (name contains "." or ends in "~"): would not run` }],
      os: 'linux',
    };
  }
  const text = decodeBytes(bytes).text;
  const record: JobRecord = {
    family: 'cron',
    kind: 'cron_script',
    name: path,
    command: path,
    runAs: 'root',
    schedule: period,
    triggers: [{ kind: period, raw: `cron.${period}`, text: `${period[0].toUpperCase()}${period.slice(1)} (run-parts /etc/cron.${period})` }],
    enabled: true,
    description: leadingComment(text.split(/\r?\n/)),
    line: 1,
    raw: text,
  };
  return { format: 'cron', records: [record], warnings: [], os: 'linux' };
}
