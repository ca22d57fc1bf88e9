'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { RoleBadge } from '@/components/orgs/role-label';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Notice } from '@/components/ui/notice';
import { Pager } from '@/components/ui/pager';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BffError, buildQueryString, callBff } from '@/lib/query/bff-client';
import { FAILURE_MESSAGES } from '@/lib/query/failures';
import { queryKeys } from '@/lib/query/keys';
import type { DiscoverableOrgListPayload } from '@/lib/query/payloads';
import { useViewerId } from '@/lib/query/query-provider';
import { useDebouncedValue } from '@/lib/query/use-debounced-value';
import { readPage, toSearchTerm, useUrlState } from '@/lib/query/use-url-state';
import type { OrgRole } from '@/lib/ryd/permissions';
import type { DiscoverableOrg } from '@/lib/ryd/schemas';

const URL_KEYS = ['q', 'page'] as const;

function describeJoinFailure(error: unknown, name: string): string {
  if (!(error instanceof BffError)) return FAILURE_MESSAGES.unavailable;
  switch (error.reason) {
    case 'already_member':
      return `You already have a role in ${name}, or a request waiting there.`;
    case 'superadmin':
      return 'Superadmins cannot join organisations: you already reach every one of them.';
    case 'tool_admin':
      return 'Tool staff cannot join organisations. Ask the organisation to authorise your tool instead.';
    case 'no_org':
      return `${name} is no longer in the registry.`;
    default:
      return FAILURE_MESSAGES[error.failure];
  }
}

/**
 * Search the organisations one may ask to join (RYD searches 2 to 40
 * characters, so shorter terms send nothing) and ask to join one.
 */
export function JoinOrg({ myRoles }: { myRoles: Record<string, OrgRole> }) {
  const viewerId = useViewerId();
  const router = useRouter();
  const searchId = useId();
  const [url, setUrl] = useUrlState(URL_KEYS);
  const page = readPage(url.page);
  const [draft, setDraft] = useState(url.q ?? '');
  const debounced = useDebouncedValue(draft);
  const q = toSearchTerm(url.q ?? '');
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (toSearchTerm(debounced) !== toSearchTerm(url.q ?? '')) {
      setUrl({ q: toSearchTerm(debounced), page: null });
    }
  }, [debounced, setUrl, url.q]);

  const query = useQuery({
    queryKey: queryKeys.discoverableOrgs(viewerId, { q, page }),
    queryFn: ({ signal }) =>
      callBff<DiscoverableOrgListPayload>(
        `/api/bff/discoverable-orgs${buildQueryString({ q, page })}`,
        { signal },
      ),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });

  const mutation = useMutation({
    mutationFn: (org: DiscoverableOrg) =>
      callBff<null>('/api/bff/join-requests', {
        method: 'POST',
        body: { oid: org.id },
      }),
    onMutate: () => {
      setAnnouncement('');
      setFailure(null);
    },
    onSuccess: (_data, org) => {
      setAnnouncement(
        `Your request to join ${org.metadata.human_readable_name} was sent. Its admins have been told; it waits below until one of them answers.`,
      );
      router.refresh();
    },
    onError: (error, org) => {
      setFailure(describeJoinFailure(error, org.metadata.human_readable_name));
      router.refresh();
    },
  });

  const items = q ? (query.data?.data.items ?? []) : [];
  const pagination = q ? query.data?.data.pagination : undefined;

  return (
    <section aria-labelledby={`${searchId}-heading`} className="space-y-4">
      <h2 id={`${searchId}-heading`} className="text-xl font-bold">
        Find your organisation
      </h2>
      <div role="status" aria-live="polite" className="empty:hidden">
        {announcement ? <Notice tone="success">{announcement}</Notice> : null}
      </div>
      {failure ? (
        <Notice tone="error" title="The request was not sent">
          <p>{failure}</p>
        </Notice>
      ) : null}
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setUrl({ q: toSearchTerm(draft), page: null });
        }}
      >
        <label htmlFor={searchId} className="block font-semibold">
          Organisation name
        </label>
        <p id={`${searchId}-hint`} className="text-sm text-slate-600">
          Type at least 2 characters of the name.
        </p>
        <div className="mt-1 flex max-w-xl gap-2">
          <input
            id={searchId}
            type="search"
            value={draft}
            maxLength={40}
            autoComplete="off"
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => setDraft(event.target.value)}
            className="block w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 py-2"
          />
          <button type="submit" className={buttonStyles.secondary}>
            Search
          </button>
        </div>
      </form>

      <p role="status" className="text-sm text-slate-700">
        {!q
          ? ''
          : query.isPending
            ? 'Searching…'
            : query.isError
              ? ''
              : describeCount(pagination?.total_records ?? items.length, q)}
      </p>

      {q && query.isPending ? <SkeletonRows rows={3} /> : null}

      {q && query.isError ? (
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

      {items.length > 0 ? (
        <ul
          aria-busy={query.isFetching}
          className={`divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white ${
            query.isPlaceholderData ? 'opacity-60' : ''
          }`}
        >
          {items.map((org) => (
            <DiscoverableRow
              key={org.id}
              org={org}
              role={myRoles[org.id]}
              isBusy={mutation.isPending}
              onJoin={() => mutation.mutate(org)}
            />
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
  if (total === 0) {
    return `No organisation matches “${q}”. Check the spelling or try part of the name.`;
  }
  const noun = total === 1 ? 'organisation matches' : 'organisations match';

  return `${total.toLocaleString('en')} ${noun} “${q}”.`;
}

function DiscoverableRow({
  org,
  role,
  isBusy,
  onJoin,
}: {
  org: DiscoverableOrg;
  role: OrgRole | undefined;
  isBusy: boolean;
  onJoin: () => void;
}) {
  const name = org.metadata.human_readable_name;

  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="font-semibold break-words">{name}</p>
        <p className="text-sm break-all text-slate-700">
          <span className="sr-only">IATI organisation identifier: </span>
          {org.metadata.organisation_identifier || 'No identifier'}
          {org.metadata.hq_country ? ` · ${org.metadata.hq_country}` : ''}
        </p>
      </div>
      {role ? (
        <p className="flex items-center gap-2 text-sm">
          <span className="sr-only">Your role:</span>
          <RoleBadge role={role} />
        </p>
      ) : (
        <button
          type="button"
          className={buttonStyles.primary}
          disabled={isBusy}
          onClick={onJoin}
        >
          Ask to join<span className="sr-only"> {name}</span>
        </button>
      )}
    </li>
  );
}
