/**
 * Sync settings that come from the environment (`SEIKA_METADATA_REFRESH_MINUTES`,
 * `SEIKA_DELIVERY_HORIZON_DAYS`). `main.ts` sets them once at start; a run may override them (tests).
 */
export interface SyncSettings {
  /** Team settings, iterations and board columns are read again at most this often (no hook exists). */
  metadataRefreshMinutes: number;
  /** How far back the delivery backfill reads pull requests and asks for their details and commits. */
  deliveryHorizonDays: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { metadataRefreshMinutes: 60, deliveryHorizonDays: 365 };

let configured: SyncSettings = DEFAULT_SYNC_SETTINGS;

export function configureSyncSettings(settings: Partial<SyncSettings>): void {
  configured = { ...configured, ...settings };
}

export function syncSettings(overrides?: Partial<SyncSettings>): SyncSettings {
  return { ...configured, ...overrides };
}
