import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '../../../../extension/src/data/queryClient.ts';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('QueryClient', () => {
  it('shares one request per key and notifies subscribers with the answer', async () => {
    const client = new QueryClient();
    const answer = deferred<number>();
    const fetcher = vi.fn(() => answer.promise);
    const listener = vi.fn();
    client.subscribe('a', listener);
    client.ensure('a', fetcher);
    client.ensure('a', fetcher);
    expect(fetcher).toHaveBeenCalledTimes(1);
    answer.resolve(42);
    await answer.promise;
    expect(client.getState<number>('a')).toMatchObject({ status: 'success', data: 42 });
    expect(listener).toHaveBeenCalled();
  });

  it('serves a fresh answer from the cache and refetches a stale one', async () => {
    let now = 0;
    const client = new QueryClient({ staleMs: 1000, now: () => now });
    const fetcher = vi.fn(() => Promise.resolve('x'));
    client.subscribe('k', () => undefined);
    client.ensure('k', fetcher);
    await Promise.resolve();
    await Promise.resolve();
    client.ensure('k', fetcher);
    expect(fetcher).toHaveBeenCalledTimes(1);
    now = 2000;
    client.ensure('k', fetcher);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('keeps errors as errors and aborts a request nobody watches any more', async () => {
    const client = new QueryClient();
    const failing = deferred<string>();
    client.subscribe('e', () => undefined);
    client.ensure('e', () => failing.promise);
    failing.reject(new Error('boom'));
    await failing.promise.catch(() => undefined);
    await Promise.resolve();
    expect(client.getState('e')).toMatchObject({ status: 'error', error: { message: 'boom' } });

    let signal: AbortSignal | undefined;
    const stop = client.subscribe('slow', () => undefined);
    client.ensure('slow', (s) => {
      signal = s;
      return new Promise<string>(() => undefined);
    });
    stop();
    expect(signal?.aborted).toBe(true);
  });

  it('invalidate refetches watched keys under a prefix and drops the rest', () => {
    const client = new QueryClient();
    const watched = vi.fn(() => Promise.resolve(1));
    client.subscribe('summary:1', () => undefined);
    client.ensure('summary:1', watched);
    client.ensure('summary:2', () => Promise.resolve(2));
    client.invalidate('summary:');
    expect(watched).toHaveBeenCalledTimes(2);
    expect(client.getState('summary:2')).toEqual({ status: 'loading' });
  });
});
