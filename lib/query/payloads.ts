/** Shapes the BFF route handlers answer with (inside `{ data, etag }`). */
import type { DatasetRead, OrgRelation, Pagination } from '@/lib/ryd/schemas';

export type PagedPayload<T> = { items: T[]; pagination: Pagination | null };
export type OrgListPayload = PagedPayload<OrgRelation>;
export type DatasetListPayload = PagedPayload<DatasetRead>;
