import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { COLUMN_COOKIE_PREFIX } from '@/components/data-table/column-cookie';
import { ColumnPrefsProvider } from '@/components/data-table/column-prefs';
import { KeyboardShortcuts } from '@/components/app-shell/keyboard-shortcuts';
import { NavLinks } from '@/components/app-shell/nav-links';
import { NotificationBell } from '@/components/app-shell/notification-bell';
import { ThemeToggle, type Theme } from '@/components/app-shell/theme-toggle';
import { UserMenu } from '@/components/app-shell/user-menu';
import { hasRole } from '@/lib/auth/roles';
import { guardPageRequest } from '@/lib/auth/page-guard';
import { getCurrentUser } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tasklens',
  description: 'Every scheduled job on every machine, and the few that should not be there.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Signed out (login, set-up): no navigation to pages that would only redirect back. Pages check access themselves.
  const user = await getCurrentUser();
  const jar = await cookies();
  const cookieTheme = jar.get('tl_theme')?.value;
  // Column choices per table, so tables render with them on the server (components/data-table/column-prefs.tsx).
  const columnPrefs = Object.fromEntries(
    jar.getAll().filter((c) => c.name.startsWith(COLUMN_COOKIE_PREFIX)).map((c) => [c.name.slice(COLUMN_COOKIE_PREFIX.length), c.value]),
  );
  const theme: Theme = cookieTheme === 'light' || cookieTheme === 'dark' ? cookieTheme : 'system';
  await guardPageRequest(user);
  return (
    <html lang="en" data-theme={theme === 'system' ? undefined : theme}>
      <body>
        {!user && <main className="content auth-content">{children}</main>}
        {user && (
        <div className="shell">
          <nav className="sidebar" aria-label="Main">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">◎</span> Tasklens
            </Link>
            <NavLinks />
            <NotificationBell userId={user.userId} />
            {hasRole(user.role, 'analyst') && (
              <Link href="/uploads" className="button primary sidebar-upload">
                Upload exports
              </Link>
            )}
            <UserMenu user={user} />
            <ThemeToggle initial={theme} />
            <KeyboardShortcuts />
          </nav>
          <main className="content">
            <ColumnPrefsProvider initial={columnPrefs}>{children}</ColumnPrefsProvider>
          </main>
        </div>
        )}
      </body>
    </html>
  );
}
