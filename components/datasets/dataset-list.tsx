'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { BffError, buildQueryString, callBff } from '@/lib/query/bff-client';
import { queryKeys } from '@/lib/query/keys';
import type { DatasetListPayload } from '@/lib/query/payloads';
import { useViewerId } from '@/lib/query/query-provider';
import { useHydrated } from '@/lib/query/use-hydrated';
import { useDebouncedValue } from '@/lib/query/use-debounced-value';
import { readPage, toSearchTerm, useUrlState } from '@/lib/query/use-url-state';
import { DATASET_SORTS, FILE_TYPES, VISIBILITIES } from '@/lib/ryd/values';
import type { DatasetRead } from '@/lib/ryd/schemas';
import { buttonStyles } from '@/components/ui/button-styles';
import { FailureNotice } from '@/components/ui/failure-notice';
import { Pager } from '@/components/ui/pager';
import { SkeletonRows } from '@/components/ui/skeleton';
import { getLicenceLabel } from '@/lib/codelists/licences';
import {
  fileTypeOptions,
  visibilityOptions,
} from '@/lib/codelists/option-lists';
import { VisibilityBadge } from './visibility-badge';

const URL_KEYS = ['q', 'page', 'file_type', 'visibility', 'sort'] as const;

const sortLabels: Record<(typeof DATASET_SORTS)[number], string> = {
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  '-updated': 'Recently updated first',
  updated: 'Least recently updated first',
};

function pick<T extends string>(
  allowed: readonly T[],
  value: string | undefined,
): T | '' {
  return (allowed as readonly string[]).includes(value ?? '')
    ? (value as T)
    : '';
}

export function DatasetList({
  oid,
  canCreate,
}: {
  oid: string;
  canCreate: boolean;
}) {
  const viewerId = useViewerId();
  const hydrated = useHydrated();
  const id = useId();
  const [url, setUrl] = useUrlState(URL_KEYS);
  const page = readPage(url.page);
  const fileType = pick(FILE_TYPES, url.file_type);
  const visibility = pick(VISIBILITIES, url.visibility);
  const sort = pick(DATASET_SORTS, url.sort);
  const q = toSearchTerm(url.q ?? '');
  const [draft, setDraft] = useState(url.q ?? '');
  const debounced = useDebouncedValue(draft);

  useEffect(() => {
    if (toSearchTerm(debounced) !== toSearchTerm(url.q ?? '')) {
      setUrl({ q: toSearchTerm(debounced), page: null });
    }
  }, [debounced, setUrl, url.q]);

  const params = { q, page, file_type: fileType, visibility, sort };
  const query = useQuery({
    queryKey: queryKeys.orgDatasetList(viewerId, oid, params),
    queryFn: ({ signal }) =>
      callBff<DatasetListPayload>(
        `/api/bff/orgs/${oid}/datasets${buildQueryString(params)}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

  const items = query.data?.data.items ?? [];
  const pagination = query.data?.data.pagination;
  const total = pagination?.total_records ?? items.length;
  const filtered = Boolean(q || fileType || visibility);

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sr-only">
        Datasets
      </h2>
      <form
        role="search"
        aria-label="Find datasets"
        className="mb-4 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => {
          event.preventDefault();
          setUrl({ q: toSearchTerm(draft), page: null });
        }}
      >
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor={`${id}-q`} className="block font-semibold">
            Search by name
          </label>
          <input
            id={`${id}-q`}
            type="search"
            disabled={!hydrated}
            value={draft}
            maxLength={40}
            aria-describedby={`${id}-q-hint`}
            onChange={(event) => setDraft(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
          />
          <p id={`${id}-q-hint`} className="mt-0.5 text-sm text-slate-600">
            At least 2 characters.
          </p>
        </div>
        <FilterSelect
          disabled={!hydrated}
          id={`${id}-file-type`}
          label="File type"
          value={fileType}
          options={fileTypeOptions}
          allLabel="All file types"
          onChange={(value) => setUrl({ file_type: value, page: null })}
        />
        <FilterSelect
          disabled={!hydrated}
          id={`${id}-visibility`}
          label="Visibility"
          value={visibility}
          options={visibilityOptions}
          allLabel="Public and private"
          onChange={(value) => setUrl({ visibility: value, page: null })}
        />
        <FilterSelect
          disabled={!hydrated}
          id={`${id}-sort`}
          label="Sort by"
          value={sort}
          options={DATASET_SORTS.filter((s) => s !== 'name').map((s) => ({
            value: s,
            label: sortLabels[s],
          }))}
          allLabel={sortLabels.name}
          onChange={(value) => setUrl({ sort: value, page: null })}
        />
      </form>

      <p role="status" className="mb-3 text-sm text-slate-700">
        {query.isPending
          ? 'Loading datasets…'
          : query.isError
            ? ''
            : `${total.toLocaleString('en')} ${
                total === 1 ? 'dataset' : 'datasets'
              }${
                filtered
                  ? ` ${total === 1 ? 'matches' : 'match'} your search and filters`
                  : ''
              }.`}
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
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-6">
          {filtered ? (
            <>
              <p>
                No datasets match your search and filters. Change or clear them
                to see more.
              </p>
              <button
                type="button"
                className={`${buttonStyles.secondary} mt-3`}
                onClick={() => {
                  setDraft('');
                  setUrl({
                    q: null,
                    file_type: null,
                    visibility: null,
                    page: null,
                  });
                }}
              >
                Clear search and filters
              </button>
            </>
          ) : (
            <>
              <p className="font-semibold">
                This organisation has no datasets yet.
              </p>
              {canCreate ? (
                <p className="mt-3">
                  <Link
                    href={`/orgs/${oid}/datasets/new`}
                    className={buttonStyles.primary}
                  >
                    Add a dataset
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : null}

      {items.length > 0 ? (
        <ul
          aria-busy={query.isFetching}
          className={`divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white ${
            query.isPlaceholderData ? 'opacity-60' : ''
          }`}
        >
          {items.map((dataset) => (
            <DatasetRow key={dataset.id} dataset={dataset} />
          ))}
        </ul>
      ) : null}

      {pagination ? (
        <Pager
          page={pagination.page}
          totalPages={pagination.total_pages}
          totalRecords={pagination.total_records}
          noun="datasets"
          onPageChange={(next) => setUrl({ page: next })}
        />
      ) : null}
    </section>
  );
}

function FilterSelect({
  disabled,
  id,
  label,
  value,
  options,
  allLabel,
  onChange,
}: {
  disabled: boolean;
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  allLabel: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DatasetRow({ dataset }: { dataset: DatasetRead }) {
  const { metadata } = dataset;
  const fileType = fileTypeOptions.find((o) => o.value === metadata.file_type);

  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <p className="font-semibold break-words">
          <Link href={`/datasets/${dataset.id}`} className={buttonStyles.link}>
            {metadata.human_readable_name || metadata.short_name}
          </Link>
        </p>
        <p className="text-sm break-all text-slate-700">
          <span className="sr-only">Short name: </span>
          {metadata.short_name}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {[
            fileType?.label,
            metadata.licence_id ? getLicenceLabel(metadata.licence_id) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <div className="sm:shrink-0">
        <VisibilityBadge visibility={metadata.visibility} />
      </div>
    </li>
  );
}
