import { createContext, useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import type { Fetcher, QueryClient, QueryState } from './queryClient.ts';

export const QueryClientContext = createContext<QueryClient | null>(null);

export function useQueryClient(): QueryClient {
  const client = useContext(QueryClientContext);
  if (!client) throw new Error('useQuery needs a QueryClientContext provider.');
  return client;
}

/**
 * The state of `key`, fetching it with `fetcher` when needed. `key` must identify everything the fetcher
 * depends on (build it with queryKey()); null waits without fetching.
 */
export function useQuery<T>(key: string | null, fetcher: Fetcher<T>): QueryState<T> & { refetch: () => void } {
  const client = useQueryClient();
  const subscribe = useCallback(
    (listener: () => void) => (key === null ? () => undefined : client.subscribe(key, listener)),
    [client, key],
  );
  const getSnapshot = useCallback(
    (): QueryState<T> => (key === null ? loading : client.getState<T>(key)),
    [client, key],
  );
  const state = useSyncExternalStore(subscribe, getSnapshot);
  useEffect(() => {
    if (key !== null) client.ensure(key, fetcher);
    // The fetcher is identified by the key; a new closure for the same key must not refetch.
  }, [client, key]);
  const refetch = useCallback(() => {
    if (key !== null) client.refetch(key);
  }, [client, key]);
  return { ...state, refetch };
}

const loading: QueryState<never> = { status: 'loading' };

/** A stable cache key from a name and plain parameters (arrays and nested objects keep their order). */
export function queryKey(name: string, parameters: object): string {
  return `${name}:${JSON.stringify(parameters)}`;
}
