import { firstNonBlankLine } from './first-line';
import { clean, cultureTimeToIso, EVENT_DESCRIPTIONS, isoLikeToUtc, taskNameFromText, type EventCandidate } from './task-events-common';

/**
 * Per-producer row mappers (FORMATS.md §7.2-7.4). Rows arrive as header→value maps from CSV, or as JSON objects
 * from EvtxECmd `--json` / hayabusa JSONL, so values are `unknown`.
 */

export type Producer = 'evtxecmd' | 'hayabusa' | 'winevent';
export type Row = Record<string, unknown>;

export interface ProducerSpec {
  label: string;
  map(row: Row, line: number | null, raw: Record<string, string> | string): EventCandidate;
  toIso(v: string | null): string | null;
}

/** Recognise the producer from column / property names (case-insensitive). */
export function detectProducer(keys: string[]): Producer | null {
  const k = new Set(keys.map((x) => x.trim().toLowerCase()));
  const has = (...xs: string[]) => xs.every((x) => k.has(x));
  if (has('timecreated', 'eventid') && (has('payloaddata1') || has('mapdescription') || has('eventrecordid'))) return 'evtxecmd';
  if (has('timestamp', 'eventid', 'computer') && (has('channel') || has('ruletitle') || has('details'))) return 'hayabusa';
  if (has('timecreated', 'id', 'message') && (has('machinename') || has('logname') || has('providername'))) return 'winevent';
  return null;
}

/** Case-insensitive property lookup: Export-Csv and JSON writers differ in casing across versions. */
function get(row: Row, name: string): unknown {
  if (name in row) return row[name];
  const lower = name.toLowerCase();
  const key = Object.keys(row).find((k) => k.trim().toLowerCase() === lower);
  return key === undefined ? undefined : row[key];
}

function num(v: unknown): number | null {
  const t = clean(v);
  return t !== null && /^\d+$/.test(t) ? Number(t) : null;
}

/** EvtxECmd `Payload` is EventData as JSON: `{"EventData":{"Data":[{"@Name":"TaskName","#text":"\\x"}]}}`. */
export function payloadFields(payload: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  let doc: unknown = payload;
  if (typeof payload === 'string') {
    try {
      doc = JSON.parse(payload);
    } catch {
      return out;
    }
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['@Name'] === 'string' && (typeof o['#text'] === 'string' || typeof o['#text'] === 'number')) {
        out[o['@Name']] = String(o['#text']);
      } else Object.values(o).forEach(walk);
    }
  };
  walk(doc);
  return out;
}

/** `DOMAIN\user` from Security subject fields; the bare name when the domain is missing. */
function subjectUser(domain: string | null | undefined, user: string | null | undefined): string | null {
  const u = clean(user);
  if (!u) return null;
  const d = clean(domain);
  return d ? `${d}\\${u}` : u;
}

const evtxecmd: ProducerSpec = {
  label: 'EvtxECmd',
  toIso: isoLikeToUtc,
  map(row, line, raw) {
    const p = payloadFields(get(row, 'Payload'));
    const eventId = num(get(row, 'EventId'));
    const payloadData = [1, 2, 3, 4, 5, 6].map((i) => clean(get(row, `PayloadData${i}`)));
    const taskName = clean(p.TaskName) ?? payloadData.map(taskNameFromText).find((x) => x) ?? null;
    const user =
      clean(get(row, 'UserName')) ?? subjectUser(p.SubjectDomainName, p.SubjectUserName) ?? clean(p.UserContext) ?? clean(p.UserName);
    const action = clean(get(row, 'ExecutableInfo')) ?? clean(p.ActionName);
    const desc = clean(get(row, 'MapDescription')) ?? (eventId !== null ? EVENT_DESCRIPTIONS[eventId] : null) ?? null;
    return {
      line,
      host: clean(get(row, 'Computer')),
      time: clean(get(row, 'TimeCreated')),
      eventId,
      channel: clean(get(row, 'Channel')),
      taskName,
      user: user ?? null,
      message: action && (eventId === 200 || eventId === 201) ? `${desc ?? 'Task action'} (action: ${action})` : desc,
      raw,
    };
  },
};

/** hayabusa CSV `Details` is `Key: value ¦ Key: value`; its JSONL writes the same pairs as an object. */
export function hayabusaPairs(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = String(x);
    return out;
  }
  if (typeof v !== 'string') return out;
  for (const part of v.split(/\s*¦\s*/)) {
    const i = part.indexOf(': ');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 2).trim();
    else if (part.endsWith(':')) out[part.slice(0, -1).trim()] = '';
  }
  return out;
}

const hayabusa: ProducerSpec = {
  label: 'hayabusa',
  toIso: isoLikeToUtc,
  map(row, line, raw) {
    const d = hayabusaPairs(get(row, 'Details'));
    const x = hayabusaPairs(get(row, 'ExtraFieldInfo'));
    const all = { ...x, ...d };
    const name = clean(all.Name) ?? clean(all.TaskName);
    const plainUser = clean(all.User) ?? clean(all.UserContext) ?? clean(all.UserName) ?? clean(all.SubjectUserName);
    const user = plainUser && !plainUser.includes('\\') ? subjectUser(all.SubjectDomainName, plainUser) : plainUser;
    return {
      line,
      host: clean(get(row, 'Computer')),
      time: clean(get(row, 'Timestamp')),
      eventId: num(get(row, 'EventID')),
      channel: clean(get(row, 'Channel')),
      taskName: name ?? taskNameFromText(typeof get(row, 'Details') === 'string' ? (get(row, 'Details') as string) : null),
      user,
      message: clean(get(row, 'RuleTitle')),
      raw,
    };
  },
};

/** Security messages name the actor under "Subject:" as `Account Name:` / `Account Domain:`. */
function messageUser(msg: string): string | null {
  const quoted = /User "([^"]+)"/.exec(msg);
  if (quoted) return quoted[1];
  const name = /Account Name:[ \t]*([^\r\n]+)/i.exec(msg)?.[1];
  const domain = /Account Domain:[ \t]*([^\r\n]+)/i.exec(msg)?.[1];
  return subjectUser(domain, name);
}

const winevent: ProducerSpec = {
  label: 'Get-WinEvent',
  toIso: cultureTimeToIso,
  map(row, line, raw) {
    const msg = clean(get(row, 'Message')) ?? '';
    return {
      line,
      host: clean(get(row, 'MachineName')),
      time: clean(get(row, 'TimeCreated')),
      eventId: num(get(row, 'Id')),
      channel: clean(get(row, 'LogName')),
      taskName: taskNameFromText(msg),
      user: msg ? messageUser(msg) : null,
      // The first line is the summary; 4698's full message also embeds the task XML, kept in `raw`.
      message: firstNonBlankLine(msg).trim() || null,
      raw,
    };
  },
};

export const PRODUCERS: Record<Producer, ProducerSpec> = { evtxecmd, hayabusa, winevent };
