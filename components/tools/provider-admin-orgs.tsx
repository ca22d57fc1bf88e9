import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';
import { Notice } from '@/components/ui/notice';
import type { AppSession } from '@/lib/server/auth';
import { getRoleOverview } from '@/lib/server/ryd/users';
import type { RoleOverview } from '@/lib/server/ryd/users';

/**
 * Whether a tool admin user signed in through an application other than
 * their tool: RYD then gives them no organisation at all (contract §4.3).
 */
export function isToolAdminOutsideTool(
  session: AppSession,
  overview: RoleOverview,
): boolean {
  return (
    session.client !== 'tool' &&
    overview.tools.length > 0 &&
    overview.roles.every((entry) => entry.role === 'provider_admin')
  );
}

export function ToolSignInNotice({ overview }: { overview: RoleOverview }) {
  const names = overview.tools
    .map((tool) => tool.name)
    .filter((name): name is string => Boolean(name));

  return (
    <Notice tone="info" title="Sign in through your tool">
      <p>
        You are an admin user of{' '}
        {names.length > 0 ? names.join(', ') : 'a tool'}. Tool staff reach the
        organisations that authorised their tool only when they sign in through
        that tool, so here you see no organisation. Sign out, then sign in again
        from your tool.
      </p>
    </Notice>
  );
}

/**
 * For /orgs: the organisations a tool admin user may act for through the
 * tool they signed in with (RYD's own list of organisations leaves them
 * out), or, signed in through another application, why they see none.
 * Renders nothing for everyone else.
 */
export async function ProviderAdminOrgs({ session }: { session: AppSession }) {
  const overview = await getRoleOverview(session).catch(() => null);
  if (!overview || overview.tools.length === 0) return null;
  if (isToolAdminOutsideTool(session, overview)) {
    return (
      <div className="mb-6">
        <ToolSignInNotice overview={overview} />
      </div>
    );
  }
  const reachable = overview.roles.filter(
    (entry) => entry.role === 'provider_admin' && entry.name !== null,
  );

  return (
    <section aria-labelledby="provider-orgs-heading" className="mb-8">
      <h2 id="provider-orgs-heading" className="mb-1 text-xl font-bold">
        Organisations your tool may act for ({reachable.length})
      </h2>
      <p className="mb-3 max-w-prose text-slate-700">
        These organisations authorised the tool you signed in with. You can edit
        them and their datasets, but not their members.
      </p>
      {reachable.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
          No organisation has authorised this tool yet.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {reachable.map((entry) => (
            <li key={entry.oid} className="p-4">
              <p className="font-semibold break-words">
                <Link href={`/orgs/${entry.oid}`} className={buttonStyles.link}>
                  {entry.name}
                </Link>
              </p>
              {entry.identifier ? (
                <p className="text-sm break-all text-slate-700">
                  <span className="sr-only">
                    IATI organisation identifier:{' '}
                  </span>
                  {entry.identifier}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
