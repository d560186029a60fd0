import type { Metadata } from 'next';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import { ActionForm } from '@/components/forms/action-form';
import { requireUser } from '@/lib/auth/require-user';
import { TOKEN_SCOPES } from '@/lib/auth/roles';
import { listApiTokens, type ApiTokenRow } from '@/lib/data/api-tokens';
import { createToken, revokeToken } from './actions';

export const metadata: Metadata = { title: 'API tokens · Tasklens' };

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

const COLUMNS: SimpleColumn<ApiTokenRow>[] = [
  { header: 'Name', cell: (t) => t.name },
  { header: 'Scope', cell: (t) => t.scope },
  { header: 'Token', cell: (t) => `${t.prefix}…`, className: 'mono' },
  { header: 'Created', cell: (t) => <>{when(t.createdAt)} {t.createdBy && <span className="muted">by {t.createdBy}</span>}</>, className: 'num' },
  { header: 'Expires', cell: (t) => when(t.expiresAt), className: 'num' },
  { header: 'Last used', cell: (t) => when(t.lastUsedAt), className: 'num' },
  {
    header: 'Status',
    cell: (t) =>
      t.revokedAt ? (
        <span className="muted">revoked {when(t.revokedAt)}</span>
      ) : (
        <ActionForm action={revokeToken} label={`Revoke ${t.name}`} className="inline-form">
          <input type="hidden" name="tokenId" value={t.id} />
          <button type="submit">Revoke</button>
        </ActionForm>
      ),
  },
];

export default async function TokensPage() {
  const admin = await requireUser('admin');
  const tokens = await listApiTokens(admin);
  return (
    <>
      <header className="page-header">
        <h1>API tokens</h1>
        <p className="muted">
          Collectors send <code>Authorization: Bearer tl_…</code>. <strong>ingest</strong> tokens may upload; <strong>read</strong> tokens may read the API; <strong>triage</strong> tokens may change triage
          (<code>POST /api/v1/entries/{'{id}'}/triage</code>, <code>/api/v1/triage/bulk</code>) with the role of the admin who creates them, as long as that account is
          enabled and keeps its role.
        </p>
      </header>
      <section className="panel" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <ActionForm action={createToken} label="Create a token" className="inline-form">
          <input name="name" aria-label="Token name" placeholder="name, e.g. sccm-collector" required maxLength={100} />
          <select name="scope" aria-label="Scope" defaultValue="ingest">
            {TOKEN_SCOPES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <input name="expires" aria-label="Expires after" placeholder="expires after, e.g. 90d (empty: never)" />
          <button type="submit" className="primary">
            Create token
          </button>
        </ActionForm>
      </section>
      <SimpleTable label="API tokens" columns={COLUMNS} rows={tokens} rowKey={(t) => t.id} empty="No tokens yet." isCompact={false} frame="" />
    </>
  );
}
