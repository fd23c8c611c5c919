import type { QuarantineResponse, SyncHealthResponse } from '../contract/syncStatus.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import type { StreamStatusStore, SyncJobQueue } from '../storage/tenants.ts';
import { describeSyncHealth } from './health.ts';
import { streamOfPageKind } from './quarantineStreams.ts';
import type { StreamFeature } from './stream.ts';
import { ALL_STREAMS } from './streams.ts';

/** Sync health and quarantine of one organization, for the API. */
export interface SyncHealthReader {
  health(organization: string): Promise<SyncHealthResponse>;
  quarantine(organization: string): Promise<QuarantineResponse>;
}

const FEATURES: ReadonlyMap<string, StreamFeature> = new Map(
  ALL_STREAMS.map((stream) => [stream.name, stream.access.feature]),
);

export function createSyncHealthReader(dependencies: {
  repository: SeikaRepository;
  statusStore: StreamStatusStore;
  jobs: SyncJobQueue;
  /** Time between full runs: a stream not refreshed for twice this is stale. */
  intervalMs: number;
  now?: () => number;
}): SyncHealthReader {
  const now = dependencies.now ?? Date.now;
  return {
    async health(organization) {
      const [statuses, job, quarantined] = await Promise.all([
        dependencies.statusStore.list(organization),
        dependencies.jobs.describe(organization),
        dependencies.repository.listQuarantined(organization),
      ]);
      const counts = new Map<string, number>();
      for (const record of quarantined) {
        const stream = streamOfPageKind(record.stream);
        counts.set(stream, (counts.get(stream) ?? 0) + 1);
      }
      return describeSyncHealth({
        organization,
        statuses,
        job,
        features: FEATURES,
        quarantined: counts,
        intervalMs: dependencies.intervalMs,
        now: now(),
      });
    },
    async quarantine(organization) {
      const records = await dependencies.repository.listQuarantined(organization);
      return {
        organization,
        records: records.map((record) => ({
          stream: record.stream,
          rawPageId: record.rawPageId,
          position: record.position,
          itemKey: record.itemKey,
          reason: record.reason,
          quarantinedAt: new Date(record.quarantinedAt).toISOString(),
        })),
      };
    },
  };
}
