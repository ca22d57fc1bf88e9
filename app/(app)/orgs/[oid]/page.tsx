import type { Metadata } from 'next';
import Link from 'next/link';
import { DeleteOrgButton } from '@/components/orgs/delete-org-button';
import { OrgDetails } from '@/components/orgs/org-details';
import { RoleBadge } from '@/components/orgs/role-label';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { FlashStatus } from '@/components/ui/flash-status';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/ryd/permissions';
import { orgMetadataSchema } from '@/lib/ryd/schemas';
import { requireSession } from '@/lib/server/auth';
import { countOrgDatasets } from '@/lib/server/ryd/datasets';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Organisation' };

export default async function OrgPage({
  params,
  searchParams,
}: {
  params: Promise<{ oid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { oid } = await params;
  const { saved } = await searchParams;
  const session = await requireSession();

  const loaded = await loadForPage(() => getReportingOrg(session, oid));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader title="Organisation" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org, etag } = loaded.value;
  const role = org.user_role;
  const full = orgMetadataSchema.safeParse(org.metadata);
  const canDelete = hasPermission(role, 'delete-org');
  const datasetCount = hasPermission(role, 'read-dataset')
    ? await countOrgDatasets(session, oid).catch(() => null)
    : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orgs" className={buttonStyles.link}>
            My organisations
          </Link>
        }
        title={org.metadata.human_readable_name}
        description={
          <span className="flex flex-wrap items-center gap-3">
            <span>
              Your role: <RoleBadge role={role} />
            </span>
            {full.success ? (
              <span>
                {full.data.registry_approved
                  ? 'Approved to publish'
                  : 'Waiting for approval by IATI Support'}
              </span>
            ) : null}
          </span>
        }
        actions={
          <>
            {hasPermission(role, 'update-org') ? (
              <Link href={`/orgs/${oid}/edit`} className={buttonStyles.primary}>
                Edit organisation
              </Link>
            ) : null}
            {hasPermission(role, 'read-dataset') ? (
              <Link
                href={`/orgs/${oid}/datasets`}
                className={buttonStyles.secondary}
              >
                Datasets
                {datasetCount === null
                  ? ''
                  : ` (${datasetCount.toLocaleString('en')})`}
              </Link>
            ) : null}
            {hasPermission(role, 'create-dataset') ? (
              <Link
                href={`/orgs/${oid}/datasets/new`}
                className={buttonStyles.secondary}
              >
                Add a dataset
              </Link>
            ) : null}
            {hasPermission(role, 'read-org') ? (
              <Link
                href={`/orgs/${oid}/members`}
                className={buttonStyles.secondary}
              >
                Members
              </Link>
            ) : null}
            {hasPermission(role, 'read-org') ? (
              <Link
                href={`/orgs/${oid}/tools`}
                className={buttonStyles.secondary}
              >
                Tools
              </Link>
            ) : null}
            {hasPermission(role, 'set-org-user-authz') ? (
              <Link
                href={`/orgs/${oid}/audit`}
                className={buttonStyles.secondary}
              >
                Audit trail
              </Link>
            ) : null}
          </>
        }
      />
      {saved === 'org' ? (
        <FlashStatus message="Your changes were saved." />
      ) : null}
      <section
        aria-labelledby="org-details-heading"
        className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6"
      >
        <h2 id="org-details-heading" className="mb-4 text-xl font-bold">
          Details
        </h2>
        {full.success ? (
          <OrgDetails metadata={full.data} />
        ) : (
          <p>Only limited details of this organisation are available.</p>
        )}
        {full.success && full.data.description ? (
          <div className="mt-6">
            <h3 className="font-semibold">Description</h3>
            <p className="mt-1 whitespace-pre-line">{full.data.description}</p>
          </div>
        ) : null}
      </section>
      {canDelete && etag && org.metadata.short_name ? (
        <section
          aria-labelledby="danger-heading"
          className="mt-8 rounded-lg border border-red-300 bg-white p-4 sm:p-6"
        >
          <h2 id="danger-heading" className="text-xl font-bold text-red-900">
            Delete this organisation
          </h2>
          <p className="mt-2 max-w-prose">
            Deleting the organisation also deletes all of its datasets and
            removes every member. This cannot be undone.
          </p>
          <div className="mt-4">
            <DeleteOrgButton
              oid={oid}
              name={org.metadata.human_readable_name}
              shortName={org.metadata.short_name}
              etag={etag}
              datasetCount={datasetCount}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}
