import Link from 'next/link';
import { Suspense } from 'react';
import { FAILURE_MESSAGES } from '@/lib/query/failures';
import type { Failure } from '@/lib/query/failures';
import { Notice } from './notice';
import { SignInAgainLink } from './sign-in-again-link';

const titles: Record<Failure, string> = {
  validation: 'The request was not accepted',
  unauthenticated: 'Sign in again',
  forbidden: 'You cannot open this',
  not_found: 'Not found',
  conflict: 'Already in use',
  stale: 'Changed by someone else',
  too_large: 'Too much text',
  unavailable: 'Something went wrong',
};

/** A failed registry call explained in a sentence, never RYD's own text. */
export function FailureNotice({
  failure,
  action,
}: {
  failure: Failure;
  action?: React.ReactNode;
}) {
  return (
    <Notice tone="error" title={titles[failure]}>
      <p>{FAILURE_MESSAGES[failure]}</p>
      {failure === 'unauthenticated' ? (
        <p className="mt-2">
          <Suspense fallback={null}>
            <SignInAgainLink />
          </Suspense>
        </p>
      ) : null}
      {failure === 'forbidden' && !action ? (
        <p className="mt-2">
          <Link href="/orgs" className="font-semibold underline">
            Back to my organisations
          </Link>
        </p>
      ) : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </Notice>
  );
}
