import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from './types';

/** A small ordered element tree: trigger and action order matters, which fast-xml-parser only keeps with preserveOrder. */
export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export type XNode = XElement | { text: string } | { comment: string };

export const isElement = (n: XNode): n is XElement => 'name' in n;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  commentPropName: '#comment',
  removeNSPrefix: true,
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

type Ordered = Record<string, unknown>;

function convert(items: Ordered[]): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') out.push({ text: String(value) });
      else if (key === '#comment') out.push({ comment: textOfOrdered(value as Ordered[]) });
      else {
        const attrs = Object.fromEntries(Object.entries((item[':@'] as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
        out.push({ name: key, attrs, children: convert(value as Ordered[]) });
      }
    }
  }
  return out;
}

function textOfOrdered(items: Ordered[]): string {
  return items.map((i) => String(i['#text'] ?? '')).join('');
}

/**
 * Parse XML text that may hold several documents (schtasks /query /xml concatenates them): declarations and DOCTYPEs
 * are removed (they may lie about the encoding) and everything is wrapped in one synthetic root on the same line,
 * so validator line numbers still point into the caller's text.
 */
export function parseXmlFragments(text: string): XElement {
  const cleaned = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[\s\S]*?\?>/g, (m) => m.replace(/[^\n]/g, ''))
    .replace(/<!DOCTYPE[^>]*>/gi, (m) => m.replace(/[^\n]/g, ''));
  const wrapped = `<TasklensRoot>${cleaned}</TasklensRoot>`;
  const valid = XMLValidator.validate(wrapped);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ParseError(`Invalid task XML: ${msg} (line ${line}, column ${line === 1 ? Math.max(1, col - 14) : col})`, line);
  }
  let parsed: Ordered[];
  try {
    parsed = parser.parse(wrapped) as Ordered[];
  } catch (err) {
    // Valid but hostile XML (nesting or entity expansion past fast-xml-parser's limits) is the file's fault.
    throw new ParseError(`Invalid task XML: ${(err as Error).message}`, null);
  }
  const tree = convert(parsed);
  const root = tree.find(isElement);
  if (!root) throw new ParseError('Invalid task XML: no root element', null);
  return root;
}

export function childElements(el: XElement | undefined, name?: string): XElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XElement => isElement(c) && (name === undefined || c.name === name));
}

export function child(el: XElement | undefined, name: string): XElement | undefined {
  return childElements(el, name)[0];
}

export function textOf(el: XElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => ('text' in c ? c.text : '')).join('');
}

/** Trimmed text of a named child, or undefined when the child is absent (an empty element gives ''). */
export function childText(el: XElement | undefined, name: string): string | undefined {
  const c = child(el, name);
  return c ? textOf(c).trim() : undefined;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Compact re-serialization, used for a trigger's `raw`. */
export function toXml(node: XNode): string {
  if ('text' in node) return escapeXml(node.text);
  if ('comment' in node) return `<!--${node.comment}-->`;
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeXml(v).replace(/"/g, '&quot;')}"`).join('');
  if (node.children.length === 0) return `<${node.name}${attrs} />`;
  return `<${node.name}${attrs}>${node.children.map(toXml).join('')}</${node.name}>`;
}
