import type { Logger } from 'pino';

import type { Licence } from '@/lib/ryd/schemas';

import type { Principal, VerifyAccessToken } from './auth/verify-token';
import type { RydDb } from './db/client';

/** What every route module needs, created once by `start`. */
export type AppDeps = {
  db: RydDb;
  logger: Logger;
  verifyAccessToken: VerifyAccessToken;
  /** Base for absolute pagination links; the request origin when unset. */
  publicUrl: string | undefined;
  supportEmail: string;
  licences: readonly Licence[];
};

export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal;
  };
};
