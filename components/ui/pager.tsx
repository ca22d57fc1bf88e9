'use client';

import { buttonStyles } from './button-styles';

/**
 * Previous/next paging by page number (RYD's absolute links are built from
 * its own request URL, so they are not followed; contract §8.15).
 */
export function Pager({
  page,
  totalPages,
  totalRecords,
  noun,
  onPageChange,
}: {
  page: number;
  totalPages: number;
  totalRecords: number;
  noun: string;
  onPageChange: (page: number) => void;
}) {
  if (totalPages <= 1) return null;

  return (
    <nav
      aria-label={`Pages of ${noun}`}
      className="mt-6 flex flex-wrap items-center justify-between gap-3"
    >
      <button
        type="button"
        className={buttonStyles.secondary}
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        Previous page
      </button>
      <p className="text-sm text-slate-700">
        Page {page} of {totalPages} ({totalRecords.toLocaleString('en')} {noun})
      </p>
      <button
        type="button"
        className={buttonStyles.secondary}
        disabled={page >= totalPages}
        onClick={() => onPageChange(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
