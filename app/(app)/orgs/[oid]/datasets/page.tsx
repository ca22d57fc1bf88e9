import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { DatasetList } from '@/components/datasets/dataset-list';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { FlashStatus } from '@/components/ui/flash-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { hasPermission } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Datasets' };

export default async function OrgDatasetsPage({
  params,
  searchParams,
}: {
  params: Promise<{ oid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { oid } = await params;
  const { deleted } = await searchParams;
  const session = await requireSession();

  const loaded = await loadForPage(() => getReportingOrg(session, oid));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader title="Datasets" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org } = loaded.value;
  const canCreate = hasPermission(org.user_role, 'create-dataset');

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orgs/${oid}`} className={buttonStyles.link}>
            {org.metadata.human_readable_name}
          </Link>
        }
        title="Datasets"
        description="Every dataset this organisation publishes, public and private."
        actions={
          canCreate ? (
            <Link
              href={`/orgs/${oid}/datasets/new`}
              className={buttonStyles.primary}
            >
              Add a dataset
            </Link>
          ) : null
        }
      />
      {deleted === 'dataset' ? (
        <FlashStatus message="The dataset was deleted." />
      ) : null}
      {hasPermission(org.user_role, 'read-dataset') ? (
        <Suspense fallback={<SkeletonRows />}>
          <DatasetList oid={oid} canCreate={canCreate} />
        </Suspense>
      ) : (
        <FailureNotice failure="forbidden" />
      )}
    </>
  );
}
