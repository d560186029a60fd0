'use client';

interface FacetFilterProps {
  label: string;
  options: { value: string; label: string; count: number }[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** Toggle chips with server-computed counts (facets come from SQL GROUP BY, not from the loaded page). */
export function FacetFilter({ label, options, selected, onChange }: FacetFilterProps) {
  return (
    <fieldset className="facet">
      <legend>{label}</legend>
      {options.map((o) => {
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
