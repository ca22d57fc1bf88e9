import 'server-only';
import { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import { auditEntrySchema } from '@/lib/ryd/schemas';
import { rydFetch } from './fetch';

export const AUDIT_PAGE_SIZE = 25;

/** One page of an organisation's audit trail, newest first (extension). */
export async function listOrgAudit(
  session: AppSession,
  { oid, page = 1 }: { oid: string; page?: number },
) {
  const { data, pagination } = await rydFetch(
    session,
    {
      path: `/reporting-orgs/${encodeURIComponent(oid)}/audit`,
      query: { page, page_size: AUDIT_PAGE_SIZE },
    },
    z.array(auditEntrySchema),
  );

  return { items: data, pagination };
}
