/**
 * Turns an untrusted redirect target (`callbackUrl` and the like) into a path
 * on this app, or the fallback (SR-19). Absolute URLs count only when their
 * origin is the app's own.
 */
export function toSafeCallbackPath(
  value: string | null | undefined,
  appOrigin: string,
  fallback = '/orgs',
): string {
  if (!value) return fallback;
  // Backslashes and controls are read as slashes by some browsers.
  if (/[\\\u0000-\u001f]/.test(value)) return fallback;

  let url: URL;
  try {
    url = new URL(value, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin) return fallback;
  if (value.startsWith('//')) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith('/api/auth/')) return fallback;

  return path;
}
