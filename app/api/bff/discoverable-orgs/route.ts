import { z } from 'zod';
import { searchTermSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
} from '@/lib/server/ryd/bff-responses';
import { listDiscoverableOrgs } from '@/lib/server/ryd/join-requests';

const querySchema = z.object({
  q: searchTermSchema,
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** Organisations one may ask to join, by name (2 to 40 characters). */
export const GET = withSession(async (request, { session }) => {
  const query = querySchema.safeParse(
    Object.fromEntries(request.nextUrl.searchParams),
  );
  if (!query.success) return jsonFailure('validation', 'q');

  try {
    return jsonData(await listDiscoverableOrgs(session, query.data));
  } catch (error) {
    return failureResponse(error);
  }
});
