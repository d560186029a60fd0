'use client';

import { PAGE_SIZES } from '@/lib/validation/table-params';

interface PaginationProps {
  page: number;
  size: number;
  total: number;
  onChange: (patch: { page?: number; size?: number }) => void;
  /** Names the navigation when a page has two paged lists (the host page: its entries and a diff). */
  label?: string;
}

export function Pagination({ page, size, total, onChange, label = 'Pagination' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <nav className="pagination" aria-label={label}>
      <span className="muted">
        {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </span>
      <label className="page-size">
        Rows
        <select value={size} onChange={(e) => onChange({ size: Number(e.target.value), page: 1 })} aria-label="Rows per page">
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onChange({ page: page - 1 })} disabled={page <= 1}>
        Previous
      </button>
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      <button type="button" onClick={() => onChange({ page: page + 1 })} disabled={page >= pages}>
        Next
      </button>
    </nav>
  );
}
