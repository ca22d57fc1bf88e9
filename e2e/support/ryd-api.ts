import type { PersonaKey } from '@/lib/demo/personas';

import { getE2eEnv } from './env';
import { getRydAccessToken } from './ryd-token';

/**
 * Calls RYD directly with a persona's own access token, the way another tool
 * would: to read back what the web app wrote, and to show that RYD refuses
 * what the web app hides.
 */
type CachedToken = { token: string; at: number };
const tokens = new Map<PersonaKey, CachedToken>();
// e2e access tokens live a minute; take a fresh one well before that.
const TOKEN_REUSE_MS = 30_000;

async function tokenFor(persona: PersonaKey): Promise<string> {
  const cached = tokens.get(persona);
  if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.token;
  const token = await getRydAccessToken(persona);
  tokens.set(persona, { token, at: Date.now() });

  return token;
}

export type RydReply<T = unknown> = {
  status: number;
  etag: string | null;
  body: { status: string; data: T; error: unknown } | null;
};

export async function callRydAs<T = unknown>(
  persona: PersonaKey,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; ifMatch?: string } = {},
): Promise<RydReply<T>> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await tokenFor(persona)}`,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  const response = await fetch(`${getE2eEnv().rydUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();

  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text ? (JSON.parse(text) as RydReply<T>['body']) : null,
  };
}

/** A short name no other test run uses. */
export function uniqueShortName(prefix: string): string {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  return `${prefix}-${suffix}`;
}
