/**
 * Datasets: E18-E21. Permission is checked before existence is revealed: a
 * caller without access gets the same 403 for a dataset that does not exist.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';

import { RydError, successBody } from '@/lib/ryd/errors';
import { hasPermission, type Permission } from '@/lib/ryd/permissions';
import {
  datasetCreateSchema,
  datasetResponseSchema,
  datasetUpdateSchema,
  emptySuccessSchema,
  uuidSchema,
  type DatasetActionType,
} from '@/lib/ryd/schemas';

import type { Principal } from '../auth/verify-token';
import type { AppDeps, AppEnv } from '../context';
import type { RydExecutor, RydTx } from '../db/client';
import {
  datasetActions,
  datasets,
  tools,
  type DatasetRow,
  type ReportingOrgRow,
} from '../db/schema';
import {
  forbidden,
  getOrgAccess,
  isSuperadmin,
  orgNotFound,
  requirePermission,
  type OrgAccess,
} from '../lib/access';
import { writeAudit } from '../lib/audit';
import { assertVersionMatches, formatEtag, readIfMatch } from '../lib/http';
import { withIdempotency } from '../lib/idempotency';
import { toDatasetRead } from '../lib/mappers';
import { errorResponse, rydRoute } from '../lib/route';
import { isUniqueViolation } from '../lib/rows';
import { ensureUser } from '../lib/users';
import { findLiveOrg } from './reporting-orgs';

const didParams = z.object({ did: uuidSchema });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

function shortNameTaken(shortName: string): RydError {
  return new RydError(
    'conflict',
    `There is already a dataset with short_name '${shortName}' in the Registry. Choose another short name.`,
  );
}

function datasetNotFound(did: string): RydError {
  return new RydError(
    'not_found',
    `There is no dataset with ID ${did} in the Registry.`,
  );
}

/**
 * Loads a dataset, deleted or not, checks the caller's permission on its
 * owner and only then says whether it is gone. So members of the owner learn
 * that a deleted dataset is a 404, as for any record that is gone, while a
 * caller without access gets the generic 403 for every id, existing or not.
 * An id that never existed has no owner to ask: a 404 for superadmins only.
 */
async function loadDatasetAccess(
  db: RydExecutor,
  principal: Principal,
  did: string,
  permission: Permission,
): Promise<{ dataset: DatasetRow; access: OrgAccess }> {
  const [dataset] = await db
    .select()
    .from(datasets)
    .where(eq(datasets.id, did));
  if (!dataset) {
    if (await isSuperadmin(db, principal.uid)) throw datasetNotFound(did);
    throw forbidden();
  }
  const access = await getOrgAccess(db, principal, dataset.ownerOrgId);
  requirePermission(access, permission);
  if (dataset.deletedAt) throw datasetNotFound(did);

  return { dataset, access };
}

/** Who did it, for the dataset's action history (contract B16). */
async function describeActor(
  tx: RydTx,
  principal: Principal,
  org: Pick<ReportingOrgRow, 'id' | 'humanReadableName'>,
) {
  const user = await ensureUser(tx, principal);
  const [tool] = await tx
    .select({ id: tools.id, name: tools.name })
    .from(tools)
    .where(eq(tools.clientId, principal.clientId));

  return {
    responsibleOrgId: org.id,
    responsibleOrgName: org.humanReadableName,
    userApplicationId: tool?.id ?? principal.clientId,
    userApplicationName: tool?.name ?? principal.clientId,
    userId: principal.uid,
    userName: user.name,
  };
}

function auditView(dataset: DatasetRow) {
  return {
    short_name: dataset.shortName,
    human_readable_name: dataset.title,
    source_type: dataset.sourceType,
    url: dataset.url,
    licence_id: dataset.licenceId,
    visibility: dataset.visibility,
    file_type: dataset.fileType,
    language: dataset.language,
  };
}

export function registerDatasetRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;

  // E18
  api.openapi(
    rydRoute(deps, {
      method: 'post',
      path: '/datasets',
      summary: 'Create a dataset (E18)',
      description:
        'Honours an `Idempotency-Key` header: a retry with the same key returns the first result.',
      scopes: ['ryd', 'ryd:dataset'],
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: datasetCreateSchema } },
        },
      },
      responses: {
        201: json(datasetResponseSchema, 'The new dataset'),
        409: errorResponse('Short name in use'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const body = c.req.valid('json');
      const oid = body.owner_organisation_id;

      const access = await getOrgAccess(db, principal, oid);
      requirePermission(access, 'create-dataset');

      const org = await findLiveOrg(db, oid);
      if (!org) throw orgNotFound(oid);
      const result = await withIdempotency(
        c,
        db,
        'POST /datasets',
        body,
        async (tx) => {
          const [taken] = await tx
            .select({ id: datasets.id })
            .from(datasets)
            .where(
              and(
                eq(datasets.shortName, body.short_name),
                isNull(datasets.deletedAt),
              ),
            );
          if (taken) throw shortNameTaken(body.short_name);
          let dataset: DatasetRow | undefined;
          try {
            [dataset] = await tx
              .insert(datasets)
              .values({
                ownerOrgId: oid,
                shortName: body.short_name,
                title: body.human_readable_name,
                sourceType: body.source_type,
                url: body.url,
                licenceId: body.licence_id,
                visibility: body.visibility,
                fileType: body.file_type ?? 'activity',
                language: body.language ?? null,
                lastUrlUpdateDate: sql`now()`,
                lastMetadataUpdateDate: sql`now()`,
              })
              .returning();
          } catch (error) {
            if (isUniqueViolation(error)) throw shortNameTaken(body.short_name);
            throw error;
          }
          if (!dataset) throw new Error('insert returned no row');
          const actor = await describeActor(tx, principal, org);
          const [action] = await tx
            .insert(datasetActions)
            .values({ ...actor, datasetId: dataset.id, actionType: 'create' })
            .returning();
          await writeAudit(
            tx,
            { principal, requestId: c.get('requestId') },
            {
              action: 'dataset.create',
              entityType: 'dataset',
              entityId: dataset.id,
              orgId: oid,
              after: auditView(dataset),
            },
          );

          return {
            status: 201,
            body: successBody(toDatasetRead(dataset, action ? [action] : [])),
            etag: formatEtag(dataset.version),
          };
        },
      );
      if (result.etag) c.header('ETag', result.etag);

      return c.json(result.body as z.infer<typeof datasetResponseSchema>, 201);
    },
  );

  // E19
  api.openapi(
    rydRoute(deps, {
      method: 'get',
      path: '/datasets/{did}',
      summary: 'Get a dataset (E19)',
      scopes: ['ryd', 'ryd:dataset'],
      request: { params: didParams },
      responses: { 200: json(datasetResponseSchema, 'The dataset') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { did } = c.req.valid('param');

      const { dataset } = await loadDatasetAccess(
        db,
        principal,
        did,
        'read-dataset',
      );

      const actions = await db
        .select()
        .from(datasetActions)
        .where(eq(datasetActions.datasetId, did))
        .orderBy(asc(datasetActions.createdAt), asc(datasetActions.id));
      c.header('ETag', formatEtag(dataset.version));

      return c.json(successBody(toDatasetRead(dataset, actions)), 200);
    },
  );

  // E20
  api.openapi(
    rydRoute(deps, {
      method: 'patch',
      path: '/datasets/{did}',
      summary: 'Update a dataset (E20)',
      description:
        'Partial update: only the fields sent change (the full body official clients send is accepted too). Changing visibility needs update-dataset-visibility. `owner_organisation_id` may only repeat the current owner. Honours If-Match.',
      scopes: ['ryd', 'ryd:dataset', 'ryd:dataset:update'],
      request: {
        params: didParams,
        body: {
          required: true,
          content: { 'application/json': { schema: datasetUpdateSchema } },
        },
      },
      responses: {
        200: json(datasetResponseSchema, 'The updated dataset'),
        409: errorResponse('Short name in use'),
        412: errorResponse('If-Match did not match'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { did } = c.req.valid('param');
      const body = c.req.valid('json');

      const { dataset: loaded, access } = await loadDatasetAccess(
        db,
        principal,
        did,
        'update-dataset',
      );
      // Read after the permission check, so that a caller without access
      // gets the same 403 whatever If-Match holds.
      const expected = readIfMatch(c);
      const changesVisibility =
        body.visibility != null && body.visibility !== loaded.visibility;
      if (
        changesVisibility &&
        !hasPermission(access.role, 'update-dataset-visibility')
      ) {
        throw new RydError(
          'forbidden',
          'Your role in this organisation does not allow changing the visibility of datasets.',
        );
      }
      if (
        body.owner_organisation_id !== undefined &&
        body.owner_organisation_id !== loaded.ownerOrgId
      ) {
        throw new RydError(
          'validation_error',
          "Data validation error: Field 'owner_organisation_id': The owner of a dataset cannot be changed.",
        );
      }

      const updated = await db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(datasets)
          .where(and(eq(datasets.id, did), isNull(datasets.deletedAt)))
          .for('update');
        if (!current) throw datasetNotFound(did);
        assertVersionMatches(expected, current.version);
        const next = {
          shortName: body.short_name ?? current.shortName,
          title: body.human_readable_name ?? current.title,
          sourceType: body.source_type ?? current.sourceType,
          url: body.url ?? current.url,
          licenceId: body.licence_id ?? current.licenceId,
          visibility: body.visibility ?? current.visibility,
          fileType: body.file_type ?? current.fileType,
          // null clears the language; only an absent key leaves it.
          language:
            body.language === undefined ? current.language : body.language,
        };
        const urlChanged = next.url !== current.url;
        const visibilityChanged = next.visibility !== current.visibility;
        const metadataChanged = (
          [
            'shortName',
            'title',
            'sourceType',
            'licenceId',
            'fileType',
            'language',
          ] as const
        ).some((key) => next[key] !== current[key]);
        if (!urlChanged && !visibilityChanged && !metadataChanged)
          return current;
        if (next.shortName !== current.shortName) {
          const [taken] = await tx
            .select({ id: datasets.id })
            .from(datasets)
            .where(
              and(
                eq(datasets.shortName, next.shortName),
                isNull(datasets.deletedAt),
              ),
            );
          if (taken) throw shortNameTaken(next.shortName);
        }
        let row: DatasetRow | undefined;
        try {
          [row] = await tx
            .update(datasets)
            .set({
              ...next,
              version: sql`${datasets.version} + 1`,
              updatedAt: sql`now()`,
              lastMetadataUpdateDate: sql`now()`,
              ...(urlChanged ? { lastUrlUpdateDate: sql`now()` } : {}),
            })
            .where(
              and(eq(datasets.id, did), eq(datasets.version, current.version)),
            )
            .returning();
        } catch (error) {
          if (isUniqueViolation(error)) throw shortNameTaken(next.shortName);
          throw error;
        }
        if (!row) {
          throw new RydError(
            'precondition_failed',
            'This dataset was changed by someone else. Reload it and try again.',
          );
        }
        const org = await findLiveOrg(tx, current.ownerOrgId);
        const actor = await describeActor(tx, principal, {
          id: current.ownerOrgId,
          humanReadableName: org?.humanReadableName ?? '',
        });
        const actionTypes: DatasetActionType[] = [];
        if (urlChanged) actionTypes.push('update_url');
        if (visibilityChanged) actionTypes.push('change_visibility');
        if (metadataChanged) actionTypes.push('update_metadata');
        await tx.insert(datasetActions).values(
          actionTypes.map((actionType) => ({
            ...actor,
            datasetId: did,
            actionType,
          })),
        );
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action: 'dataset.update',
            entityType: 'dataset',
            entityId: did,
            orgId: current.ownerOrgId,
            before: auditView(current),
            after: auditView(row),
          },
        );

        return row;
      });
      c.header('ETag', formatEtag(updated.version));

      return c.json(successBody(toDatasetRead(updated, [])), 200);
    },
  );

  // E21
  api.openapi(
    rydRoute(deps, {
      method: 'delete',
      path: '/datasets/{did}',
      summary: 'Delete a dataset (E21)',
      description: 'Its short name becomes free for reuse. Honours If-Match.',
      scopes: ['ryd', 'ryd:dataset:delete'],
      request: { params: didParams },
      responses: {
        200: json(emptySuccessSchema, 'Deleted'),
        412: errorResponse('If-Match did not match'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { did } = c.req.valid('param');

      await loadDatasetAccess(db, principal, did, 'delete-dataset');
      // Read after the permission check, so that a caller without access
      // gets the same 403 whatever If-Match holds.
      const expected = readIfMatch(c);

      await db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(datasets)
          .where(and(eq(datasets.id, did), isNull(datasets.deletedAt)))
          .for('update');
        if (!current) throw datasetNotFound(did);
        assertVersionMatches(expected, current.version);
        const [row] = await tx
          .update(datasets)
          .set({
            deletedAt: sql`now()`,
            version: sql`${datasets.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(eq(datasets.id, did), eq(datasets.version, current.version)),
          )
          .returning({ id: datasets.id });
        if (!row) {
          throw new RydError(
            'precondition_failed',
            'This dataset was changed by someone else. Reload it and try again.',
          );
        }
        const org = await findLiveOrg(tx, current.ownerOrgId);
        const actor = await describeActor(tx, principal, {
          id: current.ownerOrgId,
          humanReadableName: org?.humanReadableName ?? '',
        });
        await tx
          .insert(datasetActions)
          .values({ ...actor, datasetId: did, actionType: 'delete' });
        await writeAudit(
          tx,
          { principal, requestId: c.get('requestId') },
          {
            action: 'dataset.delete',
            entityType: 'dataset',
            entityId: did,
            orgId: current.ownerOrgId,
            before: auditView(current),
          },
        );
      });

      return c.json(successBody(null), 200);
    },
  );
}
