/** Data older than this is called out as stale (the service syncs every five minutes by default). */
export const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/** True when the last sync is older than STALE_AFTER_MS; never for data not yet synchronised. */
export function isStale(syncedAt: string | null, now: number): boolean {
  return syncedAt !== null && now - Date.parse(syncedAt) > STALE_AFTER_MS;
}
