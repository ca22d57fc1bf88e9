/**
 * Every RYD endpoint as the fuzzer sees it: a valid request (real seeded ids,
 * a body that would succeed) and the shape of its inputs, so that each
 * generated case breaks exactly one thing of a request that would otherwise
 * change data. Field rules mirror lib/ryd/schemas.ts.
 */
import { randomUUID } from 'node:crypto';

import { demoTools, personas } from '@/lib/demo/personas';
import { seedOrgs } from '@/lib/demo/seed-data';

export type FieldKind =
  /** Trimmed free text with an upper bound; `minLength` after trimming. */
  | { type: 'text'; minLength: number }
  | { type: 'shortName' }
  | { type: 'uuid' }
  | { type: 'enum'; values: readonly string[] };

export type FieldSpec = {
  name: string;
  kind: FieldKind;
  /** Whether JSON null is accepted. */
  nullable: boolean;
};

export type BodySpec = {
  fields: FieldSpec[];
  /** A body the endpoint would accept (fresh names on every call). */
  valid(): Record<string, unknown>;
};

export type QuerySpec = {
  name: string;
  /** Values the endpoint must refuse (raw, before URL encoding). */
  invalid: readonly string[];
};

export type EndpointSpec = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Template below /api/v1, as in the OpenAPI document. */
  path: string;
  /** Valid values of the path parameters. */
  params: Record<string, string>;
  /** Whether no token is needed (public endpoints). */
  public?: boolean;
  paged?: boolean;
  query?: QuerySpec[];
  body?: BodySpec;
  /** Honours If-Match (412 on a malformed or stale tag). */
  ifMatch?: boolean;
  /** Honours Idempotency-Key (400 on a malformed key). */
  idempotency?: boolean;
};

export type FuzzIds = {
  /** An org the admin persona administers, with datasets. */
  oid: string;
  /** A second org the admin administers where the demo tool is authorised. */
  toolOid: string;
  /** A live dataset of `oid`. */
  did: string;
};

const text = (name: string, minLength = 0, nullable = true): FieldSpec => ({
  name,
  kind: { type: 'text', minLength },
  nullable,
});

const OPTIONAL_ORG_TEXT = [
  'address',
  'data_portal_url',
  'default_licence_id',
  'description',
  'exclusions_policy_url',
  'fax',
  'hq_country',
  'organisation_type',
  'phone',
  'region',
  'reporting_source_type',
  'website',
];

const unique = (prefix: string) =>
  `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

const INCLUDE_ACTIONS: QuerySpec = {
  name: 'include_actions',
  invalid: ['x'.repeat(11), 'yes'.repeat(20)],
};
const SEARCH: QuerySpec = {
  name: 'q',
  invalid: ['a', ' a ', '', '   ', 'x'.repeat(41), 'ab\u0000', '\u0000\u0000'],
};

export function buildCatalogue(ids: FuzzIds): EndpointSpec[] {
  const admin = personas.admin.uid;
  const { oid, toolOid, did } = ids;

  return [
    {
      method: 'GET',
      path: '/discoverable-reporting-orgs',
      params: {},
      paged: true,
      query: [SEARCH],
    },
    {
      method: 'GET',
      path: '/reporting-orgs',
      params: {},
      paged: true,
      query: [
        SEARCH,
        INCLUDE_ACTIONS,
        { name: 'all', invalid: ['maybe', 'YES', 'Yes', '', 'yes ', '1'] },
      ],
    },
    {
      method: 'POST',
      path: '/reporting-orgs',
      params: {},
      idempotency: true,
      body: {
        fields: [
          { name: 'short_name', kind: { type: 'shortName' }, nullable: false },
          text('human_readable_name', 1, false),
          text('contact_email', 3, false),
          text('organisation_identifier'),
          ...OPTIONAL_ORG_TEXT.map((name) => text(name)),
        ],
        valid: () => ({
          short_name: unique('fuzz-org'),
          human_readable_name: 'Fuzz Organisation',
          contact_email: 'fuzz@example.org',
          organisation_identifier: 'XI-FUZZ-1',
          description: 'Created only if the server accepts a bad request.',
        }),
      },
    },
    {
      method: 'GET',
      path: '/reporting-orgs/{oid}',
      params: { oid },
      query: [INCLUDE_ACTIONS],
    },
    {
      method: 'PATCH',
      path: '/reporting-orgs/{oid}',
      params: { oid },
      ifMatch: true,
      query: [INCLUDE_ACTIONS],
      body: {
        fields: [
          text('human_readable_name', 1, false),
          text('contact_email', 1, true),
          ...OPTIONAL_ORG_TEXT.map((name) => text(name)),
        ],
        valid: () => ({
          human_readable_name: unique('Renamed by fuzz'),
          website: 'https://fuzz.example.org',
        }),
      },
    },
    {
      method: 'DELETE',
      path: '/reporting-orgs/{oid}',
      params: { oid },
      ifMatch: true,
    },
    { method: 'GET', path: '/reporting-orgs/{oid}/users', params: { oid } },
    {
      method: 'GET',
      path: '/reporting-orgs/{oid}/datasets',
      params: { oid },
      paged: true,
      query: [
        SEARCH,
        INCLUDE_ACTIONS,
        { name: 'file_type', invalid: ['xml', 'Activity', 'activities', ''] },
        { name: 'visibility', invalid: ['PUBLIC', 'hidden', '', 'public '] },
        { name: 'sort', invalid: ['size', 'NAME', '--name', '', 'name,-name'] },
      ],
    },
    {
      method: 'GET',
      path: '/reporting-orgs/{oid}/audit',
      params: { oid },
      paged: true,
    },
    { method: 'GET', path: '/reporting-orgs/{oid}/tools', params: { oid } },
    {
      method: 'POST',
      path: '/reporting-orgs/{oid}/tools',
      params: { oid },
      body: {
        fields: [{ name: 'tid', kind: { type: 'uuid' }, nullable: false }],
        valid: () => ({ tid: demoTools.spreadsheetTool.tid }),
      },
    },
    {
      method: 'DELETE',
      path: '/reporting-orgs/{oid}/tools/{tid}',
      params: { oid: toolOid, tid: demoTools.publishingTool.tid },
    },
    {
      method: 'POST',
      path: '/users/{uid}/reporting-org',
      params: { uid: admin },
      body: {
        fields: [{ name: 'oid', kind: { type: 'uuid' }, nullable: false }],
        valid: () => ({ oid: seedOrgs.meridian.id }),
      },
    },
    {
      method: 'GET',
      path: '/users/{uid}/reporting-orgs',
      params: { uid: admin },
      paged: true,
    },
    {
      method: 'PUT',
      path: '/users/{uid}/reporting-org/{oid}',
      params: { uid: personas.editor.uid, oid },
      ifMatch: true,
      body: {
        fields: [
          {
            name: 'role',
            kind: { type: 'enum', values: ['admin', 'editor', 'contributor'] },
            nullable: false,
          },
        ],
        valid: () => ({ role: 'admin' }),
      },
    },
    {
      method: 'DELETE',
      path: '/users/{uid}/reporting-org/{oid}',
      params: { uid: personas.contributor.uid, oid },
      ifMatch: true,
    },
    { method: 'GET', path: '/users/{uid}/roles', params: { uid: admin } },
    {
      method: 'GET',
      path: '/users/{uid}/roles/reporting-org-permissions/{oid}',
      params: { uid: admin, oid },
    },
    {
      method: 'POST',
      path: '/datasets',
      params: {},
      idempotency: true,
      body: {
        fields: [
          {
            name: 'owner_organisation_id',
            kind: { type: 'uuid' },
            nullable: false,
          },
          { name: 'short_name', kind: { type: 'shortName' }, nullable: false },
          text('human_readable_name', 1, false),
          {
            name: 'source_type',
            kind: {
              type: 'enum',
              values: ['primary_source', 'secondary_source', ''],
            },
            nullable: false,
          },
          text('url', 0, false),
          text('licence_id', 0, false),
          {
            name: 'visibility',
            kind: { type: 'enum', values: ['public', 'private'] },
            nullable: false,
          },
          {
            name: 'file_type',
            kind: { type: 'enum', values: ['activity', 'organisation'] },
            nullable: false,
          },
        ],
        valid: () => ({
          owner_organisation_id: oid,
          short_name: unique('fuzz-dataset'),
          human_readable_name: 'Fuzz dataset',
          source_type: 'primary_source',
          url: 'https://fuzz.example.org/data.xml',
          licence_id: 'cc-by',
          visibility: 'public',
        }),
      },
    },
    { method: 'GET', path: '/datasets/{did}', params: { did } },
    {
      method: 'PATCH',
      path: '/datasets/{did}',
      params: { did },
      ifMatch: true,
      body: {
        fields: [
          text('human_readable_name', 1, false),
          { name: 'short_name', kind: { type: 'shortName' }, nullable: false },
          {
            name: 'source_type',
            kind: {
              type: 'enum',
              values: ['primary_source', 'secondary_source', ''],
            },
            nullable: false,
          },
          text('url', 0, false),
          text('licence_id', 0, false),
          {
            name: 'visibility',
            kind: { type: 'enum', values: ['public', 'private'] },
            nullable: true,
          },
          {
            name: 'file_type',
            kind: { type: 'enum', values: ['activity', 'organisation'] },
            nullable: false,
          },
          {
            name: 'owner_organisation_id',
            kind: { type: 'uuid' },
            nullable: false,
          },
        ],
        valid: () => ({
          human_readable_name: unique('Fuzz title'),
          visibility: 'private',
        }),
      },
    },
    {
      method: 'DELETE',
      path: '/datasets/{did}',
      params: { did },
      ifMatch: true,
    },
    { method: 'GET', path: '/tools', params: {} },
    { method: 'GET', path: '/licences', params: {}, public: true },
    { method: 'GET', path: '/access-check', params: {} },
    { method: 'GET', path: '/openapi.json', params: {}, public: true },
  ];
}

/** The concrete path of an endpoint with some parameters replaced (raw). */
export function fillPath(
  spec: EndpointSpec,
  overrides: Record<string, string> = {},
): string {
  return spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = overrides[name] ?? spec.params[name];
    if (value === undefined) throw new Error(`no value for {${name}}`);

    return value;
  });
}
