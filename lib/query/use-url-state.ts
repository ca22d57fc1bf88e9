'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * List state (search, page, filters) lives in the address so that a list can
 * be bookmarked, shared and restored with the back button.
 */
export function useUrlState(keys: readonly string[]) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const values = Object.fromEntries(
    keys.map((key) => [key, searchParams.get(key) ?? '']),
  );

  const update = useCallback(
    (changes: Record<string, string | number | null>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '' || (key === 'page' && value === 1)) {
          next.delete(key);
        } else {
          next.set(key, String(value));
        }
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, {
        scroll: false,
      });
    },
    [pathname, router, searchParams],
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
