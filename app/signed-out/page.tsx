import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';
import { Notice } from '@/components/ui/notice';
import { LOGOUT_STATE_COOKIE } from '@/lib/server/auth/cookies';

export const metadata: Metadata = { title: 'Signed out' };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Where the identity provider returns after ending its session. */
export default async function SignedOutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = first((await searchParams).state);
  const expected = (await cookies()).get(LOGOUT_STATE_COOKIE)?.value;
  // The state proves this return belongs to a sign-out started here.
  const confirmed = Boolean(state && expected && state === expected);

  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-16">
      <h1 className="text-3xl font-bold text-slate-900">Signed out</h1>
      {confirmed ? (
        <Notice tone="success">
          You are signed out of IATI Account and of IATI sign-in.
        </Notice>
      ) : (
        <Notice tone="info">
          You are signed out of IATI Account. We could not confirm that IATI
          sign-in also ended, so close your browser if this is a shared
          computer.
        </Notice>
      )}
      <p>
        <Link href="/" className={buttonStyles.primary}>
          Sign in again
        </Link>
      </p>
    </main>
  );
}
