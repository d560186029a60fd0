import { ActionForm } from '@/components/forms/action-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import type { UserRow as User } from '@/lib/data/users';
import { changeUserDisabled, changeUserRole, resetUserPassword } from './actions';

/** One user with its inline forms; every change goes through an admin-only Server Action. */
export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  return (
    <tr>
      <td>
        <div>{user.email}</div>
        {user.name && <div className="muted">{user.name}</div>}
        {user.isOidc && <span className="tag">SSO</span>}
      </td>
      <td>
        <ActionForm action={changeUserRole} label={`Role of ${user.email}`} className="inline-form">
          <input type="hidden" name="userId" value={user.id} />
          <select name="role" aria-label={`Role for ${user.email}`} defaultValue={user.role}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <button type="submit">Change role</button>
        </ActionForm>
      </td>
      <td>
        <ActionForm action={changeUserDisabled} label={`Status of ${user.email}`} className="inline-form">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="isDisabled" value={user.isDisabled ? 'false' : 'true'} />
          <span className={user.isDisabled ? 'result-error' : 'result-ok'}>{user.isDisabled ? 'disabled' : 'active'}</span>
          {!isSelf && <button type="submit">{user.isDisabled ? 'Enable' : 'Disable'}</button>}
        </ActionForm>
      </td>
      <td className="num">{user.lastLoginAt ? user.lastLoginAt.slice(0, 16).replace('T', ' ') : '—'}</td>
      <td>
        {user.hasPassword && (
          <ActionForm action={resetUserPassword} label={`Reset password of ${user.email}`} className="inline-form">
            <input type="hidden" name="userId" value={user.id} />
            <input name="password" type="password" aria-label={`New password for ${user.email}`} minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" required />
            <button type="submit">Reset</button>
          </ActionForm>
        )}
      </td>
    </tr>
  );
}
