/** Pagination, ETag and If-Match helpers shared by the route modules. */
import type { Context } from 'hono';

import { RydError } from '@/lib/ryd/errors';
import {
  DEFAULT_PAGE_SIZE,
  type PageQuery,
  type Pagination,
} from '@/lib/ryd/schemas';

export type Page = { page: number; pageSize: number; offset: number };

export function toPage(query: PageQuery): Page {
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;

  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * Contract §0: absolute links rebuilt from the request URL, other query
 * parameters kept in order, `page` and `page_size` appended at the end.
 */
export function buildPagination(
  c: Context,
  publicUrl: string | undefined,
  page: Page,
  totalRecords: number,
): Pagination {
  const totalPages = Math.max(1, Math.ceil(totalRecords / page.pageSize));
  const url = new URL(c.req.url);
  const base = publicUrl ?? url.origin;
  const kept = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (key !== 'page' && key !== 'page_size') kept.append(key, value);
  }
  const link = (target: number) => {
    const params = new URLSearchParams(kept);
    params.append('page', String(target));
    params.append('page_size', String(page.pageSize));

    return `${base}${url.pathname}?${params.toString()}`;
  };

  return {
    page: page.page,
    page_size: page.pageSize,
    total_pages: totalPages,
    total_records: totalRecords,
    links: {
      first: link(1),
      last: link(totalPages),
      next: page.page < totalPages ? link(page.page + 1) : null,
      prev: page.page > 1 ? link(Math.min(page.page - 1, totalPages)) : null,
    },
  };
}

export function formatEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header demands: undefined when absent (clients of
 * the official server send none), null for `*`, or the versions listed.
 * Weak tags never match (strong comparison, RFC 9110 §13.1.1).
 */
export function readIfMatch(c: Context): number[] | null | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  if (header.trim() === '*') return null;
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = /^\s*"(\d{1,9})"\s*$/.exec(part);
    if (match?.[1]) versions.push(Number(match[1]));
  }
  if (versions.length === 0) {
    throw new RydError(
      'precondition_failed',
      'The If-Match header does not match the current version of this record. Reload it and try again.',
    );
  }

  return versions;
}

export function assertVersionMatches(
  expected: number[] | null | undefined,
  current: number,
): void {
  if (expected && !expected.includes(current)) {
    throw new RydError(
      'precondition_failed',
      'This record was changed by someone else since you loaded it. Reload it and try again.',
    );
  }
}

/** ISO 8601 with an explicit offset, as the official server emits dates. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';

  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Escapes LIKE wildcards so a search term is matched literally. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
