import { VARIANT_FIELDS, type EntryVariant, type VariantField } from '@/lib/data/entry';

const LABELS: Record<VariantField, string> = {
  name: 'Name', command: 'Command', imagePath: 'Image path', sha256: 'SHA-256', sha1: 'SHA-1', md5: 'MD5', signer: 'Signer',
  verified: 'Verified', runAs: 'Run as', schedule: 'Schedule', enabled: 'Enabled', hidden: 'Hidden', author: 'Author', description: 'Description',
};
const SHOWN = 8;

/** Variants side by side; a cell that differs from the most widespread variant (first column) is highlighted. */
export function VariantsCompare({ variants }: { variants: EntryVariant[] }) {
  const shown = variants.slice(0, SHOWN);
  const base = shown[0];
  const fields = VARIANT_FIELDS.filter((f) => shown.some((v) => v.fields[f] !== null));
  return (
    <section className="panel" aria-label="Variants">
      <h2>
        Variants <span className="muted">({variants.length})</span>
      </h2>
      {!base ? (
        <p className="muted">No variants recorded.</p>
      ) : (
        <>
          {variants.length > SHOWN && <p className="muted">The {SHOWN} most widespread of {variants.length} variants.</p>}
          <div className="table-wrap">
            <table className="data-table variants">
              <caption className="sr-only">Variants compared field by field</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  {shown.map((v, i) => (
                    <th key={v.id} scope="col">
                      Variant {i + 1}
                      <div className="muted">
                        {v.hostsNow} host{v.hostsNow === 1 ? '' : 's'} now · {v.hostsEver} ever
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => {
                  const differs = shown.some((v) => v.fields[f] !== base.fields[f]);
                  return (
                    <tr key={f} data-differs={differs || undefined}>
                      <th scope="row">{LABELS[f]}</th>
                      {shown.map((v) => (
                        <td key={v.id} className={v.fields[f] !== base.fields[f] ? 'differs' : undefined}>
                          {v.fields[f] === null ? <span className="muted">—</span> : <code>{v.fields[f]}</code>}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
