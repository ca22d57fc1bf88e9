import { z } from 'zod';
import {
  DATASET_SORTS,
  fileTypeSchema,
  searchTermSchema,
  visibilitySchema,
} from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
} from '@/lib/server/ryd/bff-responses';
import { listOrgDatasets } from '@/lib/server/ryd/datasets';

type Context = { params: Promise<{ oid: string }> };

const listQuerySchema = z.object({
  q: searchTermSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  file_type: fileTypeSchema.optional(),
  visibility: visibilitySchema.optional(),
  sort: z.enum(DATASET_SORTS).optional(),
});

export const GET = withSession<Context>(
  async (request, { session, params }) => {
    const { oid } = await params;
    const query = listQuerySchema.safeParse(
      Object.fromEntries(request.nextUrl.searchParams),
    );
    if (!query.success) return jsonFailure('validation');

    try {
      const result = await listOrgDatasets(session, oid, {
        q: query.data.q,
        page: query.data.page,
        fileType: query.data.file_type,
        visibility: query.data.visibility,
        sort: query.data.sort,
      });

      return jsonData(result);
    } catch (error) {
      return failureResponse(error);
    }
  },
);
