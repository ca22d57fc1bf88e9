import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { hasPermission } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';
import { AuditTrail } from './_components/audit-trail';

export const metadata: Metadata = { title: 'Audit trail' };

export default async function OrgAuditPage({
  params,
}: {
  params: Promise<{ oid: string }>;
}) {
  const { oid } = await params;
  const session = await requireSession();

  const loaded = await loadForPage(() => getReportingOrg(session, oid));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader title="Audit trail" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org } = loaded.value;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orgs/${oid}`} className={buttonStyles.link}>
            {org.metadata.human_readable_name}
          </Link>
        }
        title="Audit trail"
        description="Who changed what in this organisation, through which application, and when."
      />
      {/* RYD lets the people who manage members read the trail. */}
      {hasPermission(org.user_role, 'set-org-user-authz') ? (
        <Suspense fallback={<SkeletonRows />}>
          <AuditTrail oid={oid} />
        </Suspense>
      ) : (
        <FailureNotice failure="forbidden" />
      )}
    </>
  );
}
