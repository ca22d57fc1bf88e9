import { describe, expect, it } from 'vitest';
import { needsRefresh, refreshBuffer } from './tokens';
import type { SessionRow } from './session-store';

const MINUTE = 60_000;

/** A session row whose access token was issued at `issuedAt` for `lifetime`. */
function rowWith(issuedAt: number, lifetimeMs: number): SessionRow {
  return {
    tokensUpdatedAt: new Date(issuedAt),
    accessTokenExpiresAt: new Date(issuedAt + lifetimeMs),
  } as SessionRow;
}

describe('SR-08: refresh starts before expiry', () => {
  it.each([
    ['1 hour', 60 * MINUTE, 6 * MINUTE],
    ['20 minutes', 20 * MINUTE, 2 * MINUTE],
    ['5 minutes', 5 * MINUTE, MINUTE],
    // Short test lifetimes: at most half, so each token is still used.
    ['1 minute', MINUTE, 30_000],
    ['30 seconds', 30_000, 15_000],
  ])('a %s token is refreshed %i ms early', (_name, lifetime, buffer) => {
    expect(refreshBuffer(lifetime)).toBe(buffer);
  });

  it('keeps a token until the buffer before expiry, then refreshes', () => {
    const issued = Date.parse('2026-12-04T10:00:00Z');
    const row = rowWith(issued, 60 * MINUTE);

    expect(needsRefresh(row, issued + 53 * MINUTE)).toBe(false);
    expect(needsRefresh(row, issued + 54 * MINUTE)).toBe(true);
    // Long before the API would see an expired token.
    expect(needsRefresh(row, issued + 59 * MINUTE)).toBe(true);
  });

  it('refreshes a token that has already expired', () => {
    const issued = Date.parse('2026-12-04T10:00:00Z');

    expect(needsRefresh(rowWith(issued, MINUTE), issued + 2 * MINUTE)).toBe(
      true,
    );
  });
});
