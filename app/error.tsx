'use client';

import { buttonStyles } from '@/components/ui/button-styles';

/** Last resort for errors outside the signed-in pages; no details shown. */
export default function RootError({ reset }: { reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold text-slate-950">
        This page could not be shown
      </h1>
      <div role="alert" className="mt-4 text-slate-800">
        <p>
          Something went wrong on our side. Try again in a moment; if it keeps
          happening, contact IATI Support.
        </p>
      </div>
      <button
        type="button"
        onClick={reset}
        className={`${buttonStyles.primary} mt-6`}
      >
        Try again
      </button>
    </main>
  );
}
