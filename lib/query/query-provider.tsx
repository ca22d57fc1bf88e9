'use client';

import {
  QueryCache,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { BffError } from './bff-client';

const ViewerContext = createContext<string | null>(null);

/** The RYD user id the cache belongs to; part of every query key. */
export function useViewerId(): string {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewerId needs a QueryProvider');

  return viewer;
}

/**
 * A read that finds the session ended (the refresh failed) sends the person
 * to sign in once, returning to this page afterwards. Failed changes show
 * their own message instead, so that nothing typed is lost without warning.
 */
function onQueryError(error: Error) {
  if (!(error instanceof BffError) || error.failure !== 'unauthenticated') {
    return;
  }
  const here = `${window.location.pathname}${window.location.search}`;
  // A full load, not a client navigation: it drops every cached answer of
  // the session that ended.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/?callbackUrl=${encodeURIComponent(here)}`);
}

function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onQueryError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Refusals and missing records will not change by asking again.
        retry: (count, error) =>
          !(error instanceof BffError && error.failure !== 'unavailable') &&
          count < 2,
      },
    },
  });
}

/**
 * One cache per signed-in person. When the person changes (sign-out and
 * sign-in as someone else without a full reload), the old cache is dropped
 * before anything renders from it.
 */
export function QueryProvider({
  viewerId,
  children,
}: {
  viewerId: string;
  children: ReactNode;
}) {
  const [state, setState] = useState(() => ({
    viewerId,
    client: createQueryClient(),
  }));

  let current = state;
  if (state.viewerId !== viewerId) {
    state.client.clear();
    current = { viewerId, client: createQueryClient() };
    setState(current);
  }

  useEffect(() => {
    const client = current.client;
    return () => client.clear();
  }, [current.client]);

  return (
    <ViewerContext.Provider value={viewerId}>
      <QueryClientProvider client={current.client}>
        {children}
      </QueryClientProvider>
    </ViewerContext.Provider>
  );
}
