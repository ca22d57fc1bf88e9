import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInButtons } from '@/components/auth/sign-in-buttons';
import { Notice } from '@/components/ui/notice';
import { getSession } from '@/lib/server/auth';
import { toSafeCallbackPath } from '@/lib/server/auth/safe-url';
import { env } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Sign in' };

/** next-auth error codes, in words a person can act on. */
const SIGN_IN_ERRORS: Record<string, string> = {
  OAuthCallback:
    'Signing in did not complete: the link was already used, has expired, or was opened in another browser. Please sign in again.',
  OAuthSignin: 'We could not reach IATI sign-in. Please try again in a moment.',
  AccessDenied:
    'Your IATI account could not be used here. Check you chose the right account, then try again.',
  Callback: 'Signing in did not complete. Please sign in again.',
  ClockSkew:
    'Signing in was refused because the clocks of IATI sign-in and this service disagree. Please try again later; if it keeps happening, tell the service administrators.',
};
const FALLBACK_ERROR = 'Signing in did not work. Please try again.';

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LandingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const requested = first(params.callbackUrl);
  const callbackUrl = toSafeCallbackPath(requested, env.appOrigin, '/orgs');
  const session = await getSession();
  if (session) redirect(callbackUrl);

  const error = first(params.error);

  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-16">
      <h1 className="text-3xl font-bold text-slate-900">IATI Account</h1>
      <p className="text-slate-700">
        Sign in to manage the organisations and datasets you publish to IATI.
      </p>
      {error ? (
        <Notice tone="error" title="You are not signed in">
          {SIGN_IN_ERRORS[error] ?? FALLBACK_ERROR}
        </Notice>
      ) : requested ? (
        <Notice tone="info">Sign in to continue where you were.</Notice>
      ) : null}
      <SignInButtons callbackUrl={callbackUrl} />
    </main>
  );
}
