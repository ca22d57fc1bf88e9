import { z } from 'zod';
import { reportingOrgCreateSchema, searchTermSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
  parseBody,
} from '@/lib/server/ryd/bff-responses';
import {
  createReportingOrg,
  listReportingOrgs,
} from '@/lib/server/ryd/reporting-orgs';

const listQuerySchema = z.object({
  q: searchTermSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  all: z.enum(['yes']).optional(),
});

/** The person's organisations, or every organisation for superadmins. */
export const GET = withSession(async (request, { session }) => {
  const query = listQuerySchema.safeParse(
    Object.fromEntries(request.nextUrl.searchParams),
  );
  if (!query.success) return jsonFailure('validation');

  try {
    const result = await listReportingOrgs(session, {
      q: query.data.q,
      page: query.data.page,
      all: query.data.all === 'yes',
    });

    return jsonData(result);
  } catch (error) {
    return failureResponse(error);
  }
});

export const POST = withSession(async (request, { session }) => {
  const body = await parseBody(request, reportingOrgCreateSchema);
  if (!body.ok) return body.response;

  try {
    return jsonData(await createReportingOrg(session, body.data));
  } catch (error) {
    return failureResponse(error);
  }
});
