import { uuidSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
} from '@/lib/server/ryd/bff-responses';
import { listOrgUsers } from '@/lib/server/ryd/org-users';

type Context = { params: Promise<{ oid: string }> };

/** The organisation's members and pending join requests. */
export const GET = withSession<Context>(
  async (_request, { session, params }) => {
    const oid = uuidSchema.safeParse((await params).oid);
    if (!oid.success) return jsonFailure('not_found');

    try {
      return jsonData({ items: await listOrgUsers(session, oid.data) });
    } catch (error) {
      return failureResponse(error);
    }
  },
);
