import Link from 'next/link';

/** An entry's name linking to its page, with its command under it (both truncated, full text on hover). */
export function EntryNameCell({ id, name, command }: { id: number; name: string; command: string }) {
  return (
    <div>
      <Link href={`/entries/${id}`} className="mono cell-name" title={name}>
        {name}
      </Link>
      <code className="cell-command muted" title={command}>
        {command}
      </code>
    </div>
  );
}
