import type { FirstSyncEstimate } from '../contract/syncStatus.ts';
import type { StreamStatus } from '../storage/tenants.ts';

const iso = (time: number): string => new Date(time).toISOString();

/**
 * The organization's first sync as a whole: the streams that have never succeeded (a stream the PAT
 * lacks a scope for is left out: it does not run). Streams run concurrently, so the first sync ends when
 * the last of them does, and its ETA is the latest of their projected finishes, each from the stream's
 * own progress and pace as saved with its status (a projection made at `updatedAt`, so the time since
 * counts as spent). Unknown (null) while any of them has no estimate (queued behind another stream, not
 * yet measurable, or failed and waiting to retry): a later finish could not be ruled out. Progress is
 * by time, elapsed ÷ (elapsed + left), since streams differ too much in size to average their shares.
 * Pure: `null` when no stream is in its first sync.
 */
export function estimateFirstSync(statuses: readonly StreamStatus[], now: number): FirstSyncEstimate | null {
  const pending = statuses.filter(
    (status) =>
      (status.lastSucceededAt ?? null) === null && status.phase !== 'needs_scope' && status.phase !== 'done',
  );
  if (pending.length === 0) return null;
  let finish = now;
  let withoutEstimate = 0;
  for (const status of pending) {
    if (status.phase !== 'collecting' || status.estimatedSecondsLeft === null) {
      withoutEstimate += 1;
      continue;
    }
    finish = Math.max(finish, status.updatedAt + status.estimatedSecondsLeft * 1000);
  }
  const starts = pending.flatMap((status) => (status.startedAt === null ? [] : [status.startedAt]));
  const startedAt = starts.length === 0 ? null : Math.min(...starts);
  const known = withoutEstimate === 0;
  const leftMs = finish - now;
  const elapsedMs = startedAt === null ? 0 : Math.max(0, now - startedAt);
  return {
    streamsLeft: pending.length,
    streamsWithoutEstimate: withoutEstimate,
    startedAt: startedAt === null ? null : iso(startedAt),
    progress: known && elapsedMs + leftMs > 0 ? elapsedMs / (elapsedMs + leftMs) : null,
    estimatedSecondsLeft: known ? Math.round(leftMs / 1000) : null,
    estimatedFinishAt: known ? iso(finish) : null,
  };
}
