import type { Metadata } from 'next';
import Link from 'next/link';
import { DeleteDatasetButton } from '@/components/datasets/delete-dataset-button';
import { DatasetDetails } from '@/components/datasets/dataset-details';
import { RoleBadge } from '@/components/orgs/role-label';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { FlashStatus } from '@/components/ui/flash-status';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { getDataset, rememberDataset } from '@/lib/server/ryd/datasets';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Dataset' };

const savedMessages: Record<string, string> = {
  created: 'The dataset was added.',
  dataset: 'Your changes were saved.',
};

export default async function DatasetPage({
  params,
  searchParams,
}: {
  params: Promise<{ did: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { did } = await params;
  const { saved } = await searchParams;
  const session = await requireSession();

  const loaded = await loadForPage(async () => {
    const { dataset, etag } = await getDataset(session, did);
    const { org } = await getReportingOrg(
      session,
      dataset.owner_organisation_id,
    );
    return { dataset, etag, org };
  });
  if (!loaded.ok) {
    return (
      <>
        <PageHeader title="Dataset" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { dataset, etag, org } = loaded.value;
  const role = org.user_role;
  const name =
    dataset.metadata.human_readable_name || dataset.metadata.short_name;
  await rememberDataset(session, dataset);
  const savedMessage = typeof saved === 'string' ? savedMessages[saved] : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orgs/${org.id}/datasets`} className={buttonStyles.link}>
            Datasets of {org.metadata.human_readable_name}
          </Link>
        }
        title={name}
        description={
          <span>
            Your role: <RoleBadge role={role} />
          </span>
        }
        actions={
          hasPermission(role, 'update-dataset') ? (
            <Link
              href={`/datasets/${did}/edit`}
              className={buttonStyles.primary}
            >
              Edit dataset
            </Link>
          ) : null
        }
      />
      {savedMessage ? <FlashStatus message={savedMessage} /> : null}
      <section
        aria-labelledby="dataset-details-heading"
        className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
      >
        <h2 id="dataset-details-heading" className="mb-4 text-xl font-bold">
          Details
        </h2>
        <DatasetDetails dataset={dataset} />
      </section>
      {hasPermission(role, 'delete-dataset') && etag ? (
        <section
          aria-labelledby="delete-dataset-heading"
          className="mt-8 rounded-lg border border-red-300 bg-white p-4 sm:p-6"
        >
          <h2
            id="delete-dataset-heading"
            className="text-xl font-bold text-red-900"
          >
            Delete this dataset
          </h2>
          <p className="mt-2 max-w-prose">
            The dataset is removed from the registry. Its short name becomes
            free for other datasets.
          </p>
          <div className="mt-4">
            <DeleteDatasetButton
              did={did}
              oid={org.id}
              name={name}
              etag={etag}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}
