import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionForm } from '@/components/forms/action-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { countUsers } from '@/lib/data/users';
import { setupAdmin } from './actions';

export const metadata: Metadata = { title: 'Set up · Tasklens' };

export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect('/login');
  return (
    <div className="auth-box panel">
      <h1>Set up Tasklens</h1>
      <p className="muted">No account exists yet. Create the first admin; this page disappears once it is done.</p>
      <ActionForm action={setupAdmin} label="Create the first admin" className="stack">
        <label>
          E-mail <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Name <input name="name" autoComplete="name" />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
        </label>
        <label>
          Repeat password <input name="confirm" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit" className="primary">
          Create admin
        </button>
      </ActionForm>
    </div>
  );
}
