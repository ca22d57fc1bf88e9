import 'server-only';
import { notFound } from 'next/navigation';
import { redirectToSignIn } from '@/lib/server/auth';
import type { Failure } from '@/lib/query/failures';
import { uuidSchema } from '@/lib/ryd/schemas';
import { isRydRequestError } from './errors';

export type PageLoad<T> =
  { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * Runs a RYD read for a page: a missing record shows the not-found page, an
 * ended session sends the person to sign in again, and any other failure is
 * returned for the page to explain in a sentence.
 */
export async function loadForPage<T>(
  load: () => Promise<T>,
): Promise<PageLoad<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (!isRydRequestError(error)) throw error;
    if (error.failure === 'not_found') notFound();
    if (error.failure === 'unauthenticated') return redirectToSignIn();

    return { ok: false, failure: error.failure };
  }
}

/**
 * A record id from the URL, or the not-found page. RYD ids are UUIDs, so any
 * other value names no record; asking RYD would only earn a 400, which a page
 * could explain only as a form error.
 */
export function requireRecordId(id: string): string {
  const parsed = uuidSchema.safeParse(id);
  if (!parsed.success) notFound();

  return parsed.data;
}
