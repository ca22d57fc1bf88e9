import type { Metadata } from 'next';
import Link from 'next/link';
import {
  ProviderAdminExplanation,
  ToolAuthorisations,
} from '@/components/tools/tool-authorisations';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Tools' };

export default async function OrgToolsPage({
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
        <PageHeader title="Tools" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org } = loaded.value;
  const name = org.metadata.human_readable_name;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orgs/${oid}`} className={buttonStyles.link}>
            {name}
          </Link>
        }
        title="Tools"
        description="Other applications that may publish for this organisation through their own staff."
      />
      {hasPermission(org.user_role, 'read-org') ? (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
          <ToolAuthorisations
            oid={oid}
            orgName={name}
            canManage={hasPermission(org.user_role, 'set-org-tool-authz')}
          />
          <ProviderAdminExplanation />
        </div>
      ) : (
        <FailureNotice failure="forbidden" />
      )}
    </>
  );
}
