import ReactMarkdown, { type Components } from 'react-markdown';
import { splitMentions } from '@/lib/triage/mentions';

/** Only web links survive: javascript:, data: and every other scheme become an empty href. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : '';
  } catch {
    return '';
  }
}

const COMPONENTS: Components = {
  a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{children}</a> : <span>{children}</span>),
};

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName: string; hProperties: Record<string, string> };
}

/**
 * A remark plugin that turns `@handle` in text nodes (never in code, which is not a text node) into a highlighted
 * span when the handle names someone; still text, so nothing a comment says becomes markup.
 */
function remarkMentions(handles: ReadonlySet<string>) {
  const split = (node: MdNode): MdNode[] =>
    splitMentions(node.value ?? '').map((part) =>
      part.handle && handles.has(part.handle)
        ? { type: 'mention', data: { hName: 'span', hProperties: { className: 'mention', title: `mentions ${part.handle}` } }, children: [{ type: 'text', value: part.text }] }
        : { type: 'text', value: part.text },
    );
  const walk = (node: MdNode): void => {
    if (!node.children) return;
    node.children = node.children.flatMap((child) => (child.type === 'text' ? split(child) : (walk(child), [child])));
  };
  return () => (tree: MdNode) => walk(tree);
}

/**
 * A comment's markdown as React elements: raw HTML in the text is dropped (no rehype-raw), images are not loaded
 * (a remote image would tell its host who read the comment), links are http/https only. `mentionable`: the
 * handles (lib/triage/mentions.ts) shown as mentions.
 */
export function Markdown({ text, mentionable = [] }: { text: string; mentionable?: readonly string[] }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml urlTransform={safeUrl} disallowedElements={['img']} unwrapDisallowed components={COMPONENTS} remarkPlugins={mentionable.length ? [remarkMentions(new Set(mentionable))] : []}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
