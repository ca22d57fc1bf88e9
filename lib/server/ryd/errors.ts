import { FAILURE_MESSAGES, FAILURE_STATUS } from '@/lib/query/failures';
import type { Failure } from '@/lib/query/failures';

export class RydRequestError extends Error {
  readonly failure: Failure;
  /** HTTP status RYD answered with; 0 when it could not be reached. */
  readonly upstreamStatus: number;
  /** A request field RYD named in a validation error, if any. */
  readonly field: string | undefined;

  constructor(options: {
    failure: Failure;
    upstreamStatus: number;
    field?: string;
  }) {
    super(FAILURE_MESSAGES[options.failure]);
    this.name = 'RydRequestError';
    this.failure = options.failure;
    this.upstreamStatus = options.upstreamStatus;
    this.field = options.field;
  }

  get status(): number {
    return FAILURE_STATUS[this.failure];
  }
}

export function isRydRequestError(error: unknown): error is RydRequestError {
  return error instanceof RydRequestError;
}

export function getFailureForStatus(status: number): Failure {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'stale';

  return 'unavailable';
}

/**
 * RYD validation messages name the field as `Field '<name>': ...` (contract
 * §2.2). Only the first one is used, to put a message under that field.
 */
export function findFieldInMessage(message: string): string | undefined {
  return /Field '([a-z_]+)'/.exec(message)?.[1];
}
