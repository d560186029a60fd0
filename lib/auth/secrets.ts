import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: session cookies and the secret part of API tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are high-entropy, so a plain sha256 is enough to store them (no salt or slow hash needed). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const API_TOKEN_PREFIX = 'tl_';

export function newApiToken(): string {
  return API_TOKEN_PREFIX + newSecret(32);
}
