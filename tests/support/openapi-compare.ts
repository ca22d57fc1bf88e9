/**
 * Reads two OpenAPI 3.0 documents into comparable operation shapes and lists,
 * per operation of a reference document, the checks another document must
 * pass to offer the same interface: the operation itself, its parameters
 * (name, in, required), request-body media types and fields, response status
 * codes and security scopes. Extra things in the other document are allowed
 * unless they would break a client of the reference (a new required field).
 */
import fs from 'node:fs';

import yaml from 'js-yaml';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

type Json = Record<string, unknown>;

export type OpenApiDocument = Json & {
  servers?: { url: string }[];
  paths?: Record<string, Json>;
  security?: Record<string, string[]>[];
};

export type ParameterShape = { name: string; in: string; required: boolean };

export type BodyShape = {
  mediaTypes: string[];
  /** Property names per media type, flattened over $ref/allOf/oneOf/anyOf. */
  properties: Record<string, string[]>;
  /** Required property names per media type. */
  required: Record<string, string[]>;
};

export type OperationShape = {
  /** `GET /reporting-orgs/{oid}`: method and path below the API base. */
  key: string;
  method: string;
  path: string;
  /** The path as written in its document (before any alias). */
  documentPath: string;
  parameters: ParameterShape[];
  body: BodyShape | undefined;
  responses: string[];
  /** Alternatives, each scheme name with its sorted scopes; [] = public. */
  security: { scheme: string; scopes: string[] }[][];
};

/**
 * A path of the reference written differently on purpose, e.g. a misnamed
 * path parameter; `parameters` renames its parameters the same way.
 */
export type PathAlias = {
  from: string;
  to: string;
  parameters: Record<string, string>;
  reason: string;
};

export function readOpenApiFile(file: string): OpenApiDocument | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const parsed: unknown = file.endsWith('.json')
    ? JSON.parse(text)
    : yaml.load(text);
  if (!isObject(parsed)) throw new Error(`${file} is not an OpenAPI object`);

  return parsed as OpenApiDocument;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (`#/components/...`), however many in a row. */
export function resolveRef(document: Json, value: unknown): unknown {
  let current = value;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) {
      throw new Error(`cannot resolve $ref ${ref}`);
    }
    seen.add(ref);
    let target: unknown = document;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    current = target;
  }

  return current;
}

/**
 * Property names and required names of an object schema, through $ref and
 * composition: allOf unites both; oneOf/anyOf unite the properties and
 * require only what every alternative requires.
 */
export function flattenSchema(
  document: Json,
  schema: unknown,
): { properties: Set<string>; required: Set<string> } {
  const resolved = resolveRef(document, schema);
  const properties = new Set<string>();
  const required = new Set<string>();
  if (!isObject(resolved)) return { properties, required };
  if (isObject(resolved.properties)) {
    for (const name of Object.keys(resolved.properties)) properties.add(name);
  }
  if (Array.isArray(resolved.required)) {
    for (const name of resolved.required) required.add(String(name));
  }
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf) {
      const flat = flattenSchema(document, part);
      flat.properties.forEach((name) => properties.add(name));
      flat.required.forEach((name) => required.add(name));
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const alternatives = resolved[key];
    if (!Array.isArray(alternatives) || alternatives.length === 0) continue;
    const flats = alternatives.map((part) => flattenSchema(document, part));
    for (const flat of flats) {
      flat.properties.forEach((name) => properties.add(name));
    }
    const [first, ...rest] = flats;
    for (const name of first?.required ?? []) {
      if (rest.every((flat) => flat.required.has(name))) required.add(name);
    }
  }

  return { properties, required };
}

/** The path part of the first server URL, e.g. `/api/v1` ('' if none). */
export function basePathOf(document: OpenApiDocument): string {
  const url = document.servers?.[0]?.url;
  if (!url) return '';
  const pathname = new URL(url, 'http://base.invalid').pathname;

  return pathname.replace(/\/+$/, '');
}

function readParameters(document: Json, list: unknown): ParameterShape[] {
  if (!Array.isArray(list)) return [];

  return list.map((entry) => {
    const parameter = resolveRef(document, entry);
    if (!isObject(parameter)) throw new Error('parameter is not an object');

    return {
      name: String(parameter.name),
      in: String(parameter.in),
      required: parameter.required === true,
    };
  });
}

function readBody(document: Json, value: unknown): BodyShape | undefined {
  if (value === undefined) return undefined;
  const body = resolveRef(document, value);
  if (!isObject(body) || !isObject(body.content)) {
    return { mediaTypes: [], properties: {}, required: {} };
  }
  const shape: BodyShape = { mediaTypes: [], properties: {}, required: {} };
  for (const [mediaType, media] of Object.entries(body.content)) {
    shape.mediaTypes.push(mediaType);
    const flat = flattenSchema(
      document,
      isObject(media) ? media.schema : undefined,
    );
    shape.properties[mediaType] = [...flat.properties].sort();
    shape.required[mediaType] = [...flat.required].sort();
  }

  return shape;
}

function readSecurity(value: unknown): OperationShape['security'] {
  if (!Array.isArray(value)) return [];

  return value.filter(isObject).map((requirement) =>
    Object.entries(requirement)
      .map(([scheme, scopes]) => ({
        scheme,
        scopes: Array.isArray(scopes) ? scopes.map(String).sort() : [],
      }))
      .sort((a, b) => a.scheme.localeCompare(b.scheme)),
  );
}

/**
 * Every operation of a document, keyed by method and the path below the
 * document's base path (so `servers: [.../api/v1]` + `/tools` and
 * `servers: [...]` + `/api/v1/tools` compare equal when both bases are
 * given relative to the same API root).
 */
export function readOperations(
  document: OpenApiDocument,
  aliases: readonly PathAlias[] = [],
): Map<string, OperationShape> {
  const operations = new Map<string, OperationShape>();
  const globalSecurity = readSecurity(document.security);
  for (const [documentPath, item] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveRef(document, item);
    if (!isObject(pathItem)) continue;
    const alias = aliases.find((entry) => entry.from === documentPath);
    const rename = (name: string) => alias?.parameters[name] ?? name;
    const shared = readParameters(document, pathItem.parameters);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const own = readParameters(document, operation.parameters);
      // Operation-level parameters override path-level ones (same name+in).
      const parameters = [
        ...shared.filter(
          (p) => !own.some((o) => o.name === p.name && o.in === p.in),
        ),
        ...own,
      ].map((p) => ({ ...p, name: rename(p.name) }));
      const path = alias?.to ?? documentPath;
      const key = `${method.toUpperCase()} ${path}`;
      operations.set(key, {
        key,
        method,
        path,
        documentPath,
        parameters,
        body: readBody(document, operation.requestBody),
        responses: Object.keys(
          isObject(operation.responses) ? operation.responses : {},
        ).sort(),
        security:
          operation.security === undefined
            ? globalSecurity
            : readSecurity(operation.security),
      });
    }
  }

  return operations;
}

/** One thing the other document must offer; `check` names a difference. */
export type Expectation = {
  label: string;
  check(served: OperationShape | undefined): string | undefined;
};

function describeSecurity(alternative: OperationShape['security'][number]) {
  return alternative
    .map((entry) => `${entry.scheme}[${entry.scopes.join(' ')}]`)
    .join(' + ');
}

/**
 * The checks for one reference operation, one per parameter, body field,
 * response status and security alternative, so that each difference is its
 * own failing test.
 */
export function expectationsFor(reference: OperationShape): Expectation[] {
  const missing = `${reference.key} is not served`;
  const expectations: Expectation[] = [
    {
      label: 'operation is served',
      check: (served) => (served ? undefined : missing),
    },
  ];

  for (const parameter of reference.parameters) {
    expectations.push({
      label: `parameter ${parameter.in} "${parameter.name}"${parameter.required ? ' (required)' : ''}`,
      check(served) {
        if (!served) return missing;
        const found = served.parameters.find(
          (p) => p.name === parameter.name && p.in === parameter.in,
        );
        if (!found) {
          return `${parameter.in} parameter "${parameter.name}" is missing`;
        }
        if (found.required !== parameter.required) {
          return `${parameter.in} parameter "${parameter.name}" is ${found.required ? 'required' : 'optional'}; the reference has it ${parameter.required ? 'required' : 'optional'}`;
        }

        return undefined;
      },
    });
  }
  expectations.push({
    label: 'no required parameter beyond the reference',
    check(served) {
      if (!served) return missing;
      const extra = served.parameters.filter(
        (p) =>
          p.required &&
          !reference.parameters.some((r) => r.name === p.name && r.in === p.in),
      );

      return extra.length
        ? `required parameters the reference lacks: ${extra.map((p) => `${p.in} "${p.name}"`).join(', ')}`
        : undefined;
    },
  });

  const body = reference.body;
  if (body) {
    for (const mediaType of body.mediaTypes) {
      expectations.push({
        label: `request body ${mediaType}`,
        check(served) {
          if (!served) return missing;
          if (!served.body) return 'has no request body';

          return served.body.mediaTypes.includes(mediaType)
            ? undefined
            : `request body media type ${mediaType} is missing (served: ${served.body.mediaTypes.join(', ') || 'none'})`;
        },
      });
      for (const field of body.properties[mediaType] ?? []) {
        expectations.push({
          label: `request body field "${field}"`,
          check(served) {
            if (!served) return missing;
            const fields = served.body?.properties[mediaType];
            if (!fields) return `no ${mediaType} request body`;

            return fields.includes(field)
              ? undefined
              : `request body field "${field}" is missing`;
          },
        });
      }
      for (const field of body.required[mediaType] ?? []) {
        expectations.push({
          label: `request body field "${field}" is required`,
          check(served) {
            if (!served) return missing;
            const required = served.body?.required[mediaType] ?? [];

            return required.includes(field)
              ? undefined
              : `request body field "${field}" is not required`;
          },
        });
      }
      expectations.push({
        label: 'request body requires no field beyond the reference',
        check(served) {
          if (!served) return missing;
          const known = new Set(body.properties[mediaType] ?? []);
          const extra = (served.body?.required[mediaType] ?? []).filter(
            (field) => !known.has(field),
          );

          return extra.length
            ? `required body fields the reference lacks: ${extra.join(', ')}`
            : undefined;
        },
      });
    }
  }

  for (const status of reference.responses) {
    expectations.push({
      label: `response ${status}`,
      check(served) {
        if (!served) return missing;

        return served.responses.includes(status)
          ? undefined
          : `response ${status} is not documented (served: ${served.responses.join(', ')})`;
      },
    });
  }

  if (reference.security.length === 0) {
    expectations.push({
      label: 'no authentication',
      check(served) {
        if (!served) return missing;

        return served.security.length === 0
          ? undefined
          : `requires ${served.security.map(describeSecurity).join(' or ')}; the reference is public`;
      },
    });
  }
  for (const alternative of reference.security) {
    const wanted = describeSecurity(alternative);
    expectations.push({
      label: `security ${wanted}`,
      check(served) {
        if (!served) return missing;

        return served.security.some((s) => describeSecurity(s) === wanted)
          ? undefined
          : `security ${wanted} is missing (served: ${served.security.map(describeSecurity).join(' or ') || 'none'})`;
      },
    });
  }

  return expectations;
}
