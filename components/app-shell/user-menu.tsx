import Link from 'next/link';
import { signOut } from '@/app/account/actions';
import type { Principal } from '@/lib/auth/principal';
import { hasRole } from '@/lib/auth/roles';

/** The signed-in user, their role, admin links their role opens, and sign-out (a Server Action, so it needs no JS). */
export function UserMenu({ user }: { user: Extract<Principal, { kind: 'user' }> }) {
  const adminLinks = [
    ...(hasRole(user.role, 'admin') ? [{ href: '/admin/users', label: 'Users' }, { href: '/admin/tokens', label: 'API tokens' }, { href: '/admin/settings', label: 'Settings' }] : []),
    ...(hasRole(user.role, 'manager') ? [{ href: '/review', label: 'Manager review' }, { href: '/admin/audit', label: 'Audit log' }] : []),
  ];
  return (
    <div className="user-menu">
      {adminLinks.length > 0 && (
        <ul className="nav-links" aria-label="Administration">
          {adminLinks.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.label}</Link>
            </li>
          ))}
        </ul>
      )}
      <section aria-label="Signed-in user" className="user-card">
        <Link href="/account" className="user-email" title={user.email}>
          {user.name || user.email}
        </Link>
        <span className="tag" data-testid="user-role">
          {user.role}
        </span>
        <form action={signOut}>
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      </section>
    </div>
  );
}
