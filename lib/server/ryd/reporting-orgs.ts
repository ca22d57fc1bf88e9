import 'server-only';
import { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import { orgRelationSchema } from '@/lib/ryd/schemas';
import type { ReportingOrgCreate, ReportingOrgUpdate } from '@/lib/ryd/schemas';
import { rydFetch } from './fetch';

export const ORG_PAGE_SIZE = 20;

export type ListReportingOrgsOptions = {
  q?: string;
  page?: number;
  /** Superadmins only: every live organisation instead of their own. */
  all?: boolean;
};

export async function listReportingOrgs(
  session: AppSession,
  { q, page = 1, all = false }: ListReportingOrgsOptions,
) {
  const { data, pagination } = await rydFetch(
    session,
    {
      path: '/reporting-orgs',
      query: {
        q,
        page,
        page_size: ORG_PAGE_SIZE,
        all: all ? 'yes' : undefined,
      },
    },
    z.array(orgRelationSchema),
  );

  return { items: data, pagination };
}

export async function getReportingOrg(session: AppSession, oid: string) {
  const { data, etag } = await rydFetch(
    session,
    { path: `/reporting-orgs/${encodeURIComponent(oid)}` },
    orgRelationSchema,
  );

  return { org: data, etag };
}

export async function createReportingOrg(
  session: AppSession,
  body: ReportingOrgCreate,
) {
  const { data } = await rydFetch(
    session,
    { path: '/reporting-orgs', method: 'POST', body },
    orgRelationSchema,
  );

  return data;
}

export async function updateReportingOrg(
  session: AppSession,
  { oid, body, etag }: { oid: string; body: ReportingOrgUpdate; etag: string },
) {
  const result = await rydFetch(
    session,
    {
      path: `/reporting-orgs/${encodeURIComponent(oid)}`,
      method: 'PATCH',
      body,
      ifMatch: etag,
    },
    orgRelationSchema,
  );

  return { org: result.data, etag: result.etag };
}

export async function deleteReportingOrg(
  session: AppSession,
  { oid, etag }: { oid: string; etag: string },
) {
  await rydFetch(
    session,
    {
      path: `/reporting-orgs/${encodeURIComponent(oid)}`,
      method: 'DELETE',
      ifMatch: etag,
    },
    z.null(),
  );
}
