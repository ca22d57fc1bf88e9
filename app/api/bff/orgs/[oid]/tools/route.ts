import { toolGrantSchema, uuidSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
  parseBody,
} from '@/lib/server/ryd/bff-responses';
import { grantOrgTool, listOrgTools, listTools } from '@/lib/server/ryd/tools';

type Context = { params: Promise<{ oid: string }> };

/** Every registered tool, and those this organisation has authorised. */
export const GET = withSession<Context>(
  async (_request, { session, params }) => {
    const oid = uuidSchema.safeParse((await params).oid);
    if (!oid.success) return jsonFailure('not_found');

    try {
      const [registered, authorised] = await Promise.all([
        listTools(session),
        listOrgTools(session, oid.data),
      ]);

      return jsonData({ registered, authorised });
    } catch (error) {
      return failureResponse(error);
    }
  },
);

/** Authorises a tool to act for the organisation (E10). */
export const POST = withSession<Context>(
  async (request, { session, params }) => {
    const oid = uuidSchema.safeParse((await params).oid);
    if (!oid.success) return jsonFailure('not_found');
    const body = await parseBody(request, toolGrantSchema);
    if (!body.ok) return body.response;

    try {
      await grantOrgTool(session, { oid: oid.data, tid: body.data.tid });

      return jsonData(null);
    } catch (error) {
      return failureResponse(error);
    }
  },
);
