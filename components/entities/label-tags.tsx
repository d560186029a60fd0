/** Host labels as `key=value` tags (attacker-influenced text, rendered as text). */
export function LabelTags({ labels }: { labels: Record<string, string> }) {
  return Object.entries(labels).map(([k, v]) => (
    <span key={k} className="tag mono">
      {k}={v}
    </span>
  ));
}
