'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { buildQueryString, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import type { OrgListPayload } from '@/lib/query/payloads';
import { useViewerId } from '@/lib/query/query-provider';
import { useHydrated } from '@/lib/query/use-hydrated';
import { useDebouncedValue } from '@/lib/query/use-debounced-value';
import { readPage, toSearchTerm, useUrlState } from '@/lib/query/use-url-state';
import type { OrgRelation } from '@/lib/ryd/schemas';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Pager } from '@/components/ui/pager';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BffError } from '@/lib/query/bff-client';
import { RoleBadge } from './role-label';

const URL_KEYS = ['q', 'page'] as const;

/**
 * Organisations, searched and paged by RYD. `mine` lists the person's own
 * roles; `all` (superadmins) lists every live organisation.
 */
export function OrgList({ scope }: { scope: 'mine' | 'all' }) {
  const viewerId = useViewerId();
  const hydrated = useHydrated();
  const searchId = useId();
  const [url, setUrl] = useUrlState(URL_KEYS);
  const page = readPage(url.page);
  const [draft, setDraft] = useState(url.q ?? '');
  const debounced = useDebouncedValue(draft);
  const q = toSearchTerm(url.q ?? '');

  useEffect(() => {
    if (toSearchTerm(debounced) !== toSearchTerm(url.q ?? '')) {
      setUrl({ q: toSearchTerm(debounced), page: null });
    }
  }, [debounced, setUrl, url.q]);

  const query = useQuery({
    queryKey: queryKeys.orgList(viewerId, { scope, q, page }),
    queryFn: ({ signal }) =>
      callBff<OrgListPayload>(
        `/api/bff/orgs${buildQueryString({
          q,
          page,
          all: scope === 'all' ? 'yes' : undefined,
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

  const payload = query.data?.data;
  const items = payload?.items ?? [];
  const pagination = payload?.pagination;
  const total = pagination?.total_records ?? items.length;

  return (
    <section aria-labelledby={`${searchId}-heading`}>
      <h2 id={`${searchId}-heading`} className="sr-only">
        {scope === 'all' ? 'All organisations' : 'Your organisations'}
      </h2>
      <form
        role="search"
        className="mb-4"
        onSubmit={(event) => {
          event.preventDefault();
          setUrl({ q: toSearchTerm(draft), page: null });
        }}
      >
        <label htmlFor={searchId} className="block font-semibold">
          Search organisations by name
        </label>
        <p id={`${searchId}-hint`} className="text-sm text-slate-600">
          Type at least 2 characters.
        </p>
        <div className="mt-1 flex max-w-xl gap-2">
          <input
            id={searchId}
            type="search"
            disabled={!hydrated}
            value={draft}
            maxLength={40}
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => setDraft(event.target.value)}
            className="block w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 py-2"
          />
          <button type="submit" className={buttonStyles.secondary}>
            Search
          </button>
        </div>
      </form>

      <p role="status" className="mb-3 text-sm text-slate-700">
        {query.isPending
          ? 'Loading organisations…'
          : query.isError
            ? ''
            : describeCount(total, q)}
      </p>

      {query.isPending ? <SkeletonRows /> : null}

      {query.isError ? (
        <FailureNotice
          failure={
            query.error instanceof BffError
              ? query.error.failure
              : 'unavailable'
          }
          action={
            <button
              type="button"
              className={buttonStyles.secondary}
              onClick={() => void query.refetch()}
            >
              Try again
            </button>
          }
        />
      ) : null}

      {query.isSuccess && items.length === 0 ? (
        <EmptyOrgs scope={scope} q={q} />
      ) : null}

      {items.length > 0 ? (
        <ul
          aria-busy={query.isFetching}
          className={`divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white ${
            query.isPlaceholderData ? 'opacity-60' : ''
          }`}
        >
          {items.map((org) => (
            <OrgRow key={org.id} org={org} />
          ))}
        </ul>
      ) : null}

      {pagination ? (
        <Pager
          page={pagination.page}
          totalPages={pagination.total_pages}
          totalRecords={pagination.total_records}
          noun="organisations"
          onPageChange={(next) => setUrl({ page: next })}
        />
      ) : null}
    </section>
  );
}

function describeCount(total: number, q: string) {
  const noun = total === 1 ? 'organisation' : 'organisations';
  const found = `${total.toLocaleString('en')} ${noun}`;

  return q
    ? `${found} ${total === 1 ? 'matches' : 'match'} “${q}”.`
    : `${found}.`;
}

function OrgRow({ org }: { org: OrgRelation }) {
  const isPending = org.user_role === 'contributor_pending';
  const name = org.metadata.human_readable_name;

  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="font-semibold break-words">
          {isPending ? (
            name
          ) : (
            <Link href={`/orgs/${org.id}`} className={buttonStyles.link}>
              {name}
            </Link>
          )}
        </p>
        <p className="text-sm break-all text-slate-700">
          <span className="sr-only">IATI organisation identifier: </span>
          {org.metadata.organisation_identifier || 'No identifier'}
        </p>
        {isPending ? (
          <p className="mt-1 text-sm text-slate-700">
            An admin of this organisation has not approved your request yet.
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm sm:justify-end">
        <RoleBadge role={org.user_role} />
        {isPending || org.dataset_count === undefined ? null : (
          <span className="whitespace-nowrap text-slate-700">
            {org.dataset_count.toLocaleString('en')}{' '}
            {org.dataset_count === 1 ? 'dataset' : 'datasets'}
          </span>
        )}
      </div>
    </li>
  );
}

function EmptyOrgs({ scope, q }: { scope: 'mine' | 'all'; q: string }) {
  if (q) {
    return (
      <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
        No organisations match “{q}”. Check the spelling or search for part of
        the name.
      </p>
    );
  }

  return (
    <div className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
      {scope === 'all' ? (
        <p>There are no organisations in the registry yet.</p>
      ) : (
        <>
          <p className="font-semibold">
            You do not hold a role in any organisation yet.
          </p>
          <p className="mt-1">
            Ask to join your organisation, and an admin of it will approve your
            request.
          </p>
          <p className="mt-3">
            <Link href="/orgs/join" className={buttonStyles.primary}>
              Join an organisation
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
