import { decodeBytes } from './decode';
import { child, childElements, childText, isElement, parseXmlFragments, type XElement } from './taskxml-tree';
import { describeTrigger } from './taskxml-triggers';
import { ParseError, type JobRecord, type ParseContext, type ParseResult, type Parser, type ParseWarning } from './types';

const TASK_NS = 'http://schemas.microsoft.com/windows/2004/02/mit/task';

/** Well-known principals, spelled the way schtasks "Run As User" shows them so the formats compare. */
const WELL_KNOWN: Record<string, string> = {
  'S-1-5-18': 'SYSTEM',
  'S-1-5-19': 'LOCAL SERVICE',
  'S-1-5-20': 'NETWORK SERVICE',
  'S-1-5-32-544': 'Administrators',
  'S-1-5-32-545': 'Users',
  'S-1-5-4': 'INTERACTIVE',
  'S-1-5-11': 'Authenticated Users',
  'S-1-1-0': 'Everyone',
  'NT AUTHORITY\\SYSTEM': 'SYSTEM',
  'NT AUTHORITY\\LOCAL SERVICE': 'LOCAL SERVICE',
  'NT AUTHORITY\\LOCALSERVICE': 'LOCAL SERVICE',
  'NT AUTHORITY\\NETWORK SERVICE': 'NETWORK SERVICE',
  'NT AUTHORITY\\NETWORKSERVICE': 'NETWORK SERVICE',
};

export function principalName(id: string | undefined): string | null {
  if (!id) return null;
  return WELL_KNOWN[id.toUpperCase()] ?? id;
}

function sniff(text: string): number {
  const head = text.slice(0, 4000);
  // Task XML embedded in CSV/JSON event exports (4698 TaskContent) is not a task file: the document must be XML.
  if (!head.replace(/^\uFEFF/, '').trimStart().startsWith('<')) return 0;
  if (!/<Task[\s>]/.test(head) && !/<Tasks[\s>]/.test(head)) return 0;
  if (head.includes(TASK_NS)) return 0.95;
  return /<(Actions|Triggers|RegistrationInfo)[\s>]/.test(text) ? 0.7 : 0.3;
}

const withBackslash = (p: string) => (p.startsWith('\\') ? p : `\\${p}`);

/** `C:\Windows\System32\Tasks\Microsoft\X` or `host/Tasks/Microsoft/X` → `\Microsoft\X`; otherwise the base name. */
export function nameFromFileName(fileName: string | null | undefined): string | null {
  if (!fileName) return null;
  const segments = fileName.split(/[\\/]+/).filter(Boolean);
  const at = segments.map((s) => s.toLowerCase()).lastIndexOf('tasks');
  const rest = at >= 0 && at < segments.length - 1 ? segments.slice(at + 1) : segments.slice(-1);
  if (rest.length === 0) return null;
  rest[rest.length - 1] = rest[rest.length - 1].replace(/\.xml$/i, '');
  return `\\${rest.join('\\')}`;
}

/** ISO date with the 7-digit .NET fraction cut to milliseconds; offsets kept, naive values stay naive (host-local). */
export function normalizeIsoDate(value: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value?.trim() ?? '');
  if (!m) return null;
  if (!m[2]) return m[1];
  const time = m[2].length === 5 ? `${m[2]}:00` : m[2];
  return `${m[1]}T${time}${m[3] ? m[3].slice(0, 4) : ''}${m[4] ?? ''}`;
}

/** Autoruns' launch string: `"<Command>" <Arguments>`, or `HKCR\CLSID\{GUID}` for COM handlers. */
function describeAction(action: XElement | undefined): Pick<JobRecord, 'kind' | 'command' | 'imagePath' | 'arguments'> {
  if (!action) return { kind: 'none', command: '', imagePath: null, arguments: null };
  if (action.name === 'Exec') {
    const cmd = (childText(action, 'Command') ?? '').replace(/^"(.*)"$/s, '$1');
    const args = childText(action, 'Arguments') || null;
    return { kind: 'exec', command: cmd ? `"${cmd}" ${args ?? ''}`.trim() : args ?? '', imagePath: cmd || null, arguments: args };
  }
  if (action.name === 'ComHandler') {
    const clsid = childText(action, 'ClassId') ?? '';
    return { kind: 'com_handler', command: `HKCR\\CLSID\\${clsid}`, imagePath: null, arguments: childText(action, 'Data') || null };
  }
  const kind = action.name === 'SendEmail' ? 'send_email' : action.name === 'ShowMessage' ? 'show_message' : action.name.toLowerCase();
  return { kind, command: '', imagePath: null, arguments: null };
}

function buildRecord(task: XElement, pathComment: string | null, raw: string, line: number, ctx: ParseContext,
  warnings: ParseWarning[]): JobRecord {
  const reg = child(task, 'RegistrationInfo');
  const uri = childText(reg, 'URI');
  const fromFile = nameFromFileName(ctx.fileName);
  let name = uri ? withBackslash(uri) : pathComment ? withBackslash(pathComment) : fromFile;
  if (!name) {
    name = '\\(unnamed task)';
    warnings.push({ line, message: 'Task has no URI and no file name; named "(unnamed task)"' });
  }
  const actionsEl = child(task, 'Actions');
  const actions = childElements(actionsEl);
  if (actions.length === 0) warnings.push({ line, message: `Task ${name} has no actions` });
  const principals = childElements(child(task, 'Principals'), 'Principal');
  const context = actionsEl?.attrs.Context;
  const principal = principals.find((p) => p.attrs.id === context) ?? principals[0];
  const settings = child(task, 'Settings');
  const triggers = childElements(child(task, 'Triggers')).map(describeTrigger);
  return {
    family: 'windows_task',
    name,
    ...describeAction(actions[0]),
    enabled: (childText(settings, 'Enabled') ?? 'true').toLowerCase() !== 'false',
    hidden: (childText(settings, 'Hidden') ?? 'false').toLowerCase() === 'true',
    runAs: principalName(childText(principal, 'UserId') || childText(principal, 'GroupId')),
    runLevel: childText(principal, 'RunLevel') || null,
    schedule: triggers.length > 0 ? triggers.map((t) => t.text).join('; ') : null,
    triggers,
    author: childText(reg, 'Author') || null,
    description: childText(reg, 'Description') || null,
    registeredAt: normalizeIsoDate(childText(reg, 'Date')),
    host: null,
    line,
    raw,
  };
}

/** Top-level Task elements, each with the `<!-- \path -->` comment that `schtasks /query /xml` puts before it. */
function collectTasks(root: XElement): { task: XElement; comment: string | null }[] {
  const out: { task: XElement; comment: string | null }[] = [];
  let comment: string | null = null;
  for (const node of root.children) {
    if ('comment' in node) comment = node.comment.trim() || null;
    else if (isElement(node) && node.name === 'Task') {
      out.push({ task: node, comment });
      comment = null;
    } else if (isElement(node) && node.name === 'Tasks') out.push(...collectTasks(node));
  }
  return out;
}

function parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const text = decodeBytes(bytes).text.replace(/^\uFEFF/, '');
  const root = parseXmlFragments(text);
  const tasks = collectTasks(root);
  if (tasks.length === 0) throw new ParseError('Not a Task Scheduler XML file: no <Task> element found', 1);
  const spans = [...text.matchAll(/<Task(?=[\s>/])[\s\S]*?<\/Task\s*>/g)];
  const warnings: ParseWarning[] = [];
  const records = tasks.map(({ task, comment }, i) => {
    const span = spans[i];
    const line = span ? text.slice(0, span.index).split('\n').length : 1;
    return buildRecord(task, comment, span ? span[0] : text, line, ctx, warnings);
  });
  return { format: 'taskxml', records, warnings, host: null, collectedAt: null, os: 'windows' };
}

export const taskXmlParser: Parser = { format: 'taskxml', sniff, maxConfidence: 0.95, parse };
