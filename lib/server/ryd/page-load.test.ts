import { describe, expect, it } from 'vitest';
import { requireRecordId } from './page-load';

describe('record ids from the address', () => {
  it.each(['not-a-uuid', '', '8a2358db87934b18980609225434d85c', '../x'])(
    '%j shows the not-found page',
    (id) => {
      expect(() => requireRecordId(id)).toThrow(
        expect.objectContaining({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' }),
      );
    },
  );

  it('passes a UUID on, lowercased as RYD returns it', () => {
    expect(requireRecordId('8A2358DB-8793-4B18-9806-09225434D85C')).toBe(
      '8a2358db-8793-4b18-9806-09225434d85c',
    );
  });
});
