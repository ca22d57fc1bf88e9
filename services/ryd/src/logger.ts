import pino, { type Logger } from 'pino';

export type LogLevel =
  'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function createLogger(level: LogLevel): Logger {
  return pino({
    name: 'ryd',
    level,
    // Defence in depth: never let a token or body reach the logs.
    redact: {
      paths: ['authorization', 'token', 'body', '*.authorization', '*.token'],
      censor: '[redacted]',
    },
  });
}
