import { createHash, randomBytes } from 'node:crypto';
import type { Persona } from '@/lib/demo/personas';

/**
 * A minimal browser for tests: keeps cookies per origin, follows nothing by
 * itself, and can walk the identity service's login and consent pages.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new Map();
      this.jars.set(origin, jar);
    }

    return jar;
  }

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.cookies(target.origin);
    const headers = new Headers(init.headers);
    if (jar.size) {
      headers.set(
        'cookie',
        [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(target, {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(raw) <= 0;
        if (key.toLowerCase() === 'expires')
          return Date.parse(raw) < Date.now();

        return false;
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }

    return response;
  }
}

export function createPkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');

  return { verifier, challenge };
}

export type AuthorizeResult = {
  /** The redirect back to the client, with `code` and `state`. */
  callbackUrl: URL;
  sawLoginForm: boolean;
  sawConsent: boolean;
};

/**
 * Follows an authorization request through the login and consent pages until
 * the provider redirects to `redirectUri`.
 */
export async function authorizeThroughPages(options: {
  browser: TestBrowser;
  authorizationUrl: URL;
  redirectUri: string;
  persona: Pick<Persona, 'email' | 'password'>;
}): Promise<AuthorizeResult> {
  const { browser, redirectUri, persona } = options;
  let next: URL = options.authorizationUrl;
  let sawLoginForm = false;
  let sawConsent = false;

  for (let hop = 0; hop < 20; hop += 1) {
    if (next.href.startsWith(redirectUri)) {
      return { callbackUrl: next, sawLoginForm, sawConsent };
    }
    const response = await browser.fetch(next);
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      continue;
    }
    const html = await response.text();
    if (html.includes('name="password"')) {
      sawLoginForm = true;
      const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
      const posted = await browser.fetch(new URL(action, next), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          email: persona.email,
          password: persona.password,
        }),
      });
      const redirect = posted.headers.get('location');
      if (!redirect) throw new Error(`login refused (${posted.status})`);
      next = new URL(redirect, next);
      continue;
    }
    if (html.includes('>Continue</button>')) {
      sawConsent = true;
      const action =
        /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
      const posted = await browser.fetch(new URL(action, next), {
        method: 'POST',
      });
      const redirect = posted.headers.get('location');
      if (!redirect) throw new Error(`consent refused (${posted.status})`);
      next = new URL(redirect, next);
      continue;
    }
    throw new Error(`unexpected page ${response.status} at ${next.pathname}`);
  }
  throw new Error('too many redirects');
}
