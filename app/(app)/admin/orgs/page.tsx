import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OrgList } from '@/components/orgs/org-list';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { requireSession } from '@/lib/server/auth';
import { isSuperadmin } from '@/lib/server/ryd/users';

export const metadata: Metadata = { title: 'All organisations' };

export default async function AllOrgsPage() {
  const session = await requireSession();
  const superadmin = await isSuperadmin(session);

  return (
    <>
      <PageHeader
        title="All organisations"
        description="Every reporting organisation in the registry. Only IATI Secretariat staff see this list."
      />
      {superadmin ? (
        <Suspense fallback={<SkeletonRows />}>
          <OrgList scope="all" />
        </Suspense>
      ) : (
        <Notice tone="error" title="Only for IATI Secretariat staff">
          <p>
            This list is for IATI Secretariat superadmins. Open My organisations
            to see the organisations you hold a role in.
          </p>
        </Notice>
      )}
    </>
  );
}
