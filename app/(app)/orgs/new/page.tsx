import type { Metadata } from 'next';
import Link from 'next/link';
import { OrgCreateForm } from '@/components/orgs/org-create-form';
import { buttonStyles } from '@/components/ui/button-styles';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getOrgFormOptions } from '@/lib/codelists/form-options';
import { requireSession } from '@/lib/server/auth';

export const metadata: Metadata = { title: 'Create an organisation' };

export default async function NewOrgPage() {
  const session = await requireSession();
  const canCreate = session.grantedScopes.includes('ryd:reporting_org:create');

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orgs" className={buttonStyles.link}>
            My organisations
          </Link>
        }
        title="Create an organisation"
      />
      <div className="max-w-2xl">
        {canCreate ? (
          <OrgCreateForm options={getOrgFormOptions({})} />
        ) : (
          <Notice
            tone="info"
            title="Creating organisations is not available to you"
          >
            <p>
              Your sign-in does not include permission to create organisations.
              If your organisation is already in the registry, ask to join it
              instead.
            </p>
            <p className="mt-3">
              <Link href="/orgs/join" className={buttonStyles.primary}>
                Join an organisation
              </Link>
            </p>
          </Notice>
        )}
      </div>
    </>
  );
}
