/**
 * The closed set of ways a registry call can fail, as the browser learns of
 * them from the backend-for-frontend, and the sentence a person sees for each.
 * RYD's own messages are never passed on.
 */

export const FAILURES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'stale',
  'too_large',
  'unavailable',
] as const;
export type Failure = (typeof FAILURES)[number];

export const FAILURE_STATUS: Record<Failure, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  too_large: 413,
  unavailable: 502,
};

export const FAILURE_MESSAGES: Record<Failure, string> = {
  validation:
    'Some of the details were not accepted. Check the form and try again.',
  unauthenticated: 'Your session has ended. Sign in again to continue.',
  forbidden:
    'Your role in this organisation does not allow this. Ask an admin of the organisation if you need it.',
  not_found: 'This record no longer exists. It may have been deleted.',
  conflict: 'That short name is already in use. Choose a different short name.',
  stale:
    'This record was changed by someone else while you were editing. Reload it to see the latest version, then make your change again.',
  too_large:
    'The details sent are too large. Shorten the longest texts and try again.',
  unavailable:
    'The registry could not complete this request. Wait a moment and try again; if it keeps happening, contact IATI Support.',
};

/** What a BFF route handler answers when a call fails. */
export type FailureBody = {
  error: {
    failure: Failure;
    message: string;
    field?: string;
    /**
     * Which rule refused the request, when the route handler knows it, so a
     * screen can say more than the general sentence (for example `last_admin`).
     */
    reason?: string;
  };
};

export function isFailure(value: unknown): value is Failure {
  return (FAILURES as readonly string[]).includes(value as string);
}
