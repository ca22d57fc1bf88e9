import { datasetUpdateSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  jsonFailure,
  parseBody,
  readIfMatch,
} from '@/lib/server/ryd/bff-responses';
import {
  deleteDataset,
  forgetDataset,
  rememberDataset,
  updateDataset,
} from '@/lib/server/ryd/datasets';

type Context = { params: Promise<{ did: string }> };

export const PATCH = withSession<Context>(
  async (request, { session, params }) => {
    const { did } = await params;
    const etag = readIfMatch(request);
    if (!etag) return jsonFailure('stale');
    const body = await parseBody(request, datasetUpdateSchema);
    if (!body.ok) return body.response;

    try {
      const result = await updateDataset(session, {
        did,
        body: body.data,
        etag,
      });
      await rememberDataset(session, result.dataset);

      return jsonData(result.dataset, result.etag);
    } catch (error) {
      return failureResponse(error);
    }
  },
);

export const DELETE = withSession<Context>(
  async (request, { session, params }) => {
    const { did } = await params;
    const etag = readIfMatch(request);
    if (!etag) return jsonFailure('stale');

    try {
      await deleteDataset(session, { did, etag });
      await forgetDataset(session, { did });

      return jsonData(null);
    } catch (error) {
      return failureResponse(error);
    }
  },
);
