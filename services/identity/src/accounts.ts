import { timingSafeEqual, createHash } from 'node:crypto';
import {
  demoClients,
  personaList,
  serviceAccount,
  type Persona,
} from '@/lib/demo/personas';
import { RYD_SCOPES, type RydScope } from '@/lib/ryd/scopes';

/** Scopes only some people may hold: creating organisations. */
const RESTRICTED_SCOPES: readonly RydScope[] = ['ryd:reporting_org:create'];
const CREATORS = new Set(['superadmin', 'admin']);

/**
 * The machine client may neither manage members nor delete organisations,
 * and the spec lists the remaining scopes it leaves out as OIDC only.
 */
export const MACHINE_SCOPES: readonly RydScope[] = [
  'ryd',
  'ryd:reporting_org',
  'ryd:reporting_org:update',
  'ryd:dataset',
  'ryd:dataset:update',
  'ryd:dataset:delete',
];

export function findPersonaBySub(sub: string): Persona | undefined {
  return personaList.find((persona) => persona.sub === sub);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Checks an email and password. Every miss takes the same path, so the reply
 * does not tell whether the account exists.
 */
export function authenticate(email: string, password: string): Persona | null {
  const wanted = email.trim().toLowerCase();
  const persona = personaList.find((p) => p.email.toLowerCase() === wanted);
  const expected = digest(persona?.password ?? 'no account: never matches');
  const matches = timingSafeEqual(expected, digest(password));

  return persona && matches ? persona : null;
}

/** The RYD scopes a person may be granted. */
export function allowedRydScopes(persona: Persona): RydScope[] {
  if (CREATORS.has(persona.key)) return [...RYD_SCOPES];

  return RYD_SCOPES.filter((scope) => !RESTRICTED_SCOPES.includes(scope));
}

/** The `iatiRegistryId` claim: the RYD user id behind a token. */
export function registryIdFor(token: {
  accountId?: string | undefined;
  clientId?: string | undefined;
}): string | undefined {
  if (token.accountId) return findPersonaBySub(token.accountId)?.uid;

  return token.clientId === demoClients.machine.clientId
    ? serviceAccount.uid
    : undefined;
}
