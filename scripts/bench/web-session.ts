import { personas, type PersonaKey } from '@/lib/demo/personas';

const MAX_STEPS = 20;

/** Cookies per origin: the web app and the identity service are two hosts. */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin);

    return jar
      ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
      : '';
  }

  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const separator = pair.indexOf('=');
      if (separator < 1) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const isExpired = attributes.some((attribute) =>
        /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
      );
      if (isExpired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}

async function send(
  jar: CookieJar,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: {
      ...(init.headers as Record<string, string> | undefined),
      cookie: jar.header(url),
    },
  });
  jar.store(url, response);

  return response;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag);

  return match?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

/** The page's first form: its action and named inputs. */
function readForm(html: string, pageUrl: string) {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const fields: Record<string, string> = {};
  for (const input of (form[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
    const name = attribute(input[1] ?? '', 'name');
    if (name) fields[name] = attribute(input[1] ?? '', 'value') ?? '';
  }

  return {
    action: new URL(attribute(form[1] ?? '', 'action') ?? pageUrl, pageUrl)
      .href,
    fields,
  };
}

/**
 * Signs a persona in to the web app as a browser would, without one: the
 * app's next-auth sign-in (CSRF token, POST), the identity service's log-in
 * and consent forms, then the app's callback, and finally `landingPath`.
 * Returns the jar holding the session cookie and the landing page's status.
 */
export async function signInToWebApp(options: {
  appUrl: string;
  persona: PersonaKey;
  landingPath: string;
}): Promise<{ jar: CookieJar; landingStatus: number }> {
  const jar = new CookieJar();
  const { appUrl } = options;
  const csrf = await send(jar, `${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await send(jar, `${appUrl}/api/auth/signin/iati`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrfToken,
      callbackUrl: `${appUrl}${options.landingPath}`,
      json: 'true',
    }).toString(),
  });
  const { url } = (await start.json()) as { url: string };
  const { email, password } = personas[options.persona];

  let request: { url: string; init: RequestInit } = { url, init: {} };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const response = await send(jar, request.url, request.init);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      request = { url: new URL(location, request.url).href, init: {} };
      if (new URL(request.url).pathname === options.landingPath) break;
      continue;
    }
    const html = await response.text();
    const form = readForm(html, request.url);
    if (!form) {
      throw new Error(
        `Sign-in as ${options.persona} stopped at ${request.url} (HTTP ${response.status})`,
      );
    }
    if ('password' in form.fields) {
      form.fields.email = email;
      form.fields.password = password;
    }
    request = {
      url: form.action,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form.fields).toString(),
      },
    };
  }
  const landing = await send(jar, `${appUrl}${options.landingPath}`);
  await landing.arrayBuffer();

  return { jar, landingStatus: landing.status };
}
