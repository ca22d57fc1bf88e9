import { reportingOrgUpdateSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
  parseBody,
  readIfMatch,
} from '@/lib/server/ryd/bff-responses';
import { forgetDataset } from '@/lib/server/ryd/datasets';
import {
  deleteReportingOrg,
  updateReportingOrg,
} from '@/lib/server/ryd/reporting-orgs';

type Context = { params: Promise<{ oid: string }> };

export const PATCH = withSession<Context>(
  async (request, { session, params }) => {
    const { oid } = await params;
    const etag = readIfMatch(request);
    if (!etag) return jsonFailure('stale');
    const body = await parseBody(request, reportingOrgUpdateSchema);
    if (!body.ok) return body.response;

    try {
      const result = await updateReportingOrg(session, {
        oid,
        body: body.data,
        etag,
      });

      return jsonData(result.org, result.etag);
    } catch (error) {
      return failureResponse(error);
    }
  },
);

export const DELETE = withSession<Context>(
  async (request, { session, params }) => {
    const { oid } = await params;
    const etag = readIfMatch(request);
    if (!etag) return jsonFailure('stale');

    try {
      await deleteReportingOrg(session, { oid, etag });
      await forgetDataset(session, { oid });

      return jsonData(null);
    } catch (error) {
      return failureResponse(error);
    }
  },
);
