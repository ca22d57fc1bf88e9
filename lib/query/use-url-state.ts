'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * List state (search, page, filters) lives in the address so that a list can
 * be bookmarked, shared and restored with the back button.
 */
export function useUrlState(keys: readonly string[]) {
  const searchParams = useSearchParams();

  const values = Object.fromEntries(
    keys.map((key) => [key, searchParams.get(key) ?? '']),
  );

  // Built on the address as it is now, not as of the last render: two
  // changes in quick succession (a filter, then another) must both stay.
  // The native history call updates the address at once, and Next.js
  // passes it on to useSearchParams; the lists fetch their own data, so no
  // server render is needed.
  const update = useCallback(
    (changes: Record<string, string | number | null>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '' || (key === 'page' && value === 1)) {
          next.delete(key);
        } else {
          next.set(key, String(value));
        }
      }
      const query = next.toString();
      const { pathname, hash } = window.location;
      window.history.replaceState(
        null,
        '',
        `${pathname}${query ? `?${query}` : ''}${hash}`,
      );
    },
    [],
  );

  return [values, update] as const;
}

export function readPage(value: string | undefined): number {
  const page = Number(value);

  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** RYD searches only with 2 to 40 characters (contract §1.2 E1). */
export function toSearchTerm(value: string): string {
  const term = value.trim();

  return term.length >= 2 ? term.slice(0, 40) : '';
}
