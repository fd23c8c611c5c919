import { useSyncExternalStore } from 'react';

/** A value the dashboard's calls set and React reads: the frame's one piece of shared state. */
export interface FrameState<T> {
  get(): T;
  set(next: T): void;
  use(): T;
}

export function createFrameState<T>(initial: T): FrameState<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    // A hook: call it only from the frame's components.
    use: () => useSyncExternalStore(subscribe, () => current),
  };
}
