import type { Metadata } from 'next';
import Link from 'next/link';
import { MemberManager } from '@/components/members/member-manager';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getReportingOrg } from '@/lib/server/ryd/reporting-orgs';

export const metadata: Metadata = { title: 'Members' };

export default async function OrgMembersPage({
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
        <PageHeader title="Members" />
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const { org } = loaded.value;
  const canManage = hasPermission(org.user_role, 'set-org-user-authz');

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orgs/${oid}`} className={buttonStyles.link}>
            {org.metadata.human_readable_name}
          </Link>
        }
        title="Members"
        description={
          canManage
            ? 'Who works on this organisation, and the requests to join it. Change a role, remove a member, or answer a request.'
            : 'Who works on this organisation. Only its admins can change roles or answer join requests.'
        }
      />
      {hasPermission(org.user_role, 'read-org') ? (
        <MemberManager oid={oid} canManage={canManage} />
      ) : (
        <FailureNotice failure="forbidden" />
      )}
    </>
  );
}
