/** Which registered client a session signed in through. */
export type AuthClient = 'web' | 'tool';

export type AppSession = {
  /** The server-side session id. Never a token. */
  id: string;
  user: {
    /** The identity provider's subject. */
    sub: string;
    /** The issuer of `sub`: users are keyed by both (SR-06). */
    iss: string;
    /** The RYD user id (`iatiRegistryId`). */
    uid: string;
    name: string;
    email: string;
    identityRoles: string[];
  };
  /** Scopes the provider granted. */
  grantedScopes: string[];
  /** RYD scopes the app asked for but did not get: what the user cannot do. */
  missingScopes: string[];
  client: AuthClient;
};

export const AUTH_ERROR_CODES = [
  'session_expired',
  'refresh_failed',
  'unauthenticated',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/**
 * The session can no longer call RYD: it has been ended on the server and
 * the user must sign in again. Pages turn it into one redirect to sign-in.
 */
export class SessionEndedError extends Error {
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string) {
    super(message);
    this.name = 'SessionEndedError';
    this.code = code;
  }
}

export function isSessionEndedError(
  error: unknown,
): error is SessionEndedError {
  return error instanceof SessionEndedError;
}
