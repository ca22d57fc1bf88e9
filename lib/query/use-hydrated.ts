'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server-rendered HTML, true once React runs in the browser.
 * Forms stay disabled until then: they submit through JavaScript, and typing
 * before hydration would be lost when the form takes over its fields.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
