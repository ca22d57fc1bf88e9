import { joinRequestSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
  parseBody,
} from '@/lib/server/ryd/bff-responses';
import { isRydRequestError } from '@/lib/server/ryd/errors';
import {
  createJoinRequest,
  explainJoinRefusal,
} from '@/lib/server/ryd/join-requests';

/** Asks to join an organisation as the signed-in person (E12). */
export const POST = withSession(async (request, { session }) => {
  const body = await parseBody(request, joinRequestSchema);
  if (!body.ok) return body.response;

  try {
    await createJoinRequest(session, body.data.oid);

    return jsonData(null);
  } catch (error) {
    if (isRydRequestError(error) && error.upstreamStatus === 400) {
      const reason = await explainJoinRefusal(session, body.data.oid);

      return jsonFailure('validation', undefined, reason);
    }

    return failureResponse(error);
  }
});
