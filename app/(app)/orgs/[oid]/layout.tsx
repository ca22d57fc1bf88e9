import type { ReactNode } from 'react';
import { requireRecordId } from '@/lib/server/ryd/page-load';

/**
 * Every page of one organisation: an id that is no UUID is the not-found
 * page. Checked here rather than in each page so that no page, present or
 * future, is left out.
 */
export default async function OrgLayout({
  params,
  children,
}: {
  params: Promise<{ oid: string }>;
  children: ReactNode;
}) {
  requireRecordId((await params).oid);

  return children;
}
