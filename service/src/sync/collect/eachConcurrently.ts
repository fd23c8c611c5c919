/**
 * Runs `work` for every item with at most `limit` in flight, in order of start. Per-parent questions
 * (a pull request's details, the changes of one deployment) are independent, so they need not wait for
 * each other's round trips; the organization's request budget still caps what reaches Azure DevOps.
 * The first failure stops new starts and is thrown once the started ones have settled.
 */
export async function eachConcurrently<T>(
  items: Iterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      const next = iterator.next();
      if (next.done === true) return;
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, () => worker()));
  if (failure !== undefined) throw failure.error;
}

/** Per-parent questions in flight per stream: the budget's default concurrency. */
export const PER_PARENT_CONCURRENCY = 4;
