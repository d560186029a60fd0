import type { Metadata } from 'next';
import { ActionForm } from '@/components/forms/action-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { requireUser } from '@/lib/auth/require-user';
import { ROLES } from '@/lib/auth/roles';
import { listUsers } from '@/lib/data/users';
import { addUser } from './actions';
import { UserRow } from './user-row';

export const metadata: Metadata = { title: 'Users · Tasklens' };

export default async function UsersPage() {
  const admin = await requireUser('admin');
  const users = await listUsers(admin);
  return (
    <>
      <header className="page-header">
        <h1>Users</h1>
        <p className="muted">Viewers read; analysts also upload and triage; managers assign, sign off and see the audit log; admins manage users and tokens.</p>
      </header>
      <section className="panel" aria-labelledby="add-user-heading">
        <h2 id="add-user-heading">Add a user</h2>
        <ActionForm action={addUser} label="Add a user" className="inline-form" resetOnSuccess>
          <input name="email" type="email" aria-label="E-mail" placeholder="e-mail" required />
          <input name="name" aria-label="Name" placeholder="name (optional)" />
          <select name="role" aria-label="Role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <input name="password" type="password" aria-label="Initial password" placeholder="initial password" minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" required />
          <button type="submit" className="primary">
            Add user
          </button>
        </ActionForm>
      </section>
      <div className="table-wrap">
        <table className="data-table" aria-label="Users">
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th>Reset password</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === admin.userId} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
