import type { SyncHealthResponse, SyncState } from '../../../../../service/src/contract/index.ts';
import type { FlowStrings } from '../strings/en.ts';

/** What the freshness line needs: the sync's flow state when known, else the summary's time. */
export interface FreshnessInput {
  /** undefined while loading or when the sync's health could not be read. */
  health: SyncHealthResponse | undefined;
  /** The summary's `syncedAt`: undefined while loading; null before the first sync. */
  syncedAt: string | null | undefined;
  strings: FlowStrings['states'];
  /** An instant as the team reads it (its zone, the user's language). */
  formatInstant: (iso: string) => string;
}

export interface Freshness {
  text: string;
  /** The flow streams' state, for styling and tests; null when only the summary's time was known. */
  state: SyncState | null;
}

/** The least progress among the flow streams still running their first sync, in whole percent. */
function firstSyncPercent(health: SyncHealthResponse): number | null {
  const progress = health.streams
    .filter(
      (stream) => stream.feature === 'flow' && stream.progress !== null && stream.state === 'first_sync',
    )
    .map((stream) => stream.progress ?? 0);
  return progress.length === 0 ? null : Math.round(Math.min(...progress) * 100);
}

/** The freshness line in the user's language: data as of when, and whatever holds the sync back. */
export function freshnessLine({ health, syncedAt, strings, formatInstant }: FreshnessInput): Freshness {
  const words = strings.freshness;
  if (health === undefined) {
    if (syncedAt === undefined) return { text: '', state: null };
    return { text: syncedAt === null ? words.never : strings.syncedAt(formatInstant(syncedAt)), state: null };
  }
  const state = health.flowState;
  const asOfIso = health.flowDataAsOf ?? syncedAt ?? null;
  if (state === 'first_sync' || asOfIso === null) {
    return { text: state === 'first_sync' ? words.firstSync(firstSyncPercent(health)) : words.never, state };
  }
  const asOf = formatInstant(asOfIso);
  switch (state) {
    case 'paced':
      return {
        text:
          health.resumesAt === null
            ? strings.syncedAt(asOf)
            : words.paced(asOf, formatInstant(health.resumesAt)),
        state,
      };
    case 'stale':
      return { text: words.stale(asOf), state };
    case 'failed':
      return {
        text: words.failed(asOf, health.nextRunAt === null ? null : formatInstant(health.nextRunAt)),
        state,
      };
    case 'needs_credentials':
    case 'needs_scope':
      return { text: words.needsAccess(asOf), state };
    case 'syncing':
    case 'fresh':
    case 'queued':
      return { text: strings.syncedAt(asOf), state };
  }
}
