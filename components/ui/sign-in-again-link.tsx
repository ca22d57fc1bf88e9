'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

/** Back to sign-in, returning to this page afterwards. */
export function SignInAgainLink() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = search ? `${pathname}?${search}` : pathname;

  return (
    <Link
      href={`/?callbackUrl=${encodeURIComponent(here)}`}
      className="font-semibold underline"
    >
      Sign in again
    </Link>
  );
}
