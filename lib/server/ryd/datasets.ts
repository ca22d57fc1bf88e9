import 'server-only';
import { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import {
  clearLastDataset,
  getLastDataset,
  setLastDataset,
} from '@/lib/server/auth';
import { logger } from '@/lib/server/logger';
import { datasetReadSchema } from '@/lib/ryd/schemas';
import type {
  DatasetCreate,
  DatasetRead,
  DatasetSort,
  DatasetUpdate,
  FileType,
  Visibility,
} from '@/lib/ryd/schemas';
import { rydFetch } from './fetch';

export const DATASET_PAGE_SIZE = 25;

export type ListOrgDatasetsOptions = {
  q?: string;
  page?: number;
  fileType?: FileType;
  visibility?: Visibility;
  sort?: DatasetSort;
  pageSize?: number;
};

export async function listOrgDatasets(
  session: AppSession,
  oid: string,
  {
    q,
    page = 1,
    fileType,
    visibility,
    sort,
    pageSize = DATASET_PAGE_SIZE,
  }: ListOrgDatasetsOptions,
) {
  const { data, pagination } = await rydFetch(
    session,
    {
      path: `/reporting-orgs/${encodeURIComponent(oid)}/datasets`,
      query: {
        q,
        page,
        page_size: pageSize,
        file_type: fileType,
        visibility,
        sort,
      },
    },
    z.array(datasetReadSchema),
  );

  return { items: data, pagination };
}

export async function getDataset(session: AppSession, did: string) {
  const { data, etag } = await rydFetch(
    session,
    { path: `/datasets/${encodeURIComponent(did)}` },
    datasetReadSchema,
  );

  return { dataset: data, etag };
}

export async function createDataset(session: AppSession, body: DatasetCreate) {
  const { data } = await rydFetch(
    session,
    { path: '/datasets', method: 'POST', body },
    datasetReadSchema,
  );

  return data;
}

export async function updateDataset(
  session: AppSession,
  { did, body, etag }: { did: string; body: DatasetUpdate; etag: string },
) {
  const result = await rydFetch(
    session,
    {
      path: `/datasets/${encodeURIComponent(did)}`,
      method: 'PATCH',
      body,
      ifMatch: etag,
    },
    datasetReadSchema,
  );

  return { dataset: result.data, etag: result.etag };
}

export async function deleteDataset(
  session: AppSession,
  { did, etag }: { did: string; etag: string },
) {
  await rydFetch(
    session,
    {
      path: `/datasets/${encodeURIComponent(did)}`,
      method: 'DELETE',
      ifMatch: etag,
    },
    z.null(),
  );
}

/** How many datasets an organisation owns (one tiny page, for the count). */
export async function countOrgDatasets(session: AppSession, oid: string) {
  const { pagination, items } = await listOrgDatasets(session, oid, {
    pageSize: 1,
  });

  return pagination?.total_records ?? items.length;
}

/**
 * Records the dataset for "continue where you left off". A failure here must
 * not turn a change RYD has made into an error, so it is only logged.
 */
export async function rememberDataset(
  session: AppSession,
  dataset: DatasetRead,
): Promise<void> {
  const { metadata } = dataset;
  try {
    await setLastDataset(session, {
      did: dataset.id,
      name: metadata.human_readable_name || metadata.short_name,
      oid: dataset.owner_organisation_id,
    });
  } catch (error) {
    logger.warn(
      { err: error instanceof Error ? error.name : 'unknown' },
      'could not record the last dataset',
    );
  }
}

/**
 * Drops the "continue" link when it points at a deleted dataset, or at any
 * dataset of a deleted organisation.
 */
export async function forgetDataset(
  session: AppSession,
  deleted: { did: string } | { oid: string },
): Promise<void> {
  try {
    const last = await getLastDataset(session);
    const matches =
      'did' in deleted ? last?.did === deleted.did : last?.oid === deleted.oid;
    if (matches) await clearLastDataset(session);
  } catch (error) {
    logger.warn(
      { err: error instanceof Error ? error.name : 'unknown' },
      'could not clear the last dataset',
    );
  }
}
