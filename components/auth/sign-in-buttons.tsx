'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { buttonStyles } from '@/components/ui/button-styles';

type ProviderId = 'iati' | 'tool';

/** Starts sign-in through one of the two registered clients. */
export function SignInButtons({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState<ProviderId | null>(null);

  function onSignIn(provider: ProviderId) {
    setPending(provider);
    void signIn(provider, { callbackUrl }).catch(() => setPending(null));
  }

  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <button
        type="button"
        className={buttonStyles.primary}
        disabled={pending !== null}
        onClick={() => onSignIn('iati')}
      >
        Sign in with IATI
      </button>
      <button
        type="button"
        className={buttonStyles.secondary}
        disabled={pending !== null}
        onClick={() => onSignIn('tool')}
      >
        Sign in through Demo Publishing Tool
      </button>
    </div>
  );
}
