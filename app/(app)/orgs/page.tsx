import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { MissingScopesNotice } from '@/components/auth/missing-scopes-notice';
import { ContinueCard } from '@/components/datasets/continue-card';
import { OrgList } from '@/components/orgs/org-list';
import { ProviderAdminOrgs } from '@/components/tools/provider-admin-orgs';
import { buttonStyles } from '@/components/ui/button-styles';
import { FlashStatus } from '@/components/ui/flash-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { requireSession } from '@/lib/server/auth';

export const metadata: Metadata = { title: 'My organisations' };

export default async function MyOrgsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const { deleted } = await searchParams;
  const canCreate = session.grantedScopes.includes('ryd:reporting_org:create');

  return (
    <>
      <PageHeader
        title="My organisations"
        description="The reporting organisations you hold a role in."
        actions={
          canCreate ? (
            <Link href="/orgs/new" className={buttonStyles.primary}>
              Create an organisation
            </Link>
          ) : (
            <Link href="/orgs/join" className={buttonStyles.secondary}>
              Join an organisation
            </Link>
          )
        }
      />
      <MissingScopesNotice missing={session.missingScopes} />
      {deleted === 'org' ? (
        <FlashStatus message="The organisation and its datasets were deleted." />
      ) : null}
      <Suspense fallback={null}>
        <ContinueCard session={session} />
      </Suspense>
      <Suspense fallback={null}>
        <ProviderAdminOrgs session={session} />
      </Suspense>
      <Suspense fallback={<SkeletonRows />}>
        <OrgList scope="mine" />
      </Suspense>
    </>
  );
}
