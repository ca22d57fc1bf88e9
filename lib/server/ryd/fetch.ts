import 'server-only';
import type { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import { getAccessToken } from '@/lib/server/auth';
import { deleteSession } from '@/lib/server/auth/session-store';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { requestRyd } from './fetch-core';
import type { RydRequest, RydResult } from './fetch-core';

const log = logger.child({ component: 'ryd-client' });

/**
 * Calls RYD as the signed-in person: their bearer token, the RYD envelope
 * parsed with the shared schema, one retry with a refreshed token after a 401.
 */
export function rydFetch<S extends z.ZodType>(
  session: AppSession,
  request: RydRequest,
  schema: S,
): Promise<RydResult<z.infer<S>>> {
  return requestRyd(
    {
      baseUrl: env.RYD_BASE_URL,
      getToken: ({ forceRefresh }) => getAccessToken(session, { forceRefresh }),
      onTokenRefused: async () => {
        const ended = await deleteSession(session.id);
        log.warn(
          { event: 'session.ended', reason: 'token_refused', sub: ended?.sub },
          'RYD refused a refreshed token; the session ends',
        );
      },
      log: (entry) => {
        if (entry.status >= 500 || entry.status === 0) log.error(entry);
        else if (entry.status >= 400) log.warn(entry);
        else log.debug(entry);
      },
    },
    request,
    schema,
  );
}
