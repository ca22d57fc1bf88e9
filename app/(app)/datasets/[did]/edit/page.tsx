import type { Metadata } from 'next';
import Link from 'next/link';
import { EditDatasetForm } from '@/components/datasets/dataset-form';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { PageHeader } from '@/components/ui/page-header';
import { listLicenceOptions } from '@/lib/codelists/licences';
import {
  getLanguageFormOptions,
  withCurrent,
} from '@/lib/codelists/form-options';
import { hasPermission } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { getDataset } from '@/lib/server/ryd/datasets';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Edit dataset' };

export default async function EditDatasetPage({
  params,
}: {
  params: Promise<{ did: string }>;
}) {
  const { did } = await params;
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
        <PageHeader title="Edit dataset" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { dataset, etag, org } = loaded.value;
  const name =
    dataset.metadata.human_readable_name || dataset.metadata.short_name;
  const back = (
    <Link href={`/datasets/${did}`} className={buttonStyles.link}>
      {name}
    </Link>
  );

  if (!hasPermission(org.user_role, 'update-dataset') || !etag) {
    return (
      <>
        <PageHeader eyebrow={back} title="Edit dataset" />
        <FailureNotice failure={etag ? 'forbidden' : 'unavailable'} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow={back}
        title="Edit dataset"
        description={
          <>
            Short name <strong>{dataset.metadata.short_name}</strong>, in{' '}
            {org.metadata.human_readable_name}.
          </>
        }
      />
      <div className="max-w-2xl">
        <EditDatasetForm
          key={etag}
          dataset={dataset}
          etag={etag}
          canSetVisibility={hasPermission(
            org.user_role,
            'update-dataset-visibility',
          )}
          licences={withCurrent(
            listLicenceOptions(),
            dataset.metadata.licence_id,
          )}
          languages={getLanguageFormOptions(dataset.metadata.language)}
        />
      </div>
    </>
  );
}
