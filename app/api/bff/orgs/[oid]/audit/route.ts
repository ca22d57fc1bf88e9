import { z } from 'zod';
import { uuidSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
} from '@/lib/server/ryd/bff-responses';
import { listOrgAudit } from '@/lib/server/ryd/audit';
import { listOrgUsers } from '@/lib/server/ryd/org-users';
import { listTools } from '@/lib/server/ryd/tools';

type Context = { params: Promise<{ oid: string }> };

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/**
 * One page of the audit trail, with the names of people and tools that are
 * still known, so the page shows names rather than ids.
 */
export const GET = withSession<Context>(
  async (request, { session, params }) => {
    const oid = uuidSchema.safeParse((await params).oid);
    if (!oid.success) return jsonFailure('not_found');
    const query = querySchema.safeParse(
      Object.fromEntries(request.nextUrl.searchParams),
    );
    if (!query.success) return jsonFailure('validation');

    try {
      const [audit, users, tools] = await Promise.all([
        listOrgAudit(session, { oid: oid.data, page: query.data.page }),
        listOrgUsers(session, oid.data).catch(() => []),
        listTools(session).catch(() => []),
      ]);

      return jsonData({
        ...audit,
        userNames: Object.fromEntries(
          users.map((user) => [user.id, user.name]),
        ),
        toolNames: Object.fromEntries(
          tools.map((tool) => [tool.id, tool.name]),
        ),
      });
    } catch (error) {
      return failureResponse(error);
    }
  },
);
