import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the setup project leaves signed-in browser states and API tokens for the other specs (per run). */
export const AUTH_DIR = path.join(process.env.E2E_DATA_DIR ?? path.resolve('test-results'), 'auth');
export const ROLES = ['viewer', 'analyst', 'manager', 'admin'] as const;
export type E2ERole = (typeof ROLES)[number];
export const PASSWORD = 'e2e password, long enough';
export const emailOf = (role: E2ERole) => `${role}@e2e.test`;
export const statePath = (role: E2ERole) => path.join(AUTH_DIR, `${role}.json`);

export interface E2ETokens {
  ingest: string;
  read: string;
  revoked: string;
}

export function readTokens(): E2ETokens {
  return JSON.parse(readFileSync(path.join(AUTH_DIR, 'tokens.json'), 'utf8')) as E2ETokens;
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const OIDC_PORT = E2E_PORT + 1;
