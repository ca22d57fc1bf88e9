/**
 * Generates malformed RYD requests from the endpoint catalogue. Every case
 * starts from a request that would succeed (and change data, for writes) and
 * breaks exactly what its category says, so the only correct answers are the
 * 4xx statuses listed with it. The generator is deterministic for a seed.
 */
import {
  fillPath,
  type EndpointSpec,
  type FieldSpec,
} from './ryd-fuzz-catalogue';
import type { Random } from './ryd-fuzz-random';

export type FuzzCategory =
  | 'bad-json'
  | 'non-object-json'
  | 'wrong-field-type'
  | 'bad-field-value'
  | 'unknown-field'
  | 'missing-body'
  | 'wrong-content-type'
  | 'huge-body'
  | 'deep-json'
  | 'bad-path-param'
  | 'bad-pagination'
  | 'bad-query'
  | 'wrong-method'
  | 'bad-path'
  | 'bad-if-match'
  | 'bad-idempotency-key'
  | 'bad-token'
  | 'combined';

export type FuzzCase = {
  id: number;
  category: FuzzCategory;
  /**
   * The catalogue entry the case breaks, `METHOD /template`; for a method a
   * path does not have, that method and the path's template.
   */
  endpoint: string;
  /** What is wrong, for failure messages. */
  description: string;
  method: string;
  /** Below the server root, already URL-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body without Content-Length (chunked). */
  chunked?: boolean;
  /**
   * `persona`: sent with the admin and the superadmin token (and, for some,
   * with none); `header`: sent once with the Authorization header given.
   */
  auth: { kind: 'persona' } | { kind: 'header'; value: string };
  /** Acceptable statuses with a valid token. */
  expected: number[];
  /** Acceptable statuses without a token. */
  expectedWithoutToken: number[];
};

export type FuzzTokens = {
  /** An admin token with a corrupted signature. */
  tampered: string;
  expired: string;
  wrongAudience: string;
};

const API = '/api/v1';
const JSON_TYPE = 'application/json';

const WRONG_TYPES: readonly unknown[] = [
  0,
  1,
  -1,
  1.5,
  1e308,
  true,
  false,
  [],
  ['x'],
  {},
  { $gt: '' },
];

const BAD_SHORT_NAMES = [
  '',
  'Upper-Case',
  'with space',
  'a/b',
  'a\\b',
  'a.b',
  'name@org',
  'star*',
  'what?',
  'colon:x',
  'ünïcödé',
  'ｆｕｌｌｗｉｄｔｈ',
  'trailing-newline\n',
  'nul\u0000byte',
  'bell\u0007',
  '\u202eright-to-left',
  'zero\u200bwidth',
  'lone\ud800surrogate',
  '😀',
  'x'.repeat(101),
];

const VALID_UUID = '8a2358db-8793-4b18-9806-09225434d85c';
const BAD_UUIDS = [
  '',
  'not-a-uuid',
  '123',
  VALID_UUID.replace(/-/g, ''),
  `{${VALID_UUID}}`,
  `urn:uuid:${VALID_UUID}`,
  `${VALID_UUID}x`,
  VALID_UUID.slice(0, -1),
  VALID_UUID.replace('8', 'g'),
  ` ${VALID_UUID}`,
  `${VALID_UUID}\n`,
  `${VALID_UUID}\u0000`,
  VALID_UUID.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  "' OR '1'='1",
  '00000000-0000-0000-0000-00000000000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'null',
];

/** Path segments that are no UUID (raw; URL-encoded when used). */
const BAD_PATH_IDS = [
  ...BAD_UUIDS.filter((id) => id !== ''),
  'undefined',
  '0',
  '-1',
  '%',
  VALID_UUID.replace(/-/g, '/'),
  `${VALID_UUID}/`,
  'x'.repeat(6000),
  'é',
  '\u0007',
];

const PAGE_VALUES = [
  '0',
  '-1',
  '1e9',
  'abc',
  '',
  '1.5',
  ' 1',
  '+1',
  '0x10',
  '١',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  'true',
  '1,2',
  '-0',
];
const PAGE_SIZE_VALUES = [
  '0',
  '-1',
  '501',
  '1000000000',
  'abc',
  '',
  '1e2',
  '100.0',
  'Infinity',
];

const UNKNOWN_FIELDS = [
  'unknown',
  'id',
  '__proto__',
  'constructor',
  'registry_approved',
  'created_date',
  'version',
  'role',
  'short_name',
  'organisation_identifier',
  'owner_organisation_id',
  'dataset_actions',
  'user_role',
];

function enumInvalid(values: readonly string[]): string[] {
  const out = new Set<string>(['unknown', 'null', 'undefined']);
  for (const value of values.filter(Boolean)) {
    out.add(value.toUpperCase());
    out.add(`${value} `);
    out.add(` ${value}`);
    out.add(`${value}\u0000`);
    out.add(`${value}\u200b`);
    out.add(value.replace(/a/g, '\u0430').replace(/o/g, '\u043e'));
  }
  if (!values.includes('')) out.add('');
  for (const value of values) out.delete(value);

  return [...out];
}

/** Values a field must refuse, besides the wrong JSON types. */
function badValues(field: FieldSpec): unknown[] {
  const values: unknown[] = field.nullable ? [] : [null];
  switch (field.kind.type) {
    case 'text':
      values.push('x'.repeat(60_000), 'a\u0000b', '\u0000');
      // Unpaired surrogates: JSON.stringify writes them as \uXXXX escapes,
      // which PostgreSQL cannot store (a high half, a low half, a reversed
      // pair).
      values.push('\ud800', 'x\udfff', 'a\udc00\ud83db');
      if (field.kind.minLength >= 1) values.push('', '   ', '\n\t');
      if (field.kind.minLength >= 3) values.push('ab');
      break;
    case 'shortName':
      values.push(...BAD_SHORT_NAMES);
      break;
    case 'uuid':
      values.push(...BAD_UUIDS);
      break;
    case 'enum':
      values.push(...enumInvalid(field.kind.values));
      break;
  }

  return values;
}

function randomBadShortName(random: Random): string {
  const valid = 'abcdefghijklmnopqrstuvwxyz0123456789-_';
  const invalid = [
    ...'ABCXYZ !@#$%^&*()+=[]{};:\'",.<>/?\\|`~éü中\u0000\u0007\u001b\u200bａ',
    '\ud83d',
  ];
  const chars = [...random.string(valid, random.int(0, 30))];
  chars.splice(random.int(0, chars.length), 0, random.pick(invalid));

  return chars.join('');
}

/** A well-formed UUID drawn from the seeded generator (reproducible). */
function randomUuid(random: Random): string {
  const hex = random.string('0123456789abcdef', 32);

  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

function randomBadUuid(random: Random): string {
  const chars = [...randomUuid(random)];
  const position = random.int(0, chars.length - 1);
  switch (random.int(0, 4)) {
    case 0:
      chars[position] = random.pick([...'ghxyzGZ-_ .:{}\u0000é']);
      if (chars[position] === '-' && [8, 13, 18, 23].includes(position)) {
        chars[position] = 'g';
      }
      break;
    case 1:
      chars.splice(position, 1);
      break;
    case 2:
      chars.splice(position, 0, random.pick([...'0af-']));
      break;
    case 3:
      return chars.join('').replace(/-/g, random.pick(['', '_', ':']));
    default:
      return `${chars.join('')}${random.pick(['0', ' ', '\t', '}', '-0'])}`;
  }

  return chars.join('');
}

function encodeBody(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

type Draft = Omit<FuzzCase, 'id'>;

export function generateFuzzCases(options: {
  catalogue: EndpointSpec[];
  random: Random;
  tokens: FuzzTokens;
}): FuzzCase[] {
  const { catalogue, random, tokens } = options;
  const drafts: Draft[] = [];
  const add = (draft: Draft) => drafts.push(draft);
  const urlOf = (spec: EndpointSpec, overrides?: Record<string, string>) =>
    `${API}${fillPath(spec, overrides)}`;
  const jsonHeaders = { 'content-type': JSON_TYPE };
  const withBody = catalogue.filter((spec) => spec.body);
  const validRequest = (spec: EndpointSpec) => ({
    endpoint: `${spec.method} ${spec.path}`,
    method: spec.method,
    path: urlOf(spec),
    headers: spec.body ? { ...jsonHeaders } : {},
    body: spec.body ? encodeBody(spec.body.valid()) : undefined,
  });
  // Validation happens after authentication: without a token, a 401.
  const afterAuth = (expected: number[]) => ({
    auth: { kind: 'persona' as const },
    expected,
    expectedWithoutToken: [401],
  });

  // Body fields: wrong JSON types and values the schema refuses.
  for (const spec of withBody) {
    const body = spec.body;
    if (!body) continue;
    for (const field of body.fields) {
      const values = [...WRONG_TYPES, ...badValues(field)];
      for (const value of values) {
        const wrongType =
          value === null || typeof value !== 'string'
            ? 'wrong-field-type'
            : 'bad-field-value';
        add({
          ...validRequest(spec),
          category: wrongType,
          description: `${spec.method} ${spec.path}: ${field.name} = ${JSON.stringify(value).slice(0, 60)}`,
          body: encodeBody({ ...body.valid(), [field.name]: value }),
          ...afterAuth([400]),
        });
      }
      for (let i = 0; i < 3; i += 1) {
        const value =
          field.kind.type === 'shortName'
            ? randomBadShortName(random)
            : field.kind.type === 'uuid'
              ? randomBadUuid(random)
              : random.pick(WRONG_TYPES);
        add({
          ...validRequest(spec),
          category:
            typeof value === 'string' ? 'bad-field-value' : 'wrong-field-type',
          description: `${spec.method} ${spec.path}: random ${field.name} = ${JSON.stringify(value)}`,
          body: encodeBody({ ...body.valid(), [field.name]: value }),
          ...afterAuth([400]),
        });
      }
    }

    // Unknown and read-only fields (strict schemas).
    for (const name of UNKNOWN_FIELDS) {
      if (body.fields.some((field) => field.name === name)) continue;
      const text =
        name === '__proto__' || name === 'constructor'
          ? `${JSON.stringify(body.valid()).slice(0, -1)},"${name}":{"polluted":true}}`
          : JSON.stringify({ ...body.valid(), [name]: 'x' });
      add({
        ...validRequest(spec),
        category: 'unknown-field',
        description: `${spec.method} ${spec.path}: unknown field ${name}`,
        body: Buffer.from(text),
        ...afterAuth([400]),
      });
    }

    // A required field left out (every create body has some).
    const required = body.fields.filter(
      (field) => field.name in body.valid() && !field.nullable,
    );
    if (spec.method !== 'PATCH') {
      for (const field of required) {
        const partial = body.valid();
        delete partial[field.name];
        add({
          ...validRequest(spec),
          category: 'bad-field-value',
          description: `${spec.method} ${spec.path}: ${field.name} missing`,
          body: encodeBody(partial),
          ...afterAuth([400]),
        });
      }
    }

    // Duplicate keys: JSON.parse keeps the last, which is invalid here.
    const [first] = body.fields;
    if (first) {
      const valid = JSON.stringify(body.valid()).slice(1, -1);
      add({
        ...validRequest(spec),
        category: 'bad-field-value',
        description: `${spec.method} ${spec.path}: duplicate key ${first.name}, the last invalid`,
        body: Buffer.from(`{${valid},"${first.name}":12345}`),
        ...afterAuth([400]),
      });
    }

    // Malformed JSON: refused before authentication.
    const valid = JSON.stringify(body.valid());
    const broken = [
      '{',
      '}',
      valid.slice(0, -1),
      `${valid}x`,
      valid.replace(/"/g, "'"),
      // A doubled comma needs a comma: a one-field body has none, and
      // replacing nothing would send the valid body.
      ...(valid.includes(',') ? [valid.replace(/,/, ',,')] : []),
      valid.replace(/:/, '::'),
      `${valid.slice(0, -1)},}`,
      '{"a":NaN}',
      '{"a":undefined}',
      '{/* comment */}',
      'nul',
      '\u0000',
    ];
    for (const text of broken) {
      for (const headers of [jsonHeaders, {}]) {
        add({
          ...validRequest(spec),
          category: 'bad-json',
          description: `${spec.method} ${spec.path}: malformed JSON ${JSON.stringify(text.slice(0, 40))}${'content-type' in headers ? '' : ' (no Content-Type)'}`,
          headers: { ...headers },
          body: Buffer.from(text),
          auth: { kind: 'persona' },
          expected: [400],
          expectedWithoutToken: [400],
        });
      }
    }
    add({
      ...validRequest(spec),
      category: 'bad-json',
      description: `${spec.method} ${spec.path}: invalid UTF-8 bytes`,
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      auth: { kind: 'persona' },
      expected: [400],
      expectedWithoutToken: [400],
    });

    for (const text of ['null', '[]', '[{}]', '"text"', '1', 'true', '""']) {
      add({
        ...validRequest(spec),
        category: 'non-object-json',
        description: `${spec.method} ${spec.path}: body ${text}`,
        body: Buffer.from(text),
        ...afterAuth([400]),
      });
    }

    // Missing bodies.
    for (const [label, headers, text] of [
      ['no body, no Content-Type', {}, undefined],
      ['no body, JSON Content-Type', jsonHeaders, undefined],
      ['blank body', jsonHeaders, '  \n '],
    ] as const) {
      add({
        ...validRequest(spec),
        category: 'missing-body',
        description: `${spec.method} ${spec.path}: ${label}`,
        headers: { ...headers },
        body: text === undefined ? undefined : Buffer.from(text),
        ...afterAuth([400]),
      });
    }

    // A valid JSON body under a media type the route does not take.
    for (const type of [
      'text/plain',
      'application/xml',
      'text/json',
      'application/jsonx',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=fuzz',
      'application/octet-stream',
    ]) {
      add({
        ...validRequest(spec),
        category: 'wrong-content-type',
        description: `${spec.method} ${spec.path}: Content-Type ${type}`,
        headers: { 'content-type': type },
        ...afterAuth([400, 415]),
      });
    }

    // Bodies over the 64 KiB limit: refused before authentication.
    const huge = (size: number) =>
      encodeBody({ ...body.valid(), [first?.name ?? 'x']: 'x'.repeat(size) });
    for (const [label, size, chunked] of [
      ['100 KB field', 100_000, false],
      ['100 KB field, chunked', 100_000, true],
      ['1 MB field', 1_000_000, false],
    ] as const) {
      add({
        ...validRequest(spec),
        category: 'huge-body',
        description: `${spec.method} ${spec.path}: ${label}`,
        body: huge(size),
        chunked,
        auth: { kind: 'persona' },
        expected: [413],
        expectedWithoutToken: [413],
      });
    }

    // Deeply nested JSON.
    const depth = 15_000;
    const nestedArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const nestedObject = `${'{"a":'.repeat(8000)}1${'}'.repeat(8000)}`;
    const fieldName = first?.name ?? 'x';
    for (const [label, text, statuses, withoutToken] of [
      ['nested arrays as the body', nestedArray, [400], [401]],
      [
        `nested objects as ${fieldName}`,
        `{"${fieldName}":${nestedObject}}`,
        [400],
        [401],
      ],
      [
        'nested objects under an unknown key',
        `${valid.slice(0, -1)},"deep":${nestedArray}}`,
        [400],
        [401],
      ],
      ['unclosed nesting', '['.repeat(depth), [400], [400]],
      [
        'nesting beyond the size limit',
        `${'['.repeat(40_000)}${']'.repeat(40_000)}`,
        [413],
        [413],
      ],
    ] as const) {
      add({
        ...validRequest(spec),
        category: 'deep-json',
        description: `${spec.method} ${spec.path}: ${label}`,
        body: Buffer.from(text),
        auth: { kind: 'persona' },
        expected: [...statuses],
        expectedWithoutToken: [...withoutToken],
      });
    }
  }

  // What a path that is not quite right gets. Most match no route: 404 for
  // everyone. Some land in another route instead: a suffix on a last segment
  // that is a parameter, or a sub-resource that another template has, makes
  // an invalid id there (400 after authentication), or a 405 when that route
  // lacks the method.
  const routes = catalogue.map((entry) => ({
    method: entry.method,
    pattern: new RegExp(`^${API}${entry.path.replace(/\{\w+\}/g, '[^/]+')}$`),
  }));
  const expectationOf = (method: string, path: string) => {
    const methods = routes
      .filter((route) => route.pattern.test(path))
      .map((route) => route.method);
    if (methods.length === 0) {
      return { expected: [404], expectedWithoutToken: [404] };
    }
    if (!methods.some((other) => other === method)) {
      return { expected: [405], expectedWithoutToken: [405] };
    }

    return { expected: [400], expectedWithoutToken: [401] };
  };

  // Path parameters that are no UUID.
  for (const spec of catalogue) {
    for (const name of Object.keys(spec.params)) {
      const values = [
        ...BAD_PATH_IDS,
        randomBadUuid(random),
        randomBadUuid(random),
      ];
      for (const value of values) {
        add({
          ...validRequest(spec),
          category: 'bad-path-param',
          description: `${spec.method} ${spec.path}: {${name}} = ${JSON.stringify(value.slice(0, 60))}`,
          path: urlOf(spec, { [name]: encodeURIComponent(value) }),
          auth: { kind: 'persona' },
          expected: [400],
          expectedWithoutToken: [401],
        });
      }
      const emptied = urlOf(spec, { [name]: '' });
      add({
        ...validRequest(spec),
        category: 'bad-path-param',
        description: `${spec.method} ${spec.path}: empty {${name}}`,
        path: emptied,
        auth: { kind: 'persona' },
        ...expectationOf(spec.method, emptied),
      });
    }
  }

  // Pagination and other query parameters.
  for (const spec of catalogue) {
    const base = urlOf(spec);
    const query = (text: string) => `${base}?${text}`;
    if (spec.paged) {
      const cases: [string, string][] = [
        ...PAGE_VALUES.map(
          (value) =>
            [
              `page=${JSON.stringify(value)}`,
              `page=${encodeURIComponent(value)}`,
            ] as [string, string],
        ),
        ...PAGE_SIZE_VALUES.map(
          (value) =>
            [
              `page_size=${JSON.stringify(value)}`,
              `page_size=${encodeURIComponent(value)}`,
            ] as [string, string],
        ),
        ['page twice', 'page=1&page=2'],
        ['page_size twice', 'page_size=10&page_size=20'],
        ['page=%zz', 'page=%zz'],
        ['page without value', 'page'],
        [
          'random page',
          `page=${encodeURIComponent(random.pick(PAGE_VALUES))}&page_size=${random.int(1, 500)}`,
        ],
        [
          'random page_size',
          `page=${random.int(1, 3)}&page_size=${encodeURIComponent(random.pick(PAGE_SIZE_VALUES))}`,
        ],
      ];
      for (const [label, text] of cases) {
        add({
          ...validRequest(spec),
          category: 'bad-pagination',
          description: `${spec.method} ${spec.path}: ${label}`,
          path: query(text),
          ...afterAuth([400]),
        });
      }
    }
    for (const parameter of spec.query ?? []) {
      for (const value of parameter.invalid) {
        add({
          ...validRequest(spec),
          category: 'bad-query',
          description: `${spec.method} ${spec.path}: ${parameter.name}=${JSON.stringify(value.slice(0, 40))}`,
          path: query(`${parameter.name}=${encodeURIComponent(value)}`),
          ...afterAuth([400]),
        });
      }
      add({
        ...validRequest(spec),
        category: 'bad-query',
        description: `${spec.method} ${spec.path}: ${parameter.name} twice`,
        path: query(`${parameter.name}=yes&${parameter.name}=no`),
        ...afterAuth([400]),
      });
    }
  }

  // Methods a path does not have: 405 before authentication.
  const methodsByPath = new Map<string, Set<string>>();
  for (const spec of catalogue) {
    const set = methodsByPath.get(spec.path) ?? new Set<string>();
    set.add(spec.method);
    methodsByPath.set(spec.path, set);
  }
  for (const [path, methods] of methodsByPath) {
    const spec = catalogue.find((entry) => entry.path === path);
    if (!spec) continue;
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      if (methods.has(method)) continue;
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
      add({
        endpoint: `${method} ${path}`,
        category: 'wrong-method',
        description: `${method} ${path} (not a method of this path)`,
        method,
        path: urlOf(spec),
        headers: hasBody ? { ...jsonHeaders } : {},
        body: hasBody ? Buffer.from('{}') : undefined,
        auth: { kind: 'persona' },
        expected: [405],
        expectedWithoutToken: [405],
      });
    }
  }

  // Paths that are not quite right.
  for (const spec of catalogue) {
    const request = validRequest(spec);
    const variants = [
      [`${request.path}/`, 'trailing slash'],
      [`${request.path}//`, 'two trailing slashes'],
      [request.path.replace(API, `${API}/`), 'double slash after the prefix'],
      [request.path.replace(API, '/api/v2'), 'wrong API version'],
      [request.path.replace(API, ''), 'without the /api/v1 prefix'],
      [request.path.toUpperCase(), 'upper case'],
      [`${request.path}.json`, 'extension'],
      [`${request.path};jsessionid=1`, 'path parameter suffix'],
      [`${request.path}/unknown`, 'unknown sub-resource'],
    ] as const;
    for (const [path, label] of variants) {
      if (path === request.path) continue;
      add({
        ...request,
        category: 'bad-path',
        description: `${spec.method} ${spec.path}: ${label}`,
        path,
        auth: { kind: 'persona' },
        ...expectationOf(spec.method, path),
      });
    }
  }

  // Preconditions: malformed or stale If-Match, malformed Idempotency-Key.
  for (const spec of catalogue) {
    if (spec.ifMatch) {
      for (const tag of ['W/"1"', '"abc"', '1', '""', '"0"', '"999999"', 'x']) {
        const request = validRequest(spec);
        add({
          ...request,
          category: 'bad-if-match',
          description: `${spec.method} ${spec.path}: If-Match ${tag}`,
          headers: { ...request.headers, 'if-match': tag },
          ...afterAuth([412]),
        });
      }
    }
    if (spec.idempotency) {
      for (const key of ['', 'with space', 'x'.repeat(201), 'caf\u00e9']) {
        const request = validRequest(spec);
        add({
          ...request,
          category: 'bad-idempotency-key',
          description: `${spec.method} ${spec.path}: Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`,
          headers: { ...request.headers, 'idempotency-key': key },
          ...afterAuth([400]),
        });
      }
    }
  }

  // Valid requests with a bad or missing bearer token.
  const badAuthorizations = [
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'Bearer not.a.jwt',
    'Token abc',
    `Bearer ${'x'.repeat(4000)}`,
    `Bearer ${tokens.tampered}`,
    `Bearer ${tokens.expired}`,
    `Bearer ${tokens.wrongAudience}`,
    `Bearer ${tokens.tampered} ${tokens.tampered}`,
  ];
  for (const spec of catalogue.filter((entry) => !entry.public)) {
    for (const value of badAuthorizations) {
      add({
        ...validRequest(spec),
        category: 'bad-token',
        description: `${spec.method} ${spec.path}: Authorization ${value.slice(0, 30)}…`,
        auth: { kind: 'header', value },
        expected: [401],
        expectedWithoutToken: [401],
      });
    }
  }

  // Random combinations of two or three broken fields.
  for (let i = 0; i < 150; i += 1) {
    const spec = random.pick(withBody);
    const body = spec.body;
    if (!body) continue;
    const mutated = body.valid();
    const names: string[] = [];
    for (let n = random.int(2, 3); n > 0; n -= 1) {
      const field = random.pick(body.fields);
      mutated[field.name] = random.pick([...WRONG_TYPES, ...badValues(field)]);
      names.push(field.name);
    }
    add({
      ...validRequest(spec),
      category: 'combined',
      description: `${spec.method} ${spec.path}: broken ${names.join(', ')}: ${JSON.stringify(mutated).slice(0, 120)}`,
      body: encodeBody(mutated),
      ...afterAuth([400]),
    });
  }

  return drafts.map((draft, index) => ({ ...draft, id: index + 1 }));
}
