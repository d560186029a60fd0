import type { Metadata } from 'next';
import { ActionForm } from '@/components/forms/action-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { requireUser } from '@/lib/auth/require-user';
import { changePassword } from './actions';

export const metadata: Metadata = { title: 'Account · Tasklens' };

export default async function AccountPage() {
  const user = await requireUser('viewer');
  return (
    <>
      <header className="page-header">
        <h1>Account</h1>
        <p className="muted">
          Signed in as <strong>{user.email}</strong> with the <strong>{user.role}</strong> role.
        </p>
      </header>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ActionForm action={changePassword} label="Change password" className="stack narrow" resetOnSuccess>
          <label>
            Current password <input name="current" type="password" autoComplete="current-password" required />
          </label>
          <label>
            New password <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
          </label>
          <label>
            Repeat new password <input name="confirm" type="password" autoComplete="new-password" required />
          </label>
          <button type="submit" className="primary">
            Change password
          </button>
        </ActionForm>
      </section>
    </>
  );
}
