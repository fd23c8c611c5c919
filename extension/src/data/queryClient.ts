/**
 * The hubs' one data layer: a keyed cache of API answers. Every view asks for data by key through
 * useQuery(); the same key shares one request and one answer, so switching views or tabs costs no round
 * trip, and a filter change fetches only what the new key needs. Answers stay fresh for `staleMs`; a
 * request whose last subscriber leaves is aborted.
 */

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T; updatedAt: number }
  | { status: 'error'; error: Error };

export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  state: QueryState<unknown>;
  listeners: Set<() => void>;
  controller: AbortController | undefined;
  /** The fetcher of the latest subscriber, kept so refetch() can run it again. */
  fetcher: Fetcher<unknown> | undefined;
}

export interface QueryClientOptions {
  staleMs?: number;
  now?: () => number;
}

export class QueryClient {
  private readonly entries = new Map<string, Entry>();
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor(options: QueryClientOptions = {}) {
    this.staleMs = options.staleMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { state: { status: 'loading' }, listeners: new Set(), controller: undefined, fetcher: undefined };
      this.entries.set(key, entry);
    }
    return entry;
  }

  getState<T>(key: string): QueryState<T> {
    // The cache stores unknown; each key is only ever fetched by one typed fetcher (see useQuery's keys).
    return this.entry(key).state as QueryState<T>;
  }

  private setState(key: string, state: QueryState<unknown>): void {
    const entry = this.entry(key);
    entry.state = state;
    for (const listener of entry.listeners) listener();
  }

  private isFresh(entry: Entry): boolean {
    return entry.state.status === 'success' && this.now() - entry.state.updatedAt < this.staleMs;
  }

  /** Starts the request for `key` unless an answer is fresh or a request is already in flight. */
  ensure<T>(key: string, fetcher: Fetcher<T>): void {
    const entry = this.entry(key);
    entry.fetcher = fetcher;
    if (entry.controller || this.isFresh(entry)) return;
    this.run(key, entry);
  }

  /** Fetches `key` again even when fresh (a retry button, a saved setting). */
  refetch(key: string): void {
    const entry = this.entry(key);
    entry.controller?.abort();
    entry.controller = undefined;
    this.run(key, entry);
  }

  /** Drops every cached answer whose key starts with `prefix` and refetches those still watched. */
  invalidate(prefix: string): void {
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      if (entry.listeners.size > 0) this.refetch(key);
      else this.entries.delete(key);
    }
  }

  private run(key: string, entry: Entry): void {
    const fetcher = entry.fetcher;
    if (!fetcher) return;
    const controller = new AbortController();
    entry.controller = controller;
    if (entry.state.status === 'error') this.setState(key, { status: 'loading' });
    fetcher(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        entry.controller = undefined;
        this.setState(key, { status: 'success', data, updatedAt: this.now() });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        entry.controller = undefined;
        this.setState(key, { status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  }

  subscribe(key: string, listener: () => void): () => void {
    const entry = this.entry(key);
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0 && entry.controller) {
        entry.controller.abort();
        entry.controller = undefined;
        if (entry.state.status === 'loading') this.entries.delete(key);
      }
    };
  }
}
