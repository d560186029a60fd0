import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionForm } from '@/components/forms/action-form';
import { oidcSettings } from '@/lib/auth/config';
import { getCurrentUser } from '@/lib/auth/session';
import { countUsers } from '@/lib/data/users';
import { safeNextPath } from '@/lib/validation/auth';
import { signIn } from './actions';

export const metadata: Metadata = { title: 'Sign in · Tasklens' };

const OIDC_ERRORS: Record<string, string> = {
  oidc: 'Single sign-on did not complete. Try again, or sign in with a password.',
  oidc_role: 'Your identity provider gives you no Tasklens role. Ask an admin.',
  disabled: 'This account is disabled.',
};

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : null);
  if ((await countUsers()) === 0) redirect('/setup');
  if (await getCurrentUser()) redirect(next);
  const oidc = oidcSettings();
  const error = typeof params.error === 'string' ? OIDC_ERRORS[params.error] : undefined;
  return (
    <div className="auth-box panel">
      <h1>Sign in to Tasklens</h1>
      {error && (
        <p role="alert" className="result-error">
          {error}
        </p>
      )}
      <ActionForm action={signIn} label="Sign in" className="stack">
        <input type="hidden" name="next" value={next} />
        <label>
          E-mail <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary">
          Sign in
        </button>
      </ActionForm>
      {oidc && (
        <p>
          <a className="button" href={`/auth/oidc/login?next=${encodeURIComponent(next)}`}>
            Sign in with {oidc.label}
          </a>
        </p>
      )}
    </div>
  );
}
