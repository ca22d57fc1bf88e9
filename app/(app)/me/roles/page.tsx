import type { Metadata } from 'next';
import Link from 'next/link';
import { describeRole } from '@/components/members/permission-text';
import { RoleBadge } from '@/components/orgs/role-label';
import {
  ToolSignInNotice,
  isToolAdminOutsideTool,
} from '@/components/tools/provider-admin-orgs';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/server/auth';
import type { NamedRole } from '@/lib/server/ryd/users';
import { loadForPage } from '@/lib/server/ryd/page-load';
import { getRoleOverview } from '@/lib/server/ryd/users';

export const metadata: Metadata = { title: 'My roles' };

export default async function MyRolesPage() {
  const session = await requireSession();

  const loaded = await loadForPage(() => getRoleOverview(session));
  const header = (
    <PageHeader
      title="My roles"
      description="Every organisation you hold a role in, and what each role lets you do."
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
  const isTool = session.client === 'tool';

  return (
    <>
      {header}
      <div className="space-y-8">
        {overview.superadmin ? (
          <Notice tone="info" title="IATI Secretariat superadmin">
            <p>
              You reach every organisation with every permission, whether or not
              you hold a role in it.
            </p>
            <p className="mt-3">
              <Link href="/admin/orgs" className={buttonStyles.link}>
                Open all organisations
              </Link>
            </p>
          </Notice>
        ) : null}
        {isToolAdminOutsideTool(session, overview) ? (
          <ToolSignInNotice overview={overview} />
        ) : null}
        {overview.tools.length > 0 ? (
          <section aria-labelledby="tools-heading">
            <h2 id="tools-heading" className="mb-3 text-xl font-bold">
              Tools you administer
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {overview.tools.map((tool) => (
                <li key={tool.tid}>
                  {tool.name ?? 'A tool'}
                  {tool.provider ? ` (${tool.provider})` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading" className="mb-3 text-xl font-bold">
            Organisations ({overview.roles.length})
          </h2>
          {overview.roles.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
              <p>You do not hold a role in any organisation.</p>
              {overview.superadmin || overview.tools.length > 0 ? null : (
                <p className="mt-3">
                  <Link href="/orgs/join" className={buttonStyles.primary}>
                    Join an organisation
                  </Link>
                </p>
              )}
            </div>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
              {overview.roles.map((entry) => (
                <RoleRow key={entry.oid} entry={entry} isTool={isTool} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function RoleRow({ entry, isTool }: { entry: NamedRole; isTool: boolean }) {
  const isPending = entry.role === 'contributor_pending';
  const isProvider = entry.role === 'provider_admin';
  const isReachable = !isPending && (!isProvider || (isTool && entry.name));
  const name = entry.name ?? 'Organisation not shown';

  return (
    <li className="grid gap-2 p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:gap-6">
      <div className="min-w-0">
        <p className="font-semibold break-words">
          {isReachable ? (
            <Link href={`/orgs/${entry.oid}`} className={buttonStyles.link}>
              {name}
            </Link>
          ) : (
            name
          )}
        </p>
        {entry.identifier ? (
          <p className="text-sm break-all text-slate-700">
            <span className="sr-only">IATI organisation identifier: </span>
            {entry.identifier}
          </p>
        ) : null}
        <p className="mt-1 text-sm">
          <span className="sr-only">Role: </span>
          <RoleBadge role={entry.role} />
        </p>
      </div>
      <div className="text-sm text-slate-800">
        {isPending ? (
          <p>Your request to join waits for an admin of the organisation.</p>
        ) : isProvider && !isReachable ? (
          <p>
            Your tool may act for this organisation. Sign in through the tool to
            open it.
          </p>
        ) : (
          <p>
            {isProvider ? 'Through your tool you can ' : 'You can '}
            {describeRole(entry.role).join('; ')}.
          </p>
        )}
      </div>
    </li>
  );
}
