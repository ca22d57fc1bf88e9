'use client';

import { buttonStyles } from '@/components/ui/button-styles';
import { Notice } from '@/components/ui/notice';

/**
 * Anything a signed-in page did not handle. The error itself is not shown:
 * in production it carries no details, and in development it may hold a
 * server message.
 */
export default function SignedInError({ reset }: { reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">This page could not be shown</h1>
      <Notice tone="error">
        <p>
          Something went wrong while loading this page. Try again in a moment;
          if it keeps happening, contact IATI Support.
        </p>
      </Notice>
      <button
        type="button"
        onClick={reset}
        className={`${buttonStyles.primary} mt-4`}
      >
        Try again
      </button>
    </div>
  );
}
