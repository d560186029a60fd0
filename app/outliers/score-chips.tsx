import type { OutlierRow } from '@/lib/data/outliers';

const PART_LABELS: Record<string, string> = {
  rarity: 'rare',
  prevalence: 'common',
  heuristics: 'heuristic',
  newness: 'new',
  drift: 'drift',
  burst: 'burst',
  peer: 'peer group',
};

/** Score parts as compact chips; the text is the reason, the class says which part of the score it feeds. */
export function ScoreChips({ row }: { row: OutlierRow }) {
  return (
    <ul className="chips" aria-label="Why it scored">
      {row.reasons.map((r, i) => (
        <li key={i} className={`score-chip part-${r.part}`} title={`${PART_LABELS[r.part]}: ${r.text}`}>
          {r.text}
        </li>
      ))}
    </ul>
  );
}
