'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/outliers', label: 'Outliers' },
  { href: '/triage', label: 'Triage' },
  { href: '/changes', label: 'Changes' },
  { href: '/inventory', label: 'Inventory' },
  { href: '/hosts', label: 'Hosts' },
  { href: '/uploads', label: 'Uploads' },
  { href: '/suppressions', label: 'Suppressions' },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="nav-links">
      {LINKS.map((l) => {
        const isActive = l.href === '/' ? pathname === '/' : pathname.startsWith(l.href);
        return (
          <li key={l.href}>
            <Link href={l.href} aria-current={isActive ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
