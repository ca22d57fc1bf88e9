import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateDatasetForm } from '@/components/datasets/dataset-form';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { PageHeader } from '@/components/ui/page-header';
import {
  getLanguageFormOptions,
  withCurrent,
} from '@/lib/codelists/form-options';
import { listLicenceOptions } from '@/lib/codelists/licences';
import { hasPermission } from '@/lib/ryd/permissions';
import { orgMetadataSchema } from '@/lib/ryd/schemas';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Add a dataset' };

export default async function NewDatasetPage({
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
        <PageHeader title="Add a dataset" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org } = loaded.value;
  const full = orgMetadataSchema.safeParse(org.metadata);
  const defaultLicence = full.success
    ? (full.data.default_licence_id ?? '')
    : '';
  const back = (
    <Link href={`/orgs/${oid}/datasets`} className={buttonStyles.link}>
      Datasets of {org.metadata.human_readable_name}
    </Link>
  );

  if (!hasPermission(org.user_role, 'create-dataset')) {
    return (
      <>
        <PageHeader eyebrow={back} title="Add a dataset" />
        <FailureNotice failure="forbidden" />
      </>
    );
  }

  return (
    <>
      <PageHeader eyebrow={back} title="Add a dataset" />
      <div className="max-w-2xl">
        <CreateDatasetForm
          oid={oid}
          defaultLicence={defaultLicence}
          canSetVisibility={hasPermission(
            org.user_role,
            'update-dataset-visibility',
          )}
          licences={withCurrent(listLicenceOptions(), defaultLicence)}
          languages={getLanguageFormOptions()}
        />
      </div>
    </>
  );
}
