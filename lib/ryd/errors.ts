/**
 * RYD error codes: a closed set, one HTTP status each. The server throws
 * `RydError`; clients read `error.code` from the envelope (the official server
 * sends no code, so clients fall back on `status_code`).
 */
import type { ErrorEnvelope } from './schemas';

export const ERROR_STATUS = {
  validation_error: 400,
  bad_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  headers_too_large: 431,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export const GENERIC_FORBIDDEN_MESSAGE =
  'There is a problem with your credentials. If this persists please report error to the provider of the tool you are using to access the IATI Registry.';
export const INTERNAL_ERROR_MESSAGE =
  'Internal Server Error. Please try again later, or contact IATI Support.';

export class RydError extends Error {
  readonly code: ErrorCode;
  readonly status: ErrorStatus;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RydError';
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}

export function isRydError(error: unknown): error is RydError {
  return error instanceof RydError;
}

export function errorEnvelope(code: ErrorCode, message: string): ErrorEnvelope {
  return {
    status: 'failed',
    data: null,
    error: { status_code: ERROR_STATUS[code], error_msg: message, code },
  };
}

export function successBody<T>(data: T) {
  return { status: 'success' as const, error: null, data };
}
