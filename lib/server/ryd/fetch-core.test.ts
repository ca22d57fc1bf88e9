import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { datasetReadSchema, orgRelationSchema } from '@/lib/ryd/schemas';
import { RydRequestError } from './errors';
import { buildRydUrl, requestRyd } from './fetch-core';
import type { RydTransport } from './fetch-core';

const baseUrl = 'http://ryd.test/api/v1';

function json(status: number, body: unknown, headers: HeadersInit = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function failed(status: number, message: string) {
  return json(status, {
    status: 'failed',
    data: null,
    error: { status_code: status, error_msg: message },
  });
}

function transportWith(responses: Response[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const tokens: boolean[] = [];
  const transport: RydTransport = {
    baseUrl,
    getToken: ({ forceRefresh }) => {
      tokens.push(forceRefresh);
      return Promise.resolve(forceRefresh ? 'fresh-token' : 'old-token');
    },
    fetch: (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return Promise.resolve(next);
    },
  };

  return { transport, calls, tokens };
}

function getHeader(init: RequestInit, name: string) {
  return new Headers(init.headers).get(name);
}

const org = {
  id: '552376ae-2aa7-98ab-d800-68daa9bfeb4a',
  metadata: {
    hq_country: 'GB',
    human_readable_name: 'Aid Agency 01',
    organisation_identifier: 'GB-TEST-AGENCY-01',
    region: '89',
    short_name: 'aid-agency-01',
    website: null,
  },
  reporting_org_actions: [],
  user_role: 'contributor_pending',
};

const pagination = {
  page: 2,
  page_size: 1,
  total_pages: 3,
  total_records: 3,
  links: { first: 'x', last: 'y', next: 'z', prev: 'w' },
};

describe('buildRydUrl', () => {
  it('adds query values, skips empty ones and never adds a trailing slash', () => {
    expect(
      buildRydUrl(`${baseUrl}/`, '/reporting-orgs', {
        q: 'aid agency',
        page: 2,
        all: undefined,
        sort: '',
      }),
    ).toBe(`${baseUrl}/reporting-orgs?q=aid+agency&page=2`);
  });
});

describe('requestRyd', () => {
  it('parses the success envelope, the pagination and the ETag', async () => {
    const { transport, calls } = transportWith([
      json(
        200,
        { status: 'success', error: null, data: [org], pagination },
        { etag: '"v3"' },
      ),
    ]);

    const result = await requestRyd(
      transport,
      { path: '/reporting-orgs', query: { page: 2 } },
      z.array(orgRelationSchema),
    );

    expect(result.data[0]?.metadata.human_readable_name).toBe('Aid Agency 01');
    expect(result.pagination?.total_pages).toBe(3);
    expect(result.etag).toBe('"v3"');
    expect(getHeader(calls[0]!.init, 'authorization')).toBe('Bearer old-token');
  });

  it('sends the body as JSON and the If-Match header', async () => {
    const { transport, calls } = transportWith([
      json(200, { status: 'success', error: null, data: null }),
    ]);

    await requestRyd(
      transport,
      {
        path: '/datasets/abc',
        method: 'PATCH',
        body: { url: 'http://example.org/a.xml' },
        ifMatch: '"v7"',
      },
      z.null(),
    );

    const init = calls[0]!.init;
    expect(init.method).toBe('PATCH');
    expect(getHeader(init, 'if-match')).toBe('"v7"');
    expect(getHeader(init, 'content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({
      url: 'http://example.org/a.xml',
    });
  });

  it('retries once with a refreshed token after a 401', async () => {
    const { transport, calls, tokens } = transportWith([
      failed(401, 'There is a problem with your credentials.'),
      json(200, { status: 'success', error: null, data: null }),
    ]);

    await requestRyd(transport, { path: '/access-check' }, z.null());

    expect(tokens).toEqual([false, true]);
    expect(calls.map((c) => getHeader(c.init, 'authorization'))).toEqual([
      'Bearer old-token',
      'Bearer fresh-token',
    ]);
  });

  it('gives up after the second 401 and asks to sign in again', async () => {
    const { transport, calls } = transportWith([
      failed(401, 'expired'),
      failed(401, 'expired'),
    ]);

    const error = await requestRyd(
      transport,
      { path: '/access-check' },
      z.null(),
    ).catch((e: unknown) => e);

    expect(calls).toHaveLength(2);
    expect(error).toBeInstanceOf(RydRequestError);
    expect(error).toMatchObject({ failure: 'unauthenticated' });
  });

  it('ends the session when RYD refuses even the refreshed token', async () => {
    const onTokenRefused = vi.fn(() => Promise.resolve());
    const { transport } = transportWith([
      failed(401, 'expired'),
      failed(401, 'expired'),
    ]);

    await expect(
      requestRyd(
        { ...transport, onTokenRefused },
        { path: '/access-check' },
        z.null(),
      ),
    ).rejects.toMatchObject({ failure: 'unauthenticated' });
    expect(onTokenRefused).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the retry with a refreshed token succeeds', async () => {
    const onTokenRefused = vi.fn(() => Promise.resolve());
    const { transport } = transportWith([
      failed(401, 'expired'),
      new Response(
        JSON.stringify({ status: 'success', data: null, error: null }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      ),
    ]);

    await requestRyd(
      { ...transport, onTokenRefused },
      { path: '/access-check' },
      z.null(),
    );
    expect(onTokenRefused).not.toHaveBeenCalled();
  });

  it('treats a refused token refresh as signed out', async () => {
    const log = vi.fn();
    const transport: RydTransport = {
      baseUrl,
      getToken: ({ forceRefresh }) =>
        forceRefresh
          ? Promise.reject(new Error('refresh token revoked'))
          : Promise.resolve('old-token'),
      fetch: () => Promise.resolve(failed(401, 'expired')),
      log,
    };

    await expect(
      requestRyd(transport, { path: '/access-check' }, z.null()),
    ).rejects.toMatchObject({ failure: 'unauthenticated' });
  });

  it.each([
    [
      400,
      "Data validation error: Field 'short_name': Value error.",
      'validation',
    ],
    [403, 'There is a problem with your credentials.', 'forbidden'],
    [404, 'There is no dataset with ID x in the Registry.', 'not_found'],
    [409, "already a dataset with short_name 'x'", 'conflict'],
    [412, 'The record has changed.', 'stale'],
    [500, 'Internal Server Error', 'unavailable'],
    [503, 'Unavailable', 'unavailable'],
  ] as const)(
    'maps %i to %s without exposing the server message',
    async (status, message, failure) => {
      const { transport } = transportWith([failed(status, message)]);

      const error = await requestRyd(
        transport,
        { path: '/datasets/x' },
        datasetReadSchema,
      ).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(RydRequestError);
      expect(error).toMatchObject({ failure, upstreamStatus: status });
      expect((error as Error).message).not.toContain(message);
    },
  );

  it('names the field of a 400 validation error', async () => {
    const { transport } = transportWith([
      failed(
        400,
        "Data validation error: Field 'short_name': String must contain only lowercase.",
      ),
    ]);

    await expect(
      requestRyd(transport, { path: '/datasets', method: 'POST' }, z.null()),
    ).rejects.toMatchObject({ failure: 'validation', field: 'short_name' });
  });

  it('accepts the one array-shaped error message and non-JSON bodies', async () => {
    const { transport } = transportWith([
      json(500, {
        status: 'failed',
        data: null,
        error: { status_code: 500, error_msg: ['There was a problem.'] },
      }),
      new Response('<html>Bad gateway</html>', { status: 502 }),
    ]);

    for (let i = 0; i < 2; i++) {
      await expect(
        requestRyd(transport, { path: '/x' }, z.null()),
      ).rejects.toMatchObject({ failure: 'unavailable' });
    }
  });

  it('refuses a success answer that does not match the contract', async () => {
    const { transport } = transportWith([
      json(200, { status: 'success', error: null, data: [{ id: 1 }] }),
    ]);

    await expect(
      requestRyd(transport, { path: '/x' }, z.array(orgRelationSchema)),
    ).rejects.toMatchObject({ failure: 'unavailable', upstreamStatus: 200 });
  });

  it('reports an unreachable server as unavailable and logs no token', async () => {
    const log = vi.fn();
    const transport: RydTransport = {
      baseUrl,
      getToken: () => Promise.resolve('secret-token'),
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      log,
    };

    await expect(
      requestRyd(transport, { path: '/x' }, z.null()),
    ).rejects.toMatchObject({ failure: 'unavailable', upstreamStatus: 0 });
    expect(JSON.stringify(log.mock.calls)).not.toContain('secret-token');
  });
});
