/**
 * Sync settings that come from the environment (`SEIKA_METADATA_REFRESH_MINUTES`,
 * `SEIKA_DELIVERY_HORIZON_DAYS`): passed with each run's options, the defaults where left out.
 */
export interface SyncSettings {
  /** Team settings, iterations and board columns are read again at most this often (no hook exists). */
  metadataRefreshMinutes: number;
  /** How far back the delivery backfill reads pull requests and asks for their details and commits. */
  deliveryHorizonDays: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { metadataRefreshMinutes: 60, deliveryHorizonDays: 365 };

export function syncSettings(overrides?: Partial<SyncSettings>): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, ...overrides };
}
