'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Pager } from '@/components/ui/pager';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BffError, buildQueryString, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import type { OrgAuditPayload } from '@/lib/query/payloads';
import { useViewerId } from '@/lib/query/query-provider';
import { readPage, useUrlState } from '@/lib/query/use-url-state';
import { describeEntry } from './describe-entry';

const URL_KEYS = ['page'] as const;
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

function formatDate(value: string): string {
  const date = new Date(value);

  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** The organisation's audit trail, newest first, a page at a time. */
export function AuditTrail({ oid }: { oid: string }) {
  const viewerId = useViewerId();
  const [url, setUrl] = useUrlState(URL_KEYS);
  const page = readPage(url.page);

  const query = useQuery({
    queryKey: queryKeys.orgAudit(viewerId, oid, page),
    queryFn: ({ signal }) =>
      callBff<OrgAuditPayload>(
        `/api/bff/orgs/${oid}/audit${buildQueryString({ page })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

  const payload = query.data?.data;
  const items = payload?.items ?? [];
  const pagination = payload?.pagination;
  const total = pagination?.total_records ?? items.length;

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="sr-only">
        Changes
      </h2>
      <p role="status" className="mb-3 text-sm text-slate-700">
        {query.isPending
          ? 'Loading the audit trail…'
          : query.isError || total === 0
            ? ''
            : `${total.toLocaleString('en')} recorded ${total === 1 ? 'change' : 'changes'}, newest first.`}
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
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
          Nothing has been recorded for this organisation yet.
        </p>
      ) : null}

      {items.length > 0 && payload ? (
        <ol
          aria-busy={query.isFetching}
          className={`divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white ${
            query.isPlaceholderData ? 'opacity-60' : ''
          }`}
        >
          {items.map((entry) => (
            <li
              key={entry.id}
              className="grid gap-1 p-4 md:grid-cols-[11rem_minmax(0,1fr)] md:gap-4"
            >
              <time
                dateTime={entry.created_date}
                className="text-sm text-slate-700"
              >
                {formatDate(entry.created_date)}
              </time>
              <div className="min-w-0">
                <p className="font-semibold break-words">
                  {describeEntry(entry, payload)}
                </p>
                <p className="text-sm break-words text-slate-700">
                  By {entry.actor_name || entry.actor_uid || 'an unknown user'}
                  {entry.client_id ? (
                    <>
                      {' '}
                      through{' '}
                      <code className="rounded bg-slate-100 px-1 break-all">
                        {entry.client_id}
                      </code>
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ol>
      ) : null}

      {pagination ? (
        <Pager
          page={pagination.page}
          totalPages={pagination.total_pages}
          totalRecords={pagination.total_records}
          noun="changes"
          onPageChange={(next) => setUrl({ page: next })}
        />
      ) : null}
    </section>
  );
}
