import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { JoinOrg } from '@/components/members/join-org';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import type { OrgRole } from '@/lib/ryd/permissions';
import { requireSession } from '@/lib/server/auth';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getRoleOverview } from '@/lib/server/ryd/users';

export const metadata: Metadata = { title: 'Join an organisation' };

export default async function JoinOrgPage() {
  const session = await requireSession();

  const loaded = await loadForPage(() => getRoleOverview(session));
  const header = (
    <PageHeader
      title="Join an organisation"
      description="Ask to join the reporting organisation you work for. One of its admins approves your request and chooses your role."
    />
  );
  if (!loaded.ok) {
    return (
      <>
        {header}
        <FailureNotice failure={loaded.failure} />
      </>
    );
  }
  const overview = loaded.value;

  if (overview.superadmin) {
    return (
      <>
        {header}
        <Notice tone="info" title="Superadmins do not join organisations">
          <p>
            As IATI Secretariat staff you already reach every organisation, so
            the registry does not let you ask to join one.
          </p>
          <p className="mt-3">
            <Link href="/admin/orgs" className={buttonStyles.link}>
              Open all organisations
            </Link>
          </p>
        </Notice>
      </>
    );
  }
  if (overview.tools.length > 0) {
    return (
      <>
        {header}
        <Notice tone="info" title="Tool staff do not join organisations">
          <p>
            You are an admin user of a tool. You act for the organisations that
            authorise your tool, by signing in through that tool, and the
            registry does not let you hold a role in an organisation.
          </p>
          <p className="mt-3">
            <Link href="/me/roles" className={buttonStyles.link}>
              See the organisations your tool may act for
            </Link>
          </p>
        </Notice>
      </>
    );
  }

  const pending = overview.roles.filter(
    (entry) => entry.role === 'contributor_pending',
  );
  const myRoles: Record<string, OrgRole> = Object.fromEntries(
    overview.roles.map((entry) => [entry.oid, entry.role]),
  );

  return (
    <>
      {header}
      <div className="space-y-10">
        <Suspense fallback={null}>
          <JoinOrg myRoles={myRoles} />
        </Suspense>
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading" className="mb-3 text-xl font-bold">
            Your requests waiting for approval ({pending.length})
          </h2>
          {pending.length === 0 ? (
            <p className="text-slate-700">You have no requests waiting.</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-amber-600 bg-white">
              {pending.map((entry) => (
                <li key={entry.oid} className="p-4">
                  <p className="font-semibold break-words">
                    {entry.name ?? 'An organisation'}
                  </p>
                  <p className="text-sm text-slate-700">
                    Waiting for an admin of the organisation to approve it.
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
