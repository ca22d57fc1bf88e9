import type { Metadata } from 'next';
import Link from 'next/link';
import { OrgEditForm } from '@/components/orgs/org-edit-form';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { PageHeader } from '@/components/ui/page-header';
import { getOrgFormOptions } from '@/lib/codelists/form-options';
import { hasPermission } from '@/lib/ryd/permissions';
import { orgMetadataSchema } from '@/lib/ryd/schemas';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Edit organisation' };

export default async function EditOrgPage({
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
        <PageHeader title="Edit organisation" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org, etag } = loaded.value;
  const full = orgMetadataSchema.safeParse(org.metadata);
  const back = (
    <Link href={`/orgs/${oid}`} className={buttonStyles.link}>
      {org.metadata.human_readable_name}
    </Link>
  );

  if (!hasPermission(org.user_role, 'update-org') || !full.success || !etag) {
    return (
      <>
        <PageHeader eyebrow={back} title="Edit organisation" />
        <FailureNotice failure={etag ? 'forbidden' : 'unavailable'} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow={back}
        title="Edit organisation"
        description={
          <>
            Short name <strong>{full.data.short_name}</strong> and IATI
            identifier <strong>{full.data.organisation_identifier}</strong>{' '}
            cannot be changed here.
          </>
        }
      />
      <div className="max-w-2xl">
        <OrgEditForm
          key={etag}
          oid={oid}
          metadata={full.data}
          etag={etag}
          options={getOrgFormOptions(full.data)}
        />
      </div>
    </>
  );
}
