import type { Role, TokenScope } from './roles';

/** `public`: no session needed (sign-in, first-run set-up, the OIDC redirect endpoints). */
export type Access = 'public' | Role;

export interface HandlerAccess {
  /** Least role for a session caller. */
  minRole: Access;
  /** Token scopes accepted as `Authorization: Bearer`; empty: session only. */
  scopes: readonly TokenScope[];
}

/**
 * Who may reach what. The matrix test (lib/auth/route-policy.test.ts) enumerates app/ and fails on any page, route
 * handler method or Server Action missing here; the e2e matrix (e2e/access-matrix.spec.ts) checks every role against
 * the running server. Pages check with requireUser, handlers with authenticateRequest, actions with requireUser.
 */
export const PAGE_POLICY: Record<string, Access> = {
  '/': 'viewer',
  '/outliers': 'viewer',
  '/inventory': 'viewer',
  '/hosts': 'viewer',
  '/hosts/[id]': 'viewer',
  '/entries/[id]': 'viewer',
  '/uploads': 'viewer',
  '/changes': 'viewer',
  '/suppressions': 'viewer',
  '/account': 'viewer',
  '/triage': 'viewer',
  '/notifications': 'viewer',
  '/review': 'manager',
  '/admin/audit': 'manager',
  '/admin/users': 'admin',
  '/admin/tokens': 'admin',
  '/admin/settings': 'admin',
  '/login': 'public',
  '/setup': 'public',
};

export const HANDLER_POLICY: Record<string, Record<string, HandlerAccess>> = {
  '/api/v1/outliers': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/api/v1/entries': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/api/v1/entries/[id]': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/api/v1/hosts': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/api/v1/hosts/[id]/diff': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/api/v1/uploads': { POST: { minRole: 'analyst', scopes: ['ingest'] } },
  '/api/v1/uploads/[id]': { GET: { minRole: 'viewer', scopes: ['ingest', 'read'] } },
  '/api/v1/hosts/[id]/labels': { PUT: { minRole: 'analyst', scopes: ['ingest'] } },
  '/api/v1/suppressions': { GET: { minRole: 'viewer', scopes: ['read'] }, POST: { minRole: 'manager', scopes: [] } },
  '/api/v1/suppressions/[id]': { DELETE: { minRole: 'manager', scopes: [] } },
  '/changes/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/outliers/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/inventory/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/hosts/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/hosts/[id]/entries/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/entries/[id]/hosts/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  '/suppressions/export': { GET: { minRole: 'viewer', scopes: ['read'] } },
  // The queue's "mine" view is a person's: session only.
  '/triage/export': { GET: { minRole: 'viewer', scopes: [] } },
  // Triage tokens are checked against their owner's role by the DAL (lib/data/triage.ts).
  '/api/v1/entries/[id]/triage': { POST: { minRole: 'analyst', scopes: ['triage'] } },
  '/api/v1/triage/bulk': { POST: { minRole: 'analyst', scopes: ['triage'] } },
  '/review/export': { GET: { minRole: 'manager', scopes: [] } },
  '/admin/audit/export': { GET: { minRole: 'manager', scopes: [] } },
  // The API description holds no fleet data; collectors and client generators fetch it without a token.
  '/api/v1/openapi.json': { GET: { minRole: 'public', scopes: [] } },
  '/auth/oidc/login': { GET: { minRole: 'public', scopes: [] } },
  '/auth/oidc/callback': { GET: { minRole: 'public', scopes: [] } },
};

/** Keyed `<file>#<export>`. */
export const ACTION_POLICY: Record<string, Access> = {
  'app/setup/actions.ts#setupAdmin': 'public',
  'app/login/actions.ts#signIn': 'public',
  'app/account/actions.ts#changePassword': 'viewer',
  'app/account/actions.ts#signOut': 'viewer',
  'app/admin/users/actions.ts#addUser': 'admin',
  'app/admin/users/actions.ts#changeUserRole': 'admin',
  'app/admin/users/actions.ts#changeUserDisabled': 'admin',
  'app/admin/users/actions.ts#resetUserPassword': 'admin',
  'app/admin/tokens/actions.ts#createToken': 'admin',
  'app/admin/tokens/actions.ts#revokeToken': 'admin',
  'app/hosts/[id]/actions.ts#updateHostLabels': 'analyst',
  'app/admin/settings/actions.ts#saveScoreSettings': 'admin',
  'app/admin/settings/actions.ts#saveRetention': 'admin',
  'app/admin/settings/actions.ts#saveSla': 'admin',
  'app/suppressions/actions.ts#addSuppression': 'manager',
  'app/suppressions/actions.ts#endSuppression': 'manager',
  'app/outliers/actions.ts#suppressOutlier': 'manager',
  'app/triage/actions.ts#saveTriage': 'analyst',
  'app/triage/actions.ts#runBulkTriage': 'analyst',
  'app/triage/actions.ts#readNotifications': 'viewer',
  'app/notifications/actions.ts#markRead': 'viewer',
};
