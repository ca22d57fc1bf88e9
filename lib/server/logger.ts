import 'server-only';
import pino from 'pino';
import { env } from './env';

/** Structured logs of the web process. Never log tokens, passwords or bodies. */
export const logger = pino({ name: 'web', level: env.LOG_LEVEL });
