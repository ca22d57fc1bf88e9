/**
 * The served OpenAPI document (/api/v1/openapi.json) against IATI's official
 * one (../shared/ryd/iati-register-your-data-api.yaml beside the repository):
 * every official path and method must be served with the same parameters,
 * request-body fields, response status codes and scopes. One test per
 * checked item, so a failure names the operation and the missing piece.
 * Extensions in the served document are fine.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  basePathOf,
  expectationsFor,
  readOpenApiFile,
  readOperations,
  resolveRef,
  type OpenApiDocument,
  type OperationShape,
  type PathAlias,
} from '../support/openapi-compare';
import { startRydForTest, type RydTestContext } from '../support/ryd-server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const OFFICIAL_FILE = path.resolve(
  repoRoot,
  '../shared/ryd/iati-register-your-data-api.yaml',
);

const PATH_ALIASES: PathAlias[] = [
  {
    from: '/reporting-orgs/{uid}/tools/{tid}',
    to: '/reporting-orgs/{oid}/tools/{tid}',
    parameters: { uid: 'oid' },
    reason:
      'contract §6.3: the official E11 path calls the organisation id {uid} ("UUID of user"); the official code and its meaning use {oid}',
  },
];

/**
 * Deliberate differences: (operation key, expectation label) with a reason.
 * Each entry is itself tested: it fails once the difference is gone, so the
 * list never outlives its reasons.
 */
const ALLOWED_DIFFERENCES: {
  operation: string;
  label: string;
  reason: string;
}[] = [];

const official = readOpenApiFile(OFFICIAL_FILE);

let ctx: RydTestContext;
let served: OpenApiDocument;
let servedOperations: Map<string, OperationShape>;

beforeAll(async () => {
  ctx = await startRydForTest({ seed: false });
  const response = await fetch(`${ctx.api}/openapi.json`);
  expect(response.status).toBe(200);
  served = (await response.json()) as OpenApiDocument;
  servedOperations = readOperations(served);
});

afterAll(async () => {
  await ctx?.stop();
});

if (!official) {
  describe('served OpenAPI document against the official one', () => {
    it.skip(`skipped: the official document ${OFFICIAL_FILE} is absent`, () => {
      // Nothing to compare with.
    });
  });
} else {
  const officialOperations = readOperations(official, PATH_ALIASES);

  describe('served OpenAPI document against the official one', () => {
    it('both documents put the paths under the same base path', () => {
      expect(basePathOf(served)).toBe(basePathOf(official));
      const officialBases = new Set(
        (official.servers ?? []).map((server) =>
          basePathOf({ servers: [server] }),
        ),
      );
      expect([...officialBases]).toEqual([basePathOf(official)]);
      expect(served.servers?.[0]?.url).toBe(ctx.api);
    });

    it('every path alias names a path of the official document', () => {
      const officialPaths = Object.keys(official.paths ?? {});
      for (const alias of PATH_ALIASES) {
        expect(officialPaths, alias.reason).toContain(alias.from);
      }
    });

    it('every allowed difference names an official operation and check', () => {
      for (const entry of ALLOWED_DIFFERENCES) {
        const operation = officialOperations.get(entry.operation);
        expect(operation, entry.operation).toBeDefined();
        const labels = operation ? expectationsFor(operation) : [];
        expect(labels.map((e) => e.label)).toContain(entry.label);
      }
    });

    for (const operation of officialOperations.values()) {
      describe(operation.key, () => {
        for (const expectation of expectationsFor(operation)) {
          const allowed = ALLOWED_DIFFERENCES.find(
            (entry) =>
              entry.operation === operation.key &&
              entry.label === expectation.label,
          );
          if (allowed) {
            it(`${expectation.label} (allowed difference: ${allowed.reason})`, () => {
              expect(
                expectation.check(servedOperations.get(operation.key)),
                'the difference is gone: remove the allow-list entry',
              ).toBeDefined();
            });
            continue;
          }
          it(expectation.label, () => {
            const difference = expectation.check(
              servedOperations.get(operation.key),
            );
            expect(difference, `${operation.key}: ${difference}`).toBe(
              undefined,
            );
          });
        }
      });
    }
  });
}

describe('served OpenAPI document, internal consistency', () => {
  it('every error response (4xx, 5xx) is documented as the RYD error envelope', () => {
    const offenders: string[] = [];
    for (const [key, operation] of servedOperations) {
      const item = served.paths?.[operation.documentPath] as
        Record<string, { responses?: Record<string, unknown> }> | undefined;
      const responses = item?.[operation.method]?.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status)) continue;
        const resolved = resolveRef(served, response) as {
          content?: Record<string, { schema?: { $ref?: string } }>;
        };
        const ref = resolved.content?.['application/json']?.schema?.$ref;
        if (ref !== '#/components/schemas/ErrorEnvelope') {
          offenders.push(`${key} ${status}: ${ref ?? 'no JSON schema'}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
