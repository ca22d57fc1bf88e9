import { uuidSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
} from '@/lib/server/ryd/bff-responses';
import { revokeOrgTool } from '@/lib/server/ryd/tools';

type Context = { params: Promise<{ oid: string; tid: string }> };

/** Withdraws a tool's authorisation (E11). */
export const DELETE = withSession<Context>(
  async (_request, { session, params }) => {
    const { oid, tid } = await params;
    const parsedOid = uuidSchema.safeParse(oid);
    const parsedTid = uuidSchema.safeParse(tid);
    if (!parsedOid.success || !parsedTid.success)
      return jsonFailure('not_found');

    try {
      await revokeOrgTool(session, {
        oid: parsedOid.data,
        tid: parsedTid.data,
      });

      return jsonData(null);
    } catch (error) {
      return failureResponse(error);
    }
  },
);
