import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from '@/components/app-shell/nav-links';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tasklens',
  description: 'Every scheduled job on every machine, and the few that should not be there.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <div className="shell">
          <nav className="sidebar" aria-label="Main">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">◎</span> Tasklens
            </Link>
            <NavLinks />
            <Link href="/uploads" className="button primary sidebar-upload">
              Upload exports
            </Link>
          </nav>
          <main className="content">{children}</main>
        </div>
      </body>
    </html>
  );
}
