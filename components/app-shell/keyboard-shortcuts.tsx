'use client';

import { useEffect, useRef, useState } from 'react';

const SHORTCUTS: [string, string][] = [
  ['/', 'Focus the search box'],
  ['j / k', 'Next / previous row of the table'],
  ['Enter', 'Open the focused row'],
  ['?', 'Show this help'],
  ['Esc', 'Close this help, leave the search box'],
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Move focus to the next/previous row's first link: rows stay reachable by keyboard without a mouse. */
function moveRow(step: 1 | -1) {
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('main .data-table tbody tr')].filter((r) => r.querySelector('a'));
  if (rows.length === 0) return;
  const current = rows.findIndex((r) => r.contains(document.activeElement));
  const next = rows[Math.min(rows.length - 1, Math.max(0, current === -1 ? 0 : current + step))];
  next.querySelector<HTMLAnchorElement>('a')?.focus();
  next.scrollIntoView({ block: 'nearest' });
}

/** Global keys for people who live in the tool: `/` search, `j`/`k` rows, `?` help. */
export function KeyboardShortcuts() {
  const [isOpen, setIsOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    function handleKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'Escape' && isTyping(e.target)) return void (e.target as HTMLElement).blur();
      if (isTyping(e.target)) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      } else if (e.key === 'j') moveRow(1);
      else if (e.key === 'k') moveRow(-1);
      else if (e.key === '?') setIsOpen(true);
    }
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
  useEffect(() => {
    if (isOpen) dialog.current?.showModal();
    else dialog.current?.close();
  }, [isOpen]);
  return (
    <dialog ref={dialog} className="shortcuts" aria-label="Keyboard shortcuts" onClose={() => setIsOpen(false)}>
      <h2>Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => setIsOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
