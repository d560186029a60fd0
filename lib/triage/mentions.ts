// @mentions in triage comments. A handle is the local part of a user's e-mail (`@alice` for alice@corp.example),
// or the whole address (`@alice@corp.example`) when two users share a local part. Names are not handles: they are
// optional and hold spaces. No `server-only`: the comment renderer highlights mentions with the same rules.

/** `@` not preceded by a word character, `.`, `@` or `/` (so e-mail addresses and URLs are not mentions). */
const MENTION_RE = /(?<![\w.@/])@([a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)/gi;

/** Mentions notify at most this many people per comment. */
export const MAX_MENTIONS = 20;

export interface MentionPart {
  text: string;
  /** Lower-cased handle when this part is a mention. */
  handle?: string;
}

/** Split plain text into text and mention parts (the renderer's view; code is never passed in). */
export function splitMentions(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION_RE)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], handle: m[1].toLowerCase() });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The distinct handles a markdown comment mentions, outside code blocks and code spans (which render as code). */
export function extractMentions(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|$(?![\s\S]))/gm, ' ').replace(/(`+)[^`]*?\1/g, ' ');
  const handles = new Set<string>();
  for (const part of splitMentions(prose)) if (part.handle) handles.add(part.handle);
  return [...handles].slice(0, MAX_MENTIONS);
}
