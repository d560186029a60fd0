import Link from 'next/link';

/**
 * An entry's name linking to its page, with its command under it (both truncated, full text on hover). A Windows
 * name's folder or registry key is cut before its last part: `HKLM\System\…\Services\dns` keeps `dns` in view.
 */
export function EntryNameCell({ id, name, command }: { id: number; name: string; command: string }) {
  const cut = name.lastIndexOf('\\');
  const hasParent = cut > 0 && cut < name.length - 1;
  return (
    <div>
      <Link href={`/entries/${id}`} className="mono cell-name split-name" title={name}>
        {hasParent ? (
          <>
            <span className="name-parent">{name.slice(0, cut + 1)}</span>
            <span className="name-leaf">{name.slice(cut + 1)}</span>
          </>
        ) : (
          <span className="name-leaf">{name}</span>
        )}
      </Link>
      <code className="cell-command muted" title={command}>
        {command}
      </code>
    </div>
  );
}
