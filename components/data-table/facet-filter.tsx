'use client';

interface FacetFilterProps {
  label: string;
  options: { value: string; label: string; count: number }[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** Toggle chips with server-computed counts (facets come from SQL GROUP BY, not from the loaded page). */
export function FacetFilter({ label, options, selected, onChange }: FacetFilterProps) {
  // A chosen value the current result no longer counts stays on screen (at 0), so it can be turned off again.
  const shown = [...options, ...selected.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v, count: 0 }))];
  return (
    <fieldset className="facet">
      <legend>{label}</legend>
      {shown.map((o) => {
        const isOn = selected.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            className="chip"
            aria-pressed={isOn}
            onClick={() => onChange(isOn ? selected.filter((v) => v !== o.value) : [...selected, o.value])}
          >
            {o.label} <span className="chip-count">{o.count.toLocaleString('en-US')}</span>
          </button>
        );
      })}
      {selected.length > 0 && (
        <button type="button" className="link-button" onClick={() => onChange([])}>
          Clear
        </button>
      )}
    </fieldset>
  );
}
