import { setRoleSchema, uuidSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import type { AppSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
  parseBody,
  readIfMatch,
} from '@/lib/server/ryd/bff-responses';
import { isRydRequestError } from '@/lib/server/ryd/errors';
import {
  explainMembershipRefusal,
  removeOrgUser,
  setOrgUserRole,
} from '@/lib/server/ryd/org-users';

type Context = { params: Promise<{ oid: string; uid: string }> };

async function readIds(params: Context['params']) {
  const { oid, uid } = await params;
  const parsedOid = uuidSchema.safeParse(oid);
  const parsedUid = uuidSchema.safeParse(uid);
  if (!parsedOid.success || !parsedUid.success) return null;

  return { oid: parsedOid.data, uid: parsedUid.data };
}

/** A 400 from RYD is explained by the rule it broke, where that is known. */
async function refusalResponse(
  error: unknown,
  session: AppSession,
  target: { oid: string; uid: string; removing: boolean },
): Promise<Response> {
  if (isRydRequestError(error) && error.upstreamStatus === 400) {
    const reason = await explainMembershipRefusal(session, target);
    if (reason) return jsonFailure('validation', undefined, reason);
  }

  return failureResponse(error);
}

/** Changes a member's role or approves a join request (RYD PUT, E14). */
export const PATCH = withSession<Context>(
  async (request, { session, params }) => {
    const ids = await readIds(params);
    if (!ids) return jsonFailure('not_found');
    const etag = readIfMatch(request);
    if (!etag) return jsonFailure('stale');
    const body = await parseBody(request, setRoleSchema);
    if (!body.ok) return body.response;

    try {
      const result = await setOrgUserRole(session, {
        ...ids,
        role: body.data.role,
        etag,
      });

      return jsonData(null, result.etag);
    } catch (error) {
      return refusalResponse(error, session, { ...ids, removing: false });
    }
  },
);

/** Removes a member or rejects a join request (E15). */
export const DELETE = withSession<Context>(
  async (request, { session, params }) => {
    const ids = await readIds(params);
    if (!ids) return jsonFailure('not_found');
    const etag = readIfMatch(request);
    if (!etag) return jsonFailure('stale');

    try {
      await removeOrgUser(session, { ...ids, etag });

      return jsonData(null);
    } catch (error) {
      return refusalResponse(error, session, { ...ids, removing: true });
    }
  },
);
