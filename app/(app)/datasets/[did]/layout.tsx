import type { ReactNode } from 'react';
import { requireRecordId } from '@/lib/server/ryd/page-load';

/**
 * Every page of one dataset: an id that is no UUID is the not-found page.
 * Checked here rather than in each page so that no page, present or future,
 * is left out.
 */
export default async function DatasetLayout({
  params,
  children,
}: {
  params: Promise<{ did: string }>;
  children: ReactNode;
}) {
  requireRecordId((await params).did);

  return children;
}
