import { describe, expect, it } from 'vitest';
import { roleFromClaims } from './oidc';

const settings = { roleClaim: 'groups', roleMap: new Map([['tl-admins', 'admin' as const], ['tl-readers', 'viewer' as const]]), defaultRole: null };

describe('roleFromClaims', () => {
  it('maps claim values through the role map and keeps the highest', () => {
    expect(roleFromClaims({ groups: ['tl-readers', 'tl-admins'] }, settings)).toBe('admin');
    expect(roleFromClaims({ groups: 'tl-readers' }, settings)).toBe('viewer');
  });

  it('accepts a claim value that is a role name', () => {
    expect(roleFromClaims({ groups: ['analyst'] }, settings)).toBe('analyst');
  });

  it('falls back to the default role, or refuses when there is none', () => {
    expect(roleFromClaims({ groups: ['other'] }, settings)).toBeNull();
    expect(roleFromClaims({}, { ...settings, defaultRole: 'viewer' })).toBe('viewer');
    expect(roleFromClaims({ groups: [42, null] }, settings)).toBeNull();
  });
});
