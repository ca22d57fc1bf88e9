import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { AppHeader } from '@/components/layout/app-header';
import { QueryProvider } from '@/lib/query/query-provider';
import { requireSession } from '@/lib/server/auth';
import { isSuperadmin } from '@/lib/server/ryd/users';

export default async function SignedInLayout({
  children,
}: {
  children: ReactNode;
}) {
  const session = await requireSession();
  const superadmin = await isSuperadmin(session);

  return (
    <QueryProvider viewerId={session.user.uid}>
      <AppHeader
        userName={session.user.name}
        isSuperadmin={superadmin}
        signOut={<SignOutButton />}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </QueryProvider>
  );
}
