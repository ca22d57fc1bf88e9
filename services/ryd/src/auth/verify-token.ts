/**
 * Access-token verification (RFC 9068 profile, SR-21): signature against the
 * identity JWKS, an allow-list of asymmetric algorithms, iss, aud, exp/nbf
 * with a small clock tolerance, typ at+jwt and the claims RYD needs.
 */
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

import { RydError } from '@/lib/ryd/errors';

export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256'];
export const CLOCK_TOLERANCE_SECONDS = 30;

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Principal = {
  /** The contract's uid: the `iatiRegistryId` claim, lowercased. */
  uid: string;
  sub: string;
  iss: string;
  clientId: string;
  scopes: ReadonlySet<string>;
  /** Optional profile claims, used only to fill a new user record. */
  name: string | undefined;
  email: string | undefined;
};

export type TokenVerifierOptions = {
  issuer: string;
  audience: string;
  /** The JWKS URL, or a key-set function (tests use a local key set). */
  jwks: string | JWTVerifyGetKey;
  /** How soon an unknown `kid` may trigger another JWKS fetch. */
  jwksCooldownMs?: number;
};

/** Why a token was refused, for logs and metrics (never the token). */
export type TokenFailure =
  | 'missing'
  | 'malformed'
  | 'unknown_key'
  | 'invalid_signature'
  | 'invalid_claims'
  | 'expired'
  | 'jwks_unavailable';

export class TokenRejectedError extends RydError {
  readonly reason: TokenFailure;

  constructor(reason: TokenFailure, message: string) {
    super(
      reason === 'jwks_unavailable' ? 'service_unavailable' : 'invalid_token',
      message,
    );
    this.reason = reason;
  }
}

const CREDENTIALS_MESSAGE =
  'There is a problem with your credentials. Try signing out and in again. If this persists please report error to the provider of the tool you are using to access the IATI Registry.';

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];

  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function classify(error: unknown): TokenRejectedError {
  if (error instanceof TokenRejectedError) return error;
  if (error instanceof joseErrors.JWTExpired) {
    return new TokenRejectedError('expired', CREDENTIALS_MESSAGE);
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new TokenRejectedError('unknown_key', CREDENTIALS_MESSAGE);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new TokenRejectedError('invalid_signature', CREDENTIALS_MESSAGE);
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new TokenRejectedError('invalid_claims', CREDENTIALS_MESSAGE);
  }
  if (
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    error instanceof TypeError
  ) {
    // The key set could not be fetched: fail closed, but say it is us.
    return new TokenRejectedError(
      'jwks_unavailable',
      'The identity provider could not be reached to check your credentials. Please try again shortly.',
    );
  }

  return new TokenRejectedError('malformed', CREDENTIALS_MESSAGE);
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  const keySet =
    typeof options.jwks === 'string'
      ? createRemoteJWKSet(new URL(options.jwks), {
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          timeoutDuration: 5_000,
        })
      : options.jwks;

  return async function verifyAccessToken(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        // jose compares typ case-insensitively and without `application/`,
        // so `application/at+jwt` passes too; ID tokens (typ JWT) do not.
        typ: 'at+jwt',
        requiredClaims: ['exp', 'sub', 'client_id', 'scope', 'iatiRegistryId'],
      });
      const uid = stringClaim(payload, 'iatiRegistryId');
      const clientId = stringClaim(payload, 'client_id');
      const scope = stringClaim(payload, 'scope');
      if (!uid || !UUID_PATTERN.test(uid) || !clientId || !scope) {
        throw new TokenRejectedError('invalid_claims', CREDENTIALS_MESSAGE);
      }

      return {
        uid: uid.toLowerCase(),
        sub: payload.sub ?? '',
        iss: payload.iss ?? '',
        clientId,
        scopes: new Set(scope.split(/\s+/).filter(Boolean)),
        name: stringClaim(payload, 'name'),
        email: stringClaim(payload, 'email'),
      };
    } catch (error) {
      throw classify(error);
    }
  };
}

export type VerifyAccessToken = ReturnType<typeof createTokenVerifier>;

/** Reads `Authorization: Bearer <token>` (scheme case-insensitive). */
export function readBearerToken(header: string | undefined): string {
  if (!header) {
    throw new TokenRejectedError(
      'missing',
      'No authorisation information provided. Sign in and try again.',
    );
  }
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new TokenRejectedError(
      'malformed',
      'Incorrect authorisation information provided. Send a bearer token.',
    );
  }

  return match[1];
}
