import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from '@/components/app-shell/nav-links';
import { UserMenu } from '@/components/app-shell/user-menu';
import { hasRole } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tasklens',
  description: 'Every scheduled job on every machine, and the few that should not be there.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Signed out (login, set-up): no navigation to pages that would only redirect back. Pages check access themselves.
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        {!user && <main className="content auth-content">{children}</main>}
        {user && (
        <div className="shell">
          <nav className="sidebar" aria-label="Main">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">◎</span> Tasklens
            </Link>
            <NavLinks />
            {hasRole(user.role, 'analyst') && (
              <Link href="/uploads" className="button primary sidebar-upload">
                Upload exports
              </Link>
            )}
            <UserMenu user={user} />
          </nav>
          <main className="content">{children}</main>
        </div>
        )}
      </body>
    </html>
  );
}
