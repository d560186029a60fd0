import ReactMarkdown, { type Components } from 'react-markdown';

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

/**
 * A comment's markdown as React elements: raw HTML in the text is dropped (no rehype-raw), images are not loaded
 * (a remote image would tell its host who read the comment), links are http/https only.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml urlTransform={safeUrl} disallowedElements={['img']} unwrapDisallowed components={COMPONENTS}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
