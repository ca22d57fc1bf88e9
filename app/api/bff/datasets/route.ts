import { datasetCreateSchema } from '@/lib/ryd/schemas';
import { withSession } from '@/lib/server/auth';
import {
  failureResponse,
  jsonData,
  parseBody,
} from '@/lib/server/ryd/bff-responses';
import { createDataset, rememberDataset } from '@/lib/server/ryd/datasets';

export const POST = withSession(async (request, { session }) => {
  const body = await parseBody(request, datasetCreateSchema);
  if (!body.ok) return body.response;

  try {
    const dataset = await createDataset(session, body.data);
    await rememberDataset(session, dataset);

    return jsonData(dataset);
  } catch (error) {
    return failureResponse(error);
  }
});
